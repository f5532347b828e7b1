// The servers registry module: worldserver and gateway registration, health checks, weighted map
// assignment and player placement.
export { registryModule } from "./registry-module.js";
export { registryOptionsSchema, type RegistryOptions } from "./registry-options.js";
export { InMemoryRegistryStore } from "./in-memory-registry-store.js";
export { KvRegistryStore, type RegistryBuckets } from "./kv-registry-store.js";
export type { GameServerRecord, GatewayRecord, GroupMapKey, LoopDelay, RegistryStore, RemovedGameServer, ServerPool } from "./registry-store.js";
export { MAP_IDS_335A, mapWeight } from "./map-weights.js";
export { aliasFor, fnv1a32, hostFromPeer, parseAvailableMaps, serverIdFor } from "./server-identity.js";
export { ProbeTimeoutError, RegistryError, type RegistryErrorCode } from "./errors.js";

// The worldserver side of the cluster, shared by the tc9 sidecar (next to an AzerothCore
// worldserver) and the worldserver simulator, so the two cannot drift apart. See README.md.
export { WorldThreadError, type WorldThreadErrorCode } from "./errors.js";
export type { WorldserverLog } from "./log.js";
export { callOnWorld, type WorldMonitoring, type WorldThread } from "./world-thread.js";
export { retryWithBackoff, sleep, type BackoffPolicy } from "./retry.js";
export {
  GameServerRegistration,
  type AdvertisedPorts,
  type RegisteredServer,
  type RegistrationOptions,
  type WorldserverIdentity,
} from "./registration.js";
export { startHealthEndpoint, type HealthEndpoint, type HealthEndpointOptions } from "./health-endpoint.js";
export { fetchGuidPool, type GuidRange } from "./guid-pool.js";
export {
  busRoute,
  concernsRealm,
  groupGuid32,
  guildEventConcerns,
  mapsReassignedRoute,
  subscribeBusRoutes,
  type BusRoute,
  type DeliveriesFor,
  type MapsChange,
  type RouteTarget,
} from "./bus-routes.js";

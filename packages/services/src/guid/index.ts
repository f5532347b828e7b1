// The guid module (ToCloud9 GuidService) and the pieces other code may reuse.
export { guidModule } from "./guid-module.js";
export { guidOptionsSchema, type GuidOptions } from "./guid-options.js";
export { GUID_API } from "./guid-handler.js";
export { GUID_KINDS, type GuidKind } from "./guid-kinds.js";
export { GuidPool, type GuidPoolObserver, type GuidPoolPolicy } from "./guid-pool.js";
export { GuidStock, type GuidRange } from "./guid-stock.js";
export { HighWaterStore, type GuidSource } from "./high-water-store.js";
export { GuidError, type GuidErrorCode } from "./errors.js";

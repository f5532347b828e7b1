// @tc9/sidecar — the TypeScript side of libsidecar (the C library AzerothCore links in cluster
// mode): the bridge the library connects to over a Unix socket. See README.md.

/** The libsidecar ABI version tc9 implements (`TC9_VERSION_*` in native/include/tc9_version.h). */
export const SIDECAR_ABI_VERSION = { major: 1, minor: 1, patch: 0 } as const;

export { SidecarError, type SidecarErrorCode } from "./errors.js";
export {
  startBridgeServer,
  type BridgeHandlers,
  type BridgeServer,
  type BridgeServerOptions,
  type GuidRange,
  type LibraryHello,
  type Welcome,
} from "./bridge/bridge-server.js";
export { CallKind, GuidType, HookKind, NotifyKind, Outcome, RequestKind } from "./bridge/protocol.js";
export { BodyReader, BodyWriter } from "./bridge/wire.js";
export { defaultSocketPath, loadSidecarConfig, type SidecarConfig } from "./config.js";
export { startSidecar, SIDECAR_NODE, type RunningSidecar, type StartSidecarOptions } from "./sidecar.js";
export { sidecarModule, SIDECAR_MODULE, type SidecarModuleSetup } from "./sidecar-module.js";

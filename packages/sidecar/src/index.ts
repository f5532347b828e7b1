// @tc9/sidecar — the TypeScript side of libsidecar (the C library AzerothCore links in cluster
// mode). It speaks ToCloud9's sidecar ABI version below; the native library and the bridge arrive
// with the sidecar work.

/** The libsidecar ABI version tc9 implements (ToCloud9's `TC9_VERSION_*`). */
export const SIDECAR_ABI_VERSION = { major: 1, minor: 0, patch: 0 } as const;

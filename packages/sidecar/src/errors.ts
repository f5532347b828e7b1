import { Tc9Error } from "@tc9/sdk";

/** The codes of {@link SidecarError}. */
export type SidecarErrorCode =
  /** The configuration (TC9_* environment) is invalid. */
  | "TC9_ERR_SIDECAR_CONFIG"
  /** The bridge socket could not be bound. */
  | "TC9_ERR_SIDECAR_LISTEN"
  /** No worldserver library is connected, so the request cannot reach the world loop. */
  | "TC9_ERR_SIDECAR_NOT_CONNECTED"
  /** The world loop did not run the request before its deadline; nothing was done. */
  | "TC9_ERR_SIDECAR_DEADLINE"
  /** The worldserver library disconnected before answering. */
  | "TC9_ERR_SIDECAR_DISCONNECTED"
  /** The library could not read the request (a version mismatch between library and sidecar). */
  | "TC9_ERR_SIDECAR_MALFORMED";

/** An error of the TypeScript sidecar; `code` says which, the message names the fix. */
export class SidecarError extends Tc9Error {
  declare readonly code: SidecarErrorCode;

  constructor(code: SidecarErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

import { Tc9Error } from "../errors.js";

/** The codes of {@link WorldThreadError}. */
export type WorldThreadErrorCode =
  /** The world loop did not run the work before its deadline; nothing was done. */
  | "TC9_ERR_WORLD_THREAD_DEADLINE"
  /** There is no world loop to run it (no worldserver connected, or it stopped). */
  | "TC9_ERR_WORLD_THREAD_UNAVAILABLE"
  /** The worldserver could not read the work (library and sidecar of different versions). */
  | "TC9_ERR_WORLD_THREAD_MALFORMED"
  /** The health endpoint could not listen. */
  | "TC9_ERR_WORLD_THREAD_LISTEN";

/** A failure to get work done on a worldserver's world loop; `code` says which, the message names the fix. */
export class WorldThreadError extends Tc9Error {
  declare readonly code: WorldThreadErrorCode;

  constructor(code: WorldThreadErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Coded errors of the guid module (`TC9_ERR_GUID_*`). */
import { Tc9Error } from "@tc9/sdk";

/** What went wrong while handing out GUIDs. */
export type GuidErrorCode =
  /** The kind's column is used up to its largest value: no further GUID can be handed out. */
  | "TC9_ERR_GUID_EXHAUSTED"
  /** The high-water row disappeared from `tc9_guid_high_water` while the module ran. */
  | "TC9_ERR_GUID_HIGH_WATER_MISSING"
  /** The caller gave up (cancelled or its deadline passed) while waiting for a reservation. */
  | "TC9_ERR_GUID_ABANDONED";

/** A GUID request could not be served; the message says what to do about it. */
export class GuidError extends Tc9Error {
  declare readonly code: GuidErrorCode;

  constructor(code: GuidErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

import { createHmac } from "node:crypto";

/** Length of a TOTP step in seconds (AzerothCore `TOTP_INTERVAL`). */
const TOTP_STEP_SECONDS = 30;

/** The 6-digit RFC 6238 code (HMAC-SHA1) of `secret` for the step holding `unixSeconds`. */
function totpCode(secret: Uint8Array, unixSeconds: number): number {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / TOTP_STEP_SECONDS)));
  const digest = createHmac("sha1", secret).update(counter).digest();
  const offset = (digest[19] ?? 0) & 0x0f;
  return (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
}

/**
 * Checks an authenticator token against an account's `totp_secret` as AzerothCore does
 * (`TOTP::ValidateToken`): the current step and one step either side. The secret is used as
 * stored (AzerothCore's default without `TOTPMasterSecret`).
 */
export function isValidTotpToken(secret: Uint8Array, token: string, unixSeconds: number): boolean {
  if (!/^\d{1,10}$/.test(token)) return false;
  const value = Number(token);
  return [-TOTP_STEP_SECONDS, 0, TOTP_STEP_SECONDS].some((skew) => totpCode(secret, unixSeconds + skew) === value);
}

/** The code a device shows now; for tests and tools that enrol authenticators. */
export function currentTotpToken(secret: Uint8Array, unixSeconds: number): string {
  return String(totpCode(secret, unixSeconds)).padStart(6, "0");
}

import { randomFillSync, timingSafeEqual } from "node:crypto";

const HEX_DIGITS = "0123456789abcdef";
const BYTE_TO_HEX: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => HEX_DIGITS.charAt(byte >> 4) + HEX_DIGITS.charAt(byte & 0x0f),
);

/** Reads `bytes` as an unsigned little-endian integer (the byte order of every SRP6 value on the wire). */
export function bigintFromLittleEndian(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = "0x";
  for (let index = bytes.length - 1; index >= 0; index--) {
    hex += BYTE_TO_HEX[bytes[index] ?? 0];
  }
  return BigInt(hex);
}

/**
 * Writes a non-negative `value` as exactly `length` little-endian bytes, padding the high end with
 * zeros (ToCloud9 once dropped those zeros and broke ~0.4% of logins). Throws a RangeError if the
 * value does not fit: every caller passes a value already reduced modulo N.
 */
export function bigintToLittleEndian(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError("bigintToLittleEndian: value must not be negative");
  const hex = value.toString(16);
  const digitCount = hex.length;
  if (digitCount > length * 2) {
    throw new RangeError(`bigintToLittleEndian: value needs more than ${length} bytes`);
  }
  const out = new Uint8Array(length);
  // Walk the hex string from its least significant end, two digits per byte.
  let byteIndex = 0;
  for (let end = digitCount; end > 0; end -= 2) {
    out[byteIndex++] = Number.parseInt(hex.slice(Math.max(0, end - 2), end), 16);
  }
  return out;
}

/**
 * Compares two byte arrays in time that depends only on their length, so a proof check leaks
 * nothing about how many leading bytes matched. Arrays of different lengths are unequal.
 */
export function bytesEqualConstantTime(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** `length` bytes from the operating system's CSPRNG. */
export function randomBytesArray(length: number): Uint8Array {
  return randomFillSync(new Uint8Array(length));
}

/**
 * Helpers of the group / guild / mail / PvP / LFG message tests: hex vectors, the
 * vector + round-trip check every message gets, and the fuzz run every decoder gets.
 */
import assert from "node:assert/strict";
import type { MessageCodec } from "../../../src/wow/world/message-codec.js";
import { assertOnlyProtocolErrors, mutations } from "../fuzz.js";

/** Bytes from a hex string; spaces, newlines and `|` separators are ignored. */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/[\s|]/g, "");
  assert.equal(digits.length % 2, 0, `odd number of hex digits in ${text}`);
  return Uint8Array.from(Buffer.from(digits, "hex"));
}

/** Little-endian hex of a u32, for building vectors readably. */
export function u32(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes.toString("hex");
}

/** Little-endian hex of a u64. */
export function u64(value: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes.toString("hex");
}

/** Hex of a NUL-terminated UTF-8 string. */
export function cstr(text: string): string {
  return Buffer.from(`${text}\0`, "utf8").toString("hex");
}

/**
 * Checks one message against a byte vector: `decode(bytes)` equals `message` and
 * `encode(message)` equals `bytes`, then that decode(encode(message)) round-trips.
 */
export function assertVector<T>(codec: MessageCodec<T>, bytes: Uint8Array, message: T): void {
  assert.deepEqual(codec.decode(bytes), message);
  assert.deepEqual(Buffer.from(codec.encode(message)).toString("hex"), Buffer.from(bytes).toString("hex"));
  assert.deepEqual(codec.decode(codec.encode(message)), message);
}

/**
 * Fuzzes `codec.decode` from a valid encoding: every mutation must decode or throw
 * `ProtocolError`, and at least the truncations must be refused.
 */
export function assertFuzzSafe<T>(codec: MessageCodec<T>, valid: Uint8Array, seed = 7): void {
  const outcome = assertOnlyProtocolErrors((bytes) => codec.decode(bytes), mutations(valid, { seed, randomCount: 150 }));
  if (valid.length > 0) assert.ok(outcome.rejected > 0, "no broken input was rejected");
}

/**
 * Shared checks of the session/social message tests: byte vectors (decode to the expected value
 * and encode back to the same bytes), payload extraction from captured packets with headers, and
 * a fuzz run over a decoder.
 */
import assert from "node:assert/strict";
import type { MessageCodec } from "../../../src/wow/world/message-codec.js";
import { assertOnlyProtocolErrors, mutations } from "../fuzz.js";

/** Bytes from hex text (whitespace ignored). */
export const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
/** Bytes from a Python-style byte string written with \x escapes. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, "latin1"));
/** Lower-case hex of bytes. */
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** The payload of a captured server packet (`u16 BE size | u16 LE opcode | payload`), checking both fields. */
export function serverPayload(packet: Uint8Array, opcode: number): Uint8Array {
  const view = Buffer.from(packet);
  assert.equal(view.readUInt16LE(2), opcode, "captured opcode");
  assert.equal(view.readUInt16BE(0), packet.length - 2, "captured size field");
  return packet.subarray(4);
}

/** The payload of a captured client packet (`u16 BE size | u32 LE opcode | payload`), checking both fields. */
export function clientPayload(packet: Uint8Array, opcode: number): Uint8Array {
  const view = Buffer.from(packet);
  assert.equal(view.readUInt32LE(2), opcode, "captured opcode");
  assert.equal(view.readUInt16BE(0), packet.length - 2, "captured size field");
  return packet.subarray(6);
}

/** Decodes `payload` to `expected` and encodes `expected` back to `payload`. */
export function assertVector<T>(codec: MessageCodec<T>, payload: Uint8Array, expected: T): void {
  assert.deepEqual(codec.decode(payload), expected);
  assert.equal(toHex(codec.encode(expected)), toHex(payload));
}

/** Encodes `message`, decodes it back and expects the same value. */
export function assertRoundTrip<T>(codec: MessageCodec<T>, message: T): Uint8Array {
  const bytes = codec.encode(message);
  assert.deepEqual(codec.decode(bytes), message);
  return bytes;
}

/** Fuzzes `codec.decode` from one valid payload: only `ProtocolError` may escape, and some inputs must be refused. */
export function assertFuzz<T>(codec: MessageCodec<T>, valid: Uint8Array, randomCount = 150): void {
  codec.decode(valid);
  const outcome = assertOnlyProtocolErrors((bytes) => codec.decode(bytes), mutations(valid, { randomCount }));
  assert.ok(outcome.rejected > 0, "some mutated inputs must be refused");
}

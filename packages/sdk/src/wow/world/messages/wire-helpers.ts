import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { ProtocolError } from "../../codec/protocol-error.js";

/** A world position (map coordinates, yards). */
export interface Position {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Writes x, y, z as three f32. */
export function writePosition(writer: PacketWriter, position: Position): void {
  writer.writeF32(position.x).writeF32(position.y).writeF32(position.z);
}

/** Reads three f32 as a {@link Position}. */
export function readPosition(reader: PacketReader): Position {
  return { x: reader.readF32(), y: reader.readF32(), z: reader.readF32() };
}

/**
 * Writes a string the way AzerothCore's chat packets do: a u32 of the UTF-8 byte length plus one,
 * then the NUL-terminated string.
 */
export function writeSizedCString(writer: PacketWriter, text: string): void {
  const sizeOffset = writer.length;
  writer.writeU32(0);
  const start = writer.length;
  writer.writeCString(text);
  writer.setU32At(sizeOffset, writer.length - start);
}

/** Reads a {@link writeSizedCString} string and checks that the length field matches it. */
export function readSizedCString(reader: PacketReader): string {
  const sizeOffset = reader.offset;
  const declared = reader.readU32();
  const start = reader.offset;
  const text = reader.readCString();
  const actual = reader.offset - start;
  if (declared !== actual) {
    throw new ProtocolError({
      reason: `string length field says ${declared} bytes (NUL included), the string has ${actual}`,
      offset: sizeOffset,
      opcode: reader.opcode,
    });
  }
  return text;
}

/** Throws an encode-side `ProtocolError` naming the writer's opcode and offset. */
export function failEncode(writer: PacketWriter, opcode: number, reason: string): never {
  throw new ProtocolError({ reason, offset: writer.length, opcode, kind: "encode" });
}

/** Throws an encode-side `ProtocolError` unless `bytes` has exactly `length` bytes. */
export function requireBytes(writer: PacketWriter, opcode: number, bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) failEncode(writer, opcode, `${what} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}

/** Reads a one-byte boolean the way the cores read `bool`: any non-zero byte is `true`. */
export function readBool(reader: PacketReader): boolean {
  return reader.readU8() !== 0;
}

/** Writes a one-byte boolean as 1 or 0. */
export function writeBool(writer: PacketWriter, value: boolean): void {
  writer.writeU8(value ? 1 : 0);
}

/** Throws the `ProtocolError` for bytes that parse but break a rule of the message. */
export function decodeError(reader: PacketReader, reason: string): never {
  throw new ProtocolError({ reason, offset: reader.offset, opcode: reader.opcode });
}

/** Reads `count` elements with `readOne`; the caller has bounded `count` with `readCount`. */
export function readList<T>(reader: PacketReader, count: number, readOne: (reader: PacketReader) => T): T[] {
  const items: T[] = [];
  for (let index = 0; index < count; index++) items.push(readOne(reader));
  return items;
}

/** Reads elements with `readOne` until the payload ends (for lists the sender does not count). */
export function readUntilEnd<T>(reader: PacketReader, readOne: (reader: PacketReader) => T): T[] {
  const items: T[] = [];
  while (reader.remaining > 0) items.push(readOne(reader));
  return items;
}

import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { ProtocolError } from "../../codec/protocol-error.js";

/*
 * Small wire helpers shared by the cross-player message codecs (group, guild, guild bank, petition,
 * mail, PvP, LFG). Everything else they need is on `PacketReader` / `PacketWriter`.
 */

/** Reads a one-byte boolean the way the cores read `bool`: any non-zero byte is `true`. */
export function readBool(reader: PacketReader): boolean {
  return reader.readU8() !== 0;
}

/** Writes a one-byte boolean as 1 or 0. */
export function writeBool(writer: PacketWriter, value: boolean): void {
  writer.writeU8(value ? 1 : 0);
}

/**
 * Throws the `ProtocolError` (kind `"encode"`) for a message value the wire format cannot carry,
 * e.g. an optional block missing while the flag that announces it is set.
 */
export function encodeError(writer: PacketWriter, opcode: number, reason: string): never {
  throw new ProtocolError({ reason, offset: writer.length, opcode, kind: "encode" });
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

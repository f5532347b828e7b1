import type { PacketReader } from "../codec/packet-reader.js";
import type { PacketWriter } from "../codec/packet-writer.js";
import { ProtocolError } from "../codec/protocol-error.js";

/**
 * The four-character fields of the logon challenge (game name, platform, OS, locale) travel as a
 * little-endian u32 of the big-endian text: "Win" is sent as `niW\0`, "enUS" as `SUne`, "WoW" as
 * `WoW\0` (AzerothCore reverses the bytes back in `HandleLogonChallenge`).
 */
export function writeFourCC(writer: PacketWriter, text: string): void {
  if (!/^[\x01-\x7f]{0,4}$/.test(text)) {
    throw new ProtocolError({ reason: `"${text}" is not 0..4 ASCII characters`, offset: writer.length, kind: "encode" });
  }
  const padded = text.padStart(4, "\0");
  for (let index = 3; index >= 0; index--) writer.writeU8(padded.charCodeAt(index));
}

/** Reads a field written by {@link writeFourCC}; leading NULs of the text are dropped. */
export function readFourCC(reader: PacketReader): string {
  const start = reader.offset;
  const bytes = reader.readView(4);
  let text = "";
  for (let index = 3; index >= 0; index--) {
    const byte = bytes[index] ?? 0;
    if (byte === 0 && text === "") continue;
    if (byte === 0 || byte > 0x7f) {
      throw new ProtocolError({ reason: "four-character field holds a NUL inside the text or a non-ASCII byte", offset: start });
    }
    text += String.fromCharCode(byte);
  }
  return text;
}

import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** CMSG_TEXT_EMOTE (`HandleTextEmoteOpcode`): `u32 text emote | u32 emote number | u64 target`. */
export interface TextEmoteRequest {
  /** An `EmotesText.dbc` id, e.g. 101 (wave). */
  readonly textEmote: number;
  /** The client's emote sound variant. */
  readonly emoteNum: number;
  /** The selected unit, 0 when none. */
  readonly target: bigint;
}

/** Codec of {@link TextEmoteRequest}. */
export const textEmoteRequestCodec: MessageCodec<TextEmoteRequest> = defineMessageCodec({
  opcode: Opcode.CMSG_TEXT_EMOTE,
  write: (writer, message) => void writer.writeU32(message.textEmote).writeU32(message.emoteNum).writeU64(message.target),
  read: (reader) => ({ textEmote: reader.readU32(), emoteNum: reader.readU32(), target: reader.readU64() }),
});

/**
 * SMSG_TEXT_EMOTE as AzerothCore's `EmoteChatBuilder` writes it: `u64 player | u32 text emote |
 * u32 emote number | u32 name length (without NUL) | name\0`, where a name of at most one byte is
 * written as a lone NUL (so one-byte names cannot be carried).
 */
export interface TextEmote {
  readonly guid: bigint;
  readonly textEmote: number;
  readonly emoteNum: number;
  /** The target's name, "" when there is none. */
  readonly targetName: string;
}

const utf8 = new TextEncoder();

/** Codec of {@link TextEmote}. */
export const textEmoteCodec: MessageCodec<TextEmote> = defineMessageCodec({
  opcode: Opcode.SMSG_TEXT_EMOTE,
  write(writer, message) {
    const length = utf8.encode(message.targetName).length;
    if (length === 1) {
      throw new ProtocolError({
        reason: "a one-byte target name is written as an empty one by AzerothCore; use a longer name or none",
        offset: writer.length,
        opcode: Opcode.SMSG_TEXT_EMOTE,
        kind: "encode",
      });
    }
    writer.writeU64(message.guid).writeU32(message.textEmote).writeU32(message.emoteNum).writeU32(length);
    writer.writeCString(message.targetName);
  },
  read(reader) {
    const guid = reader.readU64();
    const textEmote = reader.readU32();
    const emoteNum = reader.readU32();
    const lengthOffset = reader.offset;
    const declared = reader.readU32();
    const start = reader.offset;
    const targetName = reader.readCString();
    const actual = reader.offset - start - 1;
    if (actual !== (declared > 1 ? declared : 0)) {
      throw new ProtocolError({
        reason: `name length field says ${declared} bytes, the name has ${actual}`,
        offset: lengthOffset,
        opcode: Opcode.SMSG_TEXT_EMOTE,
      });
    }
    return { guid, textEmote, emoteNum, targetName };
  },
});

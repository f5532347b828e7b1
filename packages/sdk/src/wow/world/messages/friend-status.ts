import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { FriendsResult, type FriendPresence } from "./social-types.js";
import { failEncode } from "./wire-helpers.js";

/**
 * SMSG_FRIEND_STATUS as AzerothCore's `SocialMgr::SendFriendStatus` writes it: `u8 result |
 * u64 guid`, then `note\0` for ADDED_ONLINE/ADDED_OFFLINE, then `u8 status | u32 area | u32 level
 * | u32 class` for ADDED_ONLINE/ONLINE. (wow_messages has only result and GUID.)
 */
export interface FriendStatusMessage {
  /** A `FriendsResult`. */
  readonly result: number;
  readonly guid: bigint;
  /** Present exactly for ADDED_ONLINE and ADDED_OFFLINE. */
  readonly note?: string;
  /** Present exactly for ADDED_ONLINE and ONLINE (all four fields always written). */
  readonly presence?: FriendPresence;
}

const NOTE_RESULTS: ReadonlySet<number> = new Set([FriendsResult.ADDED_ONLINE, FriendsResult.ADDED_OFFLINE]);
const PRESENCE_RESULTS: ReadonlySet<number> = new Set([FriendsResult.ADDED_ONLINE, FriendsResult.ONLINE]);

/** Codec of {@link FriendStatusMessage}. */
export const friendStatusCodec: MessageCodec<FriendStatusMessage> = defineMessageCodec({
  opcode: Opcode.SMSG_FRIEND_STATUS,
  write(writer, message) {
    const opcode = Opcode.SMSG_FRIEND_STATUS;
    if (NOTE_RESULTS.has(message.result) !== (message.note !== undefined)) {
      failEncode(writer, opcode, "note is given exactly for ADDED_ONLINE and ADDED_OFFLINE");
    }
    if (PRESENCE_RESULTS.has(message.result) !== (message.presence !== undefined)) {
      failEncode(writer, opcode, "presence is given exactly for ADDED_ONLINE and ONLINE");
    }
    writer.writeU8(message.result).writeU64(message.guid);
    if (message.note !== undefined) writer.writeCString(message.note);
    if (message.presence) {
      const { status, area, level, classId } = message.presence;
      writer.writeU8(status).writeU32(area).writeU32(level).writeU32(classId);
    }
  },
  read(reader) {
    const result = reader.readU8();
    const guid = reader.readU64();
    const note = NOTE_RESULTS.has(result) ? reader.readCString() : undefined;
    const presence = PRESENCE_RESULTS.has(result)
      ? { status: reader.readU8(), area: reader.readU32(), level: reader.readU32(), classId: reader.readU32() }
      : undefined;
    return { result, guid, ...(note !== undefined && { note }), ...(presence && { presence }) };
  },
});

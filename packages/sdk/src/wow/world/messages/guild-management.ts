import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * Guild management requests from the client (3.3.5a): ranks, membership, notes and texts, as
 * AzerothCore `GuildPackets.cpp` reads them. String limits are AzerothCore's `String<N>` bounds.
 */

/** Guild bank tabs every rank carries rights for (`GUILD_BANK_MAX_TABS`). */
export const GUILD_BANK_TAB_SLOTS = 6;

/** Bank rights of one rank on one tab. */
export interface GuildBankTabRights {
  /** `GuildBankRights` flags (1 view, 2 deposit, 4 update text). */
  readonly flags: number;
  /** Item stacks the rank may withdraw per day (0xFFFFFFFF unlimited). */
  readonly withdrawItemLimit: number;
}

/** CMSG_GUILD_RANK: change one rank's name and rights. */
export interface CmsgGuildRank {
  readonly rankId: number;
  /** `GuildRankRights` flags. */
  readonly rights: number;
  readonly rankName: string;
  /** Gold (copper) the rank may withdraw per day. */
  readonly withdrawGoldLimit: number;
  /** Exactly {@link GUILD_BANK_TAB_SLOTS} entries. */
  readonly tabs: readonly GuildBankTabRights[];
}

/** CMSG_GUILD_RANK: `u32 rank | u32 rights | name\0 | u32 gold_limit | 6 × (u32 flags, u32 items)`. */
export const cmsgGuildRankCodec: MessageCodec<CmsgGuildRank> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_RANK,
  write(writer, message) {
    if (message.tabs.length !== GUILD_BANK_TAB_SLOTS) {
      failEncode(writer, Opcode.CMSG_GUILD_RANK, `tabs must have ${GUILD_BANK_TAB_SLOTS} entries, got ${message.tabs.length}`);
    }
    writer.writeU32(message.rankId).writeU32(message.rights).writeCString(message.rankName).writeU32(message.withdrawGoldLimit);
    for (const tab of message.tabs) writer.writeU32(tab.flags).writeU32(tab.withdrawItemLimit);
  },
  read(reader) {
    const rankId = reader.readU32();
    const rights = reader.readU32();
    const rankName = reader.readCString({ maxLength: 15 });
    const withdrawGoldLimit = reader.readU32();
    const tabs = readList(reader, GUILD_BANK_TAB_SLOTS, (r) => ({ flags: r.readU32(), withdrawItemLimit: r.readU32() }));
    return { rankId, rights, rankName, withdrawGoldLimit, tabs };
  },
});

/** A client request that carries one string. */
export interface GuildTextRequest {
  readonly text: string;
}

function textCodec(opcode: number, maxLength: number): MessageCodec<GuildTextRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeCString(message.text);
    },
    read(reader) {
      return { text: reader.readCString({ maxLength }) };
    },
  });
}

/** CMSG_GUILD_ADD_RANK: `name\0` of the new rank (at most 15 bytes). */
export const cmsgGuildAddRankCodec = textCodec(Opcode.CMSG_GUILD_ADD_RANK, 15);
/** CMSG_GUILD_DEL_RANK: empty; deletes the lowest rank. */
export const cmsgGuildDelRankCodec = emptyMessageCodec(Opcode.CMSG_GUILD_DEL_RANK);
/** CMSG_GUILD_PROMOTE: `name\0` of the member to promote. */
export const cmsgGuildPromoteCodec = textCodec(Opcode.CMSG_GUILD_PROMOTE, 48);
/** CMSG_GUILD_DEMOTE: `name\0` of the member to demote. */
export const cmsgGuildDemoteCodec = textCodec(Opcode.CMSG_GUILD_DEMOTE, 48);
/** CMSG_GUILD_REMOVE: `name\0` of the member to remove. */
export const cmsgGuildRemoveCodec = textCodec(Opcode.CMSG_GUILD_REMOVE, 48);
/** CMSG_GUILD_LEADER: `name\0` of the new guild master. */
export const cmsgGuildLeaderCodec = textCodec(Opcode.CMSG_GUILD_LEADER, 48);
/** CMSG_GUILD_MOTD: `motd\0` (at most 128 bytes). */
export const cmsgGuildMotdCodec = textCodec(Opcode.CMSG_GUILD_MOTD, 128);
/** CMSG_GUILD_INFO_TEXT: `info\0` (at most 500 bytes). */
export const cmsgGuildInfoTextCodec = textCodec(Opcode.CMSG_GUILD_INFO_TEXT, 500);
/** CMSG_GUILD_LEAVE: empty. */
export const cmsgGuildLeaveCodec = emptyMessageCodec(Opcode.CMSG_GUILD_LEAVE);
/** CMSG_GUILD_DISBAND: empty. */
export const cmsgGuildDisbandCodec = emptyMessageCodec(Opcode.CMSG_GUILD_DISBAND);

/** CMSG_GUILD_SET_PUBLIC_NOTE / CMSG_GUILD_SET_OFFICER_NOTE: a member's new note. */
export interface CmsgGuildSetNote {
  readonly memberName: string;
  /** At most 31 bytes. */
  readonly note: string;
}

function noteCodec(opcode: number): MessageCodec<CmsgGuildSetNote> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeCString(message.memberName).writeCString(message.note);
    },
    read(reader) {
      return { memberName: reader.readCString(), note: reader.readCString({ maxLength: 31 }) };
    },
  });
}

/** CMSG_GUILD_SET_PUBLIC_NOTE: `member\0 | note\0`. */
export const cmsgGuildSetPublicNoteCodec = noteCodec(Opcode.CMSG_GUILD_SET_PUBLIC_NOTE);
/** CMSG_GUILD_SET_OFFICER_NOTE: `member\0 | note\0`. */
export const cmsgGuildSetOfficerNoteCodec = noteCodec(Opcode.CMSG_GUILD_SET_OFFICER_NOTE);

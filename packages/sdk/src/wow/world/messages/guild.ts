import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * Guild queries, invitations, events and command results (3.3.5a), as AzerothCore
 * `GuildPackets.cpp` writes and reads them.
 */

/** Rank names a guild query response always carries (`GUILD_RANKS_MAX_COUNT`). */
export const GUILD_RANK_SLOTS = 10;
/** Longest character name AzerothCore accepts in a guild invite (`String<48>`). */
const MAX_NAME_LENGTH = 48;

/** `GuildEvents` of SMSG_GUILD_EVENT (AzerothCore `Guild.h`). */
export const GuildEventType = {
  PROMOTION: 0,
  DEMOTION: 1,
  MOTD: 2,
  JOINED: 3,
  LEFT: 4,
  REMOVED: 5,
  LEADER_IS: 6,
  LEADER_CHANGED: 7,
  DISBANDED: 8,
  TABARD_CHANGE: 9,
  RANK_UPDATED: 10,
  RANK_DELETED: 11,
  SIGNED_ON: 12,
  SIGNED_OFF: 13,
  BANK_BAG_SLOTS_CHANGED: 14,
  BANK_TAB_PURCHASED: 15,
  BANK_TAB_UPDATED: 16,
  BANK_MONEY_SET: 17,
  BANK_TAB_AND_MONEY_UPDATED: 18,
  BANK_TEXT_CHANGED: 19,
} as const;

/** Event types that end with the GUID of the player concerned. */
const EVENTS_WITH_GUID: ReadonlySet<number> = new Set([
  GuildEventType.JOINED,
  GuildEventType.LEFT,
  GuildEventType.SIGNED_ON,
  GuildEventType.SIGNED_OFF,
]);

/** Whether SMSG_GUILD_EVENT of this type carries a GUID after its strings (AzerothCore). */
export function guildEventHasGuid(eventType: number): boolean {
  return EVENTS_WITH_GUID.has(eventType);
}

/** CMSG_GUILD_QUERY: `u32 guild_id`. */
export interface CmsgGuildQuery {
  readonly guildId: number;
}

/** CMSG_GUILD_QUERY: `u32 guild_id`. */
export const cmsgGuildQueryCodec: MessageCodec<CmsgGuildQuery> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_QUERY,
  write(writer, message) {
    writer.writeU32(message.guildId);
  },
  read(reader) {
    return { guildId: reader.readU32() };
  },
});

/** A guild tabard. */
export interface GuildEmblem {
  readonly emblemStyle: number;
  readonly emblemColor: number;
  readonly borderStyle: number;
  readonly borderColor: number;
  readonly backgroundColor: number;
}

/** SMSG_GUILD_QUERY_RESPONSE: a guild's name, rank names and tabard. */
export interface SmsgGuildQueryResponse {
  readonly guildId: number;
  readonly name: string;
  /** Exactly {@link GUILD_RANK_SLOTS} names; unused ranks are empty strings. */
  readonly rankNames: readonly string[];
  readonly emblem: GuildEmblem;
  /** Ranks in use. */
  readonly rankCount: number;
}

/**
 * SMSG_GUILD_QUERY_RESPONSE: `u32 id | name\0 | 10 × rank\0 | 5 × u32 emblem | u32 rank_count`.
 * wowm lacks the trailing rank count; AzerothCore writes it.
 */
export const smsgGuildQueryResponseCodec: MessageCodec<SmsgGuildQueryResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_QUERY_RESPONSE,
  write(writer, message) {
    if (message.rankNames.length !== GUILD_RANK_SLOTS) {
      failEncode(writer, Opcode.SMSG_GUILD_QUERY_RESPONSE, `rankNames must have ${GUILD_RANK_SLOTS} entries, got ${message.rankNames.length}`);
    }
    writer.writeU32(message.guildId).writeCString(message.name);
    for (const rankName of message.rankNames) writer.writeCString(rankName);
    const { emblem } = message;
    writer.writeU32(emblem.emblemStyle).writeU32(emblem.emblemColor).writeU32(emblem.borderStyle);
    writer.writeU32(emblem.borderColor).writeU32(emblem.backgroundColor).writeU32(message.rankCount);
  },
  read(reader) {
    const guildId = reader.readU32();
    const name = reader.readCString();
    const rankNames = readList(reader, GUILD_RANK_SLOTS, (r) => r.readCString());
    const emblem = {
      emblemStyle: reader.readU32(),
      emblemColor: reader.readU32(),
      borderStyle: reader.readU32(),
      borderColor: reader.readU32(),
      backgroundColor: reader.readU32(),
    };
    return { guildId, name, rankNames, emblem, rankCount: reader.readU32() };
  },
});

/** CMSG_GUILD_INVITE: `name\0` of the player to invite. */
export interface CmsgGuildInvite {
  readonly name: string;
}

/** CMSG_GUILD_INVITE: `name\0`. */
export const cmsgGuildInviteCodec: MessageCodec<CmsgGuildInvite> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_INVITE,
  write(writer, message) {
    writer.writeCString(message.name);
  },
  read(reader) {
    return { name: reader.readCString({ maxLength: MAX_NAME_LENGTH }) };
  },
});

/** SMSG_GUILD_INVITE: who invites the receiver, and to which guild. */
export interface SmsgGuildInvite {
  readonly inviterName: string;
  readonly guildName: string;
}

/** SMSG_GUILD_INVITE: `inviter\0 | guild\0`. */
export const smsgGuildInviteCodec: MessageCodec<SmsgGuildInvite> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_INVITE,
  write(writer, message) {
    writer.writeCString(message.inviterName).writeCString(message.guildName);
  },
  read(reader) {
    return { inviterName: reader.readCString(), guildName: reader.readCString() };
  },
});

/** CMSG_GUILD_ACCEPT: empty. */
export const cmsgGuildAcceptCodec = emptyMessageCodec(Opcode.CMSG_GUILD_ACCEPT);
/** CMSG_GUILD_DECLINE: empty. */
export const cmsgGuildDeclineCodec = emptyMessageCodec(Opcode.CMSG_GUILD_DECLINE);

/** SMSG_GUILD_EVENT: something happened in the guild. */
export interface SmsgGuildEvent {
  /** A {@link GuildEventType} value. */
  readonly eventType: number;
  /** The event's parameters (names, the MOTD, …), at most 255. */
  readonly params: readonly string[];
  /** The player concerned; present exactly when {@link guildEventHasGuid} is true for the type. */
  readonly guid?: bigint;
}

/**
 * SMSG_GUILD_EVENT: `u8 type | u8 n | n × param\0 | (u64 guid for JOINED, LEFT, SIGNED_ON,
 * SIGNED_OFF)`. wowm has no GUID; AzerothCore writes it for those four types.
 */
export const smsgGuildEventCodec: MessageCodec<SmsgGuildEvent> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_EVENT,
  write(writer, message) {
    if (guildEventHasGuid(message.eventType) !== (message.guid !== undefined)) {
      failEncode(writer, Opcode.SMSG_GUILD_EVENT, `event type ${message.eventType} ${guildEventHasGuid(message.eventType) ? "needs" : "has no"} guid`);
    }
    writer.writeU8(message.eventType).writeU8(message.params.length);
    for (const param of message.params) writer.writeCString(param);
    if (message.guid !== undefined) writer.writeU64(message.guid);
  },
  read(reader) {
    const eventType = reader.readU8();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 1 });
    const params = readList(reader, count, (r) => r.readCString());
    return guildEventHasGuid(eventType) ? { eventType, params, guid: reader.readU64() } : { eventType, params };
  },
});

/** `GuildCommandType` of SMSG_GUILD_COMMAND_RESULT (AzerothCore `Guild.h`). */
export const GuildCommand = {
  CREATE: 0,
  INVITE: 1,
  QUIT: 3,
  ROSTER: 5,
  PROMOTE: 6,
  DEMOTE: 7,
  REMOVE: 8,
  CHANGE_LEADER: 10,
  EDIT_MOTD: 11,
  GUILD_CHAT: 13,
  FOUNDER: 14,
  CHANGE_RANK: 16,
  PUBLIC_NOTE: 19,
  VIEW_TAB: 21,
  MOVE_ITEM: 22,
  REPAIR: 25,
} as const;

/** SMSG_GUILD_COMMAND_RESULT: the outcome of a guild command. */
export interface SmsgGuildCommandResult {
  /** A {@link GuildCommand} value. */
  readonly command: number;
  readonly name: string;
  /** `GuildCommandError` (0 = success). */
  readonly result: number;
}

/** SMSG_GUILD_COMMAND_RESULT: `i32 command | name\0 | i32 result`. */
export const smsgGuildCommandResultCodec: MessageCodec<SmsgGuildCommandResult> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_COMMAND_RESULT,
  write(writer, message) {
    writer.writeI32(message.command).writeCString(message.name).writeI32(message.result);
  },
  read(reader) {
    return { command: reader.readI32(), name: reader.readCString(), result: reader.readI32() };
  },
});

/** CMSG_GUILD_INFO: empty. */
export const cmsgGuildInfoCodec = emptyMessageCodec(Opcode.CMSG_GUILD_INFO);

/** SMSG_GUILD_INFO: the guild information window. */
export interface SmsgGuildInfo {
  readonly guildName: string;
  /**
   * Creation date in the client's packed time format (AzerothCore `AppendPackedTime`): minutes in
   * bits 0-5, hours 6-10, weekday 11-13, day of month - 1 14-19, month - 1 20-23, year - 2000 24-28.
   */
  readonly createdPacked: number;
  readonly memberCount: number;
  readonly accountCount: number;
}

/** SMSG_GUILD_INFO: `name\0 | u32 packed_date | i32 members | i32 accounts`. */
export const smsgGuildInfoCodec: MessageCodec<SmsgGuildInfo> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_INFO,
  write(writer, message) {
    writer.writeCString(message.guildName).writeU32(message.createdPacked);
    writer.writeI32(message.memberCount).writeI32(message.accountCount);
  },
  read(reader) {
    return {
      guildName: reader.readCString(),
      createdPacked: reader.readU32(),
      memberCount: reader.readI32(),
      accountCount: reader.readI32(),
    };
  },
});

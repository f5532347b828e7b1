import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { GUILD_BANK_TAB_SLOTS, type GuildBankTabRights } from "./guild-management.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * The receiver's own guild rights, remaining bank withdrawals and the guild event log (3.3.5a),
 * as AzerothCore `GuildPackets.cpp` writes them. The client sends each of these MSG_ opcodes
 * with an empty body.
 */

/** MSG_GUILD_PERMISSIONS (client): empty. */
export const msgGuildPermissionsClientCodec = emptyMessageCodec(Opcode.MSG_GUILD_PERMISSIONS);

/** MSG_GUILD_PERMISSIONS (server): the receiver's rank rights. */
export interface MsgGuildPermissionsServer {
  readonly rankId: number;
  /** `GuildRankRights` flags. */
  readonly rights: number;
  /** Copper the receiver may still withdraw today (0xFFFFFFFF unlimited). */
  readonly withdrawGoldLimit: number;
  /** Bank tabs the guild has bought. */
  readonly purchasedTabs: number;
  /** Exactly six entries; `withdrawItemLimit` is the stacks left today. */
  readonly tabs: readonly GuildBankTabRights[];
}

/**
 * MSG_GUILD_PERMISSIONS (server): `u32 rank | u32 rights | u32 gold_limit | u8 tabs bought |
 * 6 × (u32 flags, u32 items)`. AzerothCore declares the middle fields int32; the bytes are the same.
 */
export const msgGuildPermissionsServerCodec: MessageCodec<MsgGuildPermissionsServer> = defineMessageCodec({
  opcode: Opcode.MSG_GUILD_PERMISSIONS,
  write(writer, message) {
    if (message.tabs.length !== GUILD_BANK_TAB_SLOTS) {
      failEncode(writer, Opcode.MSG_GUILD_PERMISSIONS, `tabs must have ${GUILD_BANK_TAB_SLOTS} entries, got ${message.tabs.length}`);
    }
    writer.writeU32(message.rankId).writeU32(message.rights).writeU32(message.withdrawGoldLimit).writeU8(message.purchasedTabs);
    for (const tab of message.tabs) writer.writeU32(tab.flags).writeU32(tab.withdrawItemLimit);
  },
  read(reader) {
    const rankId = reader.readU32();
    const rights = reader.readU32();
    const withdrawGoldLimit = reader.readU32();
    const purchasedTabs = reader.readU8();
    const tabs = readList(reader, GUILD_BANK_TAB_SLOTS, (r) => ({ flags: r.readU32(), withdrawItemLimit: r.readU32() }));
    return { rankId, rights, withdrawGoldLimit, purchasedTabs, tabs };
  },
});

/** MSG_GUILD_BANK_MONEY_WITHDRAWN (client): empty. */
export const msgGuildBankMoneyWithdrawnClientCodec = emptyMessageCodec(Opcode.MSG_GUILD_BANK_MONEY_WITHDRAWN);

/** MSG_GUILD_BANK_MONEY_WITHDRAWN (server): copper the receiver may still withdraw today. */
export interface MsgGuildBankMoneyWithdrawnServer {
  /** AzerothCore sends -1 for unlimited. */
  readonly remainingWithdrawMoney: number;
}

/** MSG_GUILD_BANK_MONEY_WITHDRAWN (server): `i32 remaining`. */
export const msgGuildBankMoneyWithdrawnServerCodec: MessageCodec<MsgGuildBankMoneyWithdrawnServer> = defineMessageCodec({
  opcode: Opcode.MSG_GUILD_BANK_MONEY_WITHDRAWN,
  write(writer, message) {
    writer.writeI32(message.remainingWithdrawMoney);
  },
  read(reader) {
    return { remainingWithdrawMoney: reader.readI32() };
  },
});

/** `GuildEventLogTypes` (AzerothCore `Guild.h`). */
export const GuildEventLogType = {
  INVITE_PLAYER: 1,
  JOIN_GUILD: 2,
  PROMOTE_PLAYER: 3,
  DEMOTE_PLAYER: 4,
  UNINVITE_PLAYER: 5,
  LEAVE_GUILD: 6,
} as const;

/** One guild event log entry. */
export interface GuildEventLogEntry {
  /** A {@link GuildEventLogType} value. */
  readonly eventType: number;
  readonly playerGuid: bigint;
  /** The other player (inviter, promoter, …); absent for JOIN_GUILD and LEAVE_GUILD. */
  readonly otherGuid?: bigint;
  /** The new rank; present only for PROMOTE_PLAYER and DEMOTE_PLAYER. */
  readonly rankId?: number;
  /** How long ago the event happened. */
  readonly secondsAgo: number;
}

function hasOtherGuid(eventType: number): boolean {
  return eventType !== GuildEventLogType.JOIN_GUILD && eventType !== GuildEventLogType.LEAVE_GUILD;
}

function hasRank(eventType: number): boolean {
  return eventType === GuildEventLogType.PROMOTE_PLAYER || eventType === GuildEventLogType.DEMOTE_PLAYER;
}

function writeEntry(writer: PacketWriter, entry: GuildEventLogEntry): void {
  if (hasOtherGuid(entry.eventType) !== (entry.otherGuid !== undefined) || hasRank(entry.eventType) !== (entry.rankId !== undefined)) {
    failEncode(writer, Opcode.MSG_GUILD_EVENT_LOG_QUERY, `event type ${entry.eventType} has the wrong optional fields`);
  }
  writer.writeU8(entry.eventType).writeU64(entry.playerGuid);
  if (entry.otherGuid !== undefined) writer.writeU64(entry.otherGuid);
  if (entry.rankId !== undefined) writer.writeU8(entry.rankId);
  writer.writeU32(entry.secondsAgo);
}

function readEntry(reader: PacketReader): GuildEventLogEntry {
  const eventType = reader.readU8();
  const playerGuid = reader.readU64();
  const otherGuid = hasOtherGuid(eventType) ? reader.readU64() : undefined;
  const rankId = hasRank(eventType) ? reader.readU8() : undefined;
  const secondsAgo = reader.readU32();
  return {
    eventType,
    playerGuid,
    ...(otherGuid === undefined ? {} : { otherGuid }),
    ...(rankId === undefined ? {} : { rankId }),
    secondsAgo,
  };
}

/** MSG_GUILD_EVENT_LOG_QUERY (client): empty. */
export const msgGuildEventLogQueryClientCodec = emptyMessageCodec(Opcode.MSG_GUILD_EVENT_LOG_QUERY);

/** MSG_GUILD_EVENT_LOG_QUERY (server): the guild event log, newest last. */
export interface MsgGuildEventLogQueryServer {
  readonly entries: readonly GuildEventLogEntry[];
}

/**
 * MSG_GUILD_EVENT_LOG_QUERY (server): `u8 n | n × (u8 type | u64 player | (u64 other unless
 * JOIN/LEAVE) | (u8 rank if PROMOTE/DEMOTE) | u32 seconds ago)`. wowm puts the second GUID on
 * JOIN/LEAVE only; AzerothCore writes it for every other type, and wins.
 */
export const msgGuildEventLogQueryServerCodec: MessageCodec<MsgGuildEventLogQueryServer> = defineMessageCodec({
  opcode: Opcode.MSG_GUILD_EVENT_LOG_QUERY,
  write(writer, message) {
    writer.writeU8(message.entries.length);
    for (const entry of message.entries) writeEntry(writer, entry);
  },
  read(reader) {
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 13 });
    return { entries: readList(reader, count, readEntry) };
  },
});

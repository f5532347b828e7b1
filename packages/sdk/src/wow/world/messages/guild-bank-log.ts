import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * MSG_GUILD_BANK_LOG_QUERY from the server (3.3.5a), as AzerothCore `GuildBankLogQueryResults::Write`
 * writes it: `u8 tab | u8 n | n × (i8 type | u64 player | details | u32 seconds ago)` where the
 * details are `u32 item, u32 count` for deposits/withdrawals, `u32 item, u32 count, u8 other_tab`
 * for moves, and `u32 copper` for every other type. wowm starts with a `u32 unix_time` and has
 * only money entries; AzerothCore wins. The client form (`u8 tab`) is in `guild-bank.ts`.
 */

const OPCODE = Opcode.MSG_GUILD_BANK_LOG_QUERY;

/** `GuildBankEventLogTypes` (AzerothCore `Guild.h`). */
export const GuildBankLogType = {
  DEPOSIT_ITEM: 1,
  WITHDRAW_ITEM: 2,
  MOVE_ITEM: 3,
  DEPOSIT_MONEY: 4,
  WITHDRAW_MONEY: 5,
  REPAIR_MONEY: 6,
  MOVE_ITEM2: 7,
  BUY_SLOT: 9,
} as const;

/** An item movement in the log. */
export interface GuildBankLogItem {
  readonly itemId: number;
  readonly count: number;
  /** The other tab; present exactly for MOVE_ITEM and MOVE_ITEM2. */
  readonly otherTab?: number;
}

/** One bank log entry: `item` for the item types, `money` for all others. */
export interface GuildBankLogEntry {
  /** A {@link GuildBankLogType} value. */
  readonly entryType: number;
  readonly playerGuid: bigint;
  readonly item?: GuildBankLogItem;
  /** Copper; present exactly for the non-item types. */
  readonly money?: number;
  readonly secondsAgo: number;
}

/** MSG_GUILD_BANK_LOG_QUERY (server): one tab's log (tab 6 is the money log). */
export interface MsgGuildBankLogQueryServer {
  readonly tab: number;
  readonly entries: readonly GuildBankLogEntry[];
}

function isItemEntry(entryType: number): boolean {
  return entryType === GuildBankLogType.DEPOSIT_ITEM || entryType === GuildBankLogType.WITHDRAW_ITEM || isMoveEntry(entryType);
}

function isMoveEntry(entryType: number): boolean {
  return entryType === GuildBankLogType.MOVE_ITEM || entryType === GuildBankLogType.MOVE_ITEM2;
}

function writeEntry(writer: PacketWriter, entry: GuildBankLogEntry): void {
  writer.writeI8(entry.entryType).writeU64(entry.playerGuid);
  if (isItemEntry(entry.entryType)) {
    const { item } = entry;
    if (item === undefined || entry.money !== undefined || isMoveEntry(entry.entryType) !== (item.otherTab !== undefined)) {
      failEncode(writer, OPCODE, `log entry type ${entry.entryType} needs item (with otherTab only for moves) and no money`);
    }
    writer.writeU32(item.itemId).writeU32(item.count);
    if (item.otherTab !== undefined) writer.writeU8(item.otherTab);
  } else {
    if (entry.money === undefined || entry.item !== undefined) {
      failEncode(writer, OPCODE, `log entry type ${entry.entryType} needs money and no item`);
    }
    writer.writeU32(entry.money);
  }
  writer.writeU32(entry.secondsAgo);
}

function readEntry(reader: PacketReader): GuildBankLogEntry {
  const entryType = reader.readI8();
  const playerGuid = reader.readU64();
  if (isItemEntry(entryType)) {
    const itemId = reader.readU32();
    const count = reader.readU32();
    const item = isMoveEntry(entryType) ? { itemId, count, otherTab: reader.readU8() } : { itemId, count };
    return { entryType, playerGuid, item, secondsAgo: reader.readU32() };
  }
  const money = reader.readU32();
  return { entryType, playerGuid, money, secondsAgo: reader.readU32() };
}

/** MSG_GUILD_BANK_LOG_QUERY (server); see the file comment for the layout. */
export const msgGuildBankLogQueryServerCodec: MessageCodec<MsgGuildBankLogQueryServer> = defineMessageCodec({
  opcode: OPCODE,
  write(writer, message) {
    writer.writeU8(message.tab).writeU8(message.entries.length);
    for (const entry of message.entries) writeEntry(writer, entry);
  },
  read(reader) {
    const tab = reader.readU8();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 17 });
    return { tab, entries: readList(reader, count, readEntry) };
  },
});

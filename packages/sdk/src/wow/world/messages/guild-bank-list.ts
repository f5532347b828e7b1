import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * SMSG_GUILD_BANK_LIST (3.3.5a) as AzerothCore `GuildBankQueryResults::Write` writes it:
 * `u64 money | u8 tab | i32 withdrawals left | u8 full_update | (u8 n, n × (name\0, icon\0) when
 * tab is 0 and full_update) | u8 slots | slots × slot`. A slot is `u8 slot | u32 item`, and for a
 * non-zero item `i32 flags | i32 random_property | (i32 seed if random_property ≠ 0) | i32 count |
 * i32 enchant | u8 charges | u8 sockets | sockets × (u8 index, i32 gem enchant)`.
 * wowm reads a second presence byte before the slot count and the item fields unconditionally;
 * AzerothCore writes neither, and wins.
 */

const OPCODE = Opcode.SMSG_GUILD_BANK_LIST;

/** A bank tab's name and icon. */
export interface GuildBankTabInfo {
  readonly name: string;
  readonly icon: string;
}

/** A gem socketed in a bank item. */
export interface GuildBankSocket {
  readonly socketIndex: number;
  readonly enchantId: number;
}

/** The item in a bank slot. */
export interface GuildBankItem {
  /** Never 0 (0 is how the wire says "empty slot"). */
  readonly itemId: number;
  readonly flags: number;
  readonly randomPropertyId: number;
  /** Present exactly when `randomPropertyId` is not 0. */
  readonly randomPropertySeed?: number;
  readonly count: number;
  readonly enchantId: number;
  readonly charges: number;
  readonly sockets: readonly GuildBankSocket[];
}

/** One slot of the tab; `item` is absent for an empty slot. */
export interface GuildBankSlotUpdate {
  readonly slot: number;
  readonly item?: GuildBankItem;
}

/** SMSG_GUILD_BANK_LIST: the money, a tab's slots and (for tab 0 full updates) the tab list. */
export interface SmsgGuildBankList {
  /** Copper in the bank. */
  readonly money: bigint;
  readonly tabId: number;
  /** Item withdrawals the receiver has left today (-1 unlimited). */
  readonly withdrawalsRemaining: number;
  readonly fullUpdate: boolean;
  /** Present exactly when `tabId` is 0 and `fullUpdate` is true. */
  readonly tabs?: readonly GuildBankTabInfo[];
  readonly slots: readonly GuildBankSlotUpdate[];
}

function hasTabList(tabId: number, fullUpdate: boolean): boolean {
  return tabId === 0 && fullUpdate;
}

function writeItem(writer: PacketWriter, item: GuildBankItem): void {
  if (item.itemId === 0) failEncode(writer, OPCODE, "a bank item cannot have item id 0; leave `item` out for an empty slot");
  if ((item.randomPropertyId !== 0) !== (item.randomPropertySeed !== undefined)) {
    failEncode(writer, OPCODE, "randomPropertySeed must be given exactly when randomPropertyId is not 0");
  }
  writer.writeU32(item.itemId).writeI32(item.flags).writeI32(item.randomPropertyId);
  if (item.randomPropertySeed !== undefined) writer.writeI32(item.randomPropertySeed);
  writer.writeI32(item.count).writeI32(item.enchantId).writeU8(item.charges).writeU8(item.sockets.length);
  for (const socket of item.sockets) writer.writeU8(socket.socketIndex).writeI32(socket.enchantId);
}

function readItem(reader: PacketReader, itemId: number): GuildBankItem {
  const flags = reader.readI32();
  const randomPropertyId = reader.readI32();
  const randomPropertySeed = randomPropertyId !== 0 ? reader.readI32() : undefined;
  const count = reader.readI32();
  const enchantId = reader.readI32();
  const charges = reader.readU8();
  const socketCount = reader.readCount(0xff, { width: "u8", minElementSize: 5 });
  const sockets = readList(reader, socketCount, (r) => ({ socketIndex: r.readU8(), enchantId: r.readI32() }));
  return {
    itemId,
    flags,
    randomPropertyId,
    ...(randomPropertySeed === undefined ? {} : { randomPropertySeed }),
    count,
    enchantId,
    charges,
    sockets,
  };
}

function readSlot(reader: PacketReader): GuildBankSlotUpdate {
  const slot = reader.readU8();
  const itemId = reader.readU32();
  return itemId === 0 ? { slot } : { slot, item: readItem(reader, itemId) };
}

/** SMSG_GUILD_BANK_LIST (see the file comment for the layout). */
export const smsgGuildBankListCodec: MessageCodec<SmsgGuildBankList> = defineMessageCodec({
  opcode: OPCODE,
  write(writer, message) {
    if (hasTabList(message.tabId, message.fullUpdate) !== (message.tabs !== undefined)) {
      failEncode(writer, OPCODE, "tabs must be given exactly for a full update of tab 0");
    }
    writer.writeU64(message.money).writeU8(message.tabId).writeI32(message.withdrawalsRemaining);
    writeBool(writer, message.fullUpdate);
    if (message.tabs !== undefined) {
      writer.writeU8(message.tabs.length);
      for (const tab of message.tabs) writer.writeCString(tab.name).writeCString(tab.icon);
    }
    writer.writeU8(message.slots.length);
    for (const slot of message.slots) {
      writer.writeU8(slot.slot);
      if (slot.item === undefined) writer.writeU32(0);
      else writeItem(writer, slot.item);
    }
  },
  read(reader) {
    const money = reader.readU64();
    const tabId = reader.readU8();
    const withdrawalsRemaining = reader.readI32();
    const fullUpdate = readBool(reader);
    let tabs: GuildBankTabInfo[] | undefined;
    if (hasTabList(tabId, fullUpdate)) {
      const tabCount = reader.readCount(0xff, { width: "u8", minElementSize: 2 });
      tabs = readList(reader, tabCount, (r) => ({ name: r.readCString(), icon: r.readCString() }));
    }
    const slotCount = reader.readCount(0xff, { width: "u8", minElementSize: 5 });
    const slots = readList(reader, slotCount, readSlot);
    return { money, tabId, withdrawalsRemaining, fullUpdate, ...(tabs === undefined ? {} : { tabs }), slots };
  },
});

import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * SMSG_MAIL_LIST_RESULT (3.3.5a) as AzerothCore `HandleGetMailList` writes it:
 * `u32 total | u8 n | n × mail`, a mail being `u16 size | u32 id | u8 type | sender | u32 cod |
 * u32 | u32 stationery | u32 money | u32 flags | f32 days left | u32 template | subject\0 | body\0 |
 * u8 items | items × item`. The sender is a u64 GUID for player mail (type 0) and a u32 entry/id
 * for auction, creature, game object and calendar mail (types 2..5). An item is `u8 index |
 * u32 low guid | u32 entry | 7 × (u32 enchant, u32 duration, u32 charges) | i32 random property |
 * u32 suffix | u32 count | u32 spell charges | u32 max durability | u32 durability | u8`.
 * wowm orders each enchantment `charges, duration, id`; AzerothCore writes `id, duration, charges`,
 * and wins.
 */

const OPCODE = Opcode.SMSG_MAIL_LIST_RESULT;
/** Enchantment slots listed per item (`MAX_INSPECTED_ENCHANTMENT_SLOT`). */
export const MAIL_ITEM_ENCHANTMENT_SLOTS = 7;
/** Bytes of one listed item. */
const ITEM_SIZE = 1 + 4 + 4 + MAIL_ITEM_ENCHANTMENT_SLOTS * 12 + 4 * 6 + 1;
/** Smallest mail entry: no sender field, empty texts, no items. */
const MIN_MAIL_SIZE = 2 + 4 + 1 + 7 * 4 + 1 + 1 + 1;

/** `MailMessageType` (AzerothCore `Mail.h`). */
export const MailMessageType = {
  NORMAL: 0,
  AUCTION: 2,
  CREATURE: 3,
  GAMEOBJECT: 4,
  CALENDAR: 5,
} as const;

/** One enchantment slot of a listed item. */
export interface MailItemEnchantment {
  readonly enchantId: number;
  readonly duration: number;
  readonly charges: number;
}

/** One attachment in the mailbox list. */
export interface MailListItem {
  readonly index: number;
  readonly itemGuidLow: number;
  readonly itemId: number;
  /** Exactly {@link MAIL_ITEM_ENCHANTMENT_SLOTS} entries. */
  readonly enchantments: readonly MailItemEnchantment[];
  readonly randomPropertyId: number;
  readonly suffixFactor: number;
  readonly count: number;
  readonly spellCharges: number;
  readonly maxDurability: number;
  readonly durability: number;
  /** Meaning unknown ("unknown wotlk"); AzerothCore writes 0. */
  readonly unknown: number;
}

/** One mail in the mailbox list. */
export interface MailListEntry {
  /**
   * The u16 size field. AzerothCore writes an estimate (4 bytes more than the entry takes), and
   * the client does not rely on it; the decoder keeps it, the encoder writes AzerothCore's formula
   * when it is absent.
   */
  readonly messageSize?: number;
  readonly messageId: number;
  /** A {@link MailMessageType} value. */
  readonly messageType: number;
  /** The sending player; present exactly for NORMAL mail. */
  readonly senderGuid?: bigint;
  /** Auction / creature / game object / calendar id; present exactly for types 2..5. */
  readonly senderId?: number;
  readonly cod: number;
  /** Meaning unknown ("probably changed in 3.3.3"); AzerothCore writes 0. */
  readonly unknown: number;
  readonly stationery: number;
  readonly money: number;
  /** `MailCheckMask` flags (read, returned, copied, COD payment, has body). */
  readonly flags: number;
  /** Days until the mail expires. */
  readonly expirationDays: number;
  readonly mailTemplateId: number;
  readonly subject: string;
  readonly body: string;
  readonly items: readonly MailListItem[];
}

/** SMSG_MAIL_LIST_RESULT: the mailbox. */
export interface SmsgMailListResult {
  /** All mail, also the mail that did not fit in this list (the client warns when it is larger). */
  readonly totalMailCount: number;
  readonly mails: readonly MailListEntry[];
}

function hasSenderGuid(messageType: number): boolean {
  return messageType === MailMessageType.NORMAL;
}

function hasSenderId(messageType: number): boolean {
  return messageType >= MailMessageType.AUCTION && messageType <= MailMessageType.CALENDAR;
}

/** The size AzerothCore writes for a mail (its own estimate, kept byte-for-byte). */
export function azerothCoreMailSize(mail: Pick<MailListEntry, "messageType" | "subject" | "body" | "items">): number {
  const senderSize = hasSenderGuid(mail.messageType) ? 8 : 4;
  const textSize = Buffer.byteLength(mail.subject, "utf8") + 1 + Buffer.byteLength(mail.body, "utf8") + 1;
  return 2 + 4 + 1 + senderSize + 4 * 8 + textSize + 1 + mail.items.length * ITEM_SIZE;
}

function writeItem(writer: PacketWriter, item: MailListItem): void {
  if (item.enchantments.length !== MAIL_ITEM_ENCHANTMENT_SLOTS) {
    failEncode(writer, OPCODE, `each item needs ${MAIL_ITEM_ENCHANTMENT_SLOTS} enchantment slots, got ${item.enchantments.length}`);
  }
  writer.writeU8(item.index).writeU32(item.itemGuidLow).writeU32(item.itemId);
  for (const enchantment of item.enchantments) writer.writeU32(enchantment.enchantId).writeU32(enchantment.duration).writeU32(enchantment.charges);
  writer.writeI32(item.randomPropertyId).writeU32(item.suffixFactor).writeU32(item.count).writeU32(item.spellCharges);
  writer.writeU32(item.maxDurability).writeU32(item.durability).writeU8(item.unknown);
}

function readItem(reader: PacketReader): MailListItem {
  const index = reader.readU8();
  const itemGuidLow = reader.readU32();
  const itemId = reader.readU32();
  const enchantments = readList(reader, MAIL_ITEM_ENCHANTMENT_SLOTS, (r) => ({ enchantId: r.readU32(), duration: r.readU32(), charges: r.readU32() }));
  return {
    index,
    itemGuidLow,
    itemId,
    enchantments,
    randomPropertyId: reader.readI32(),
    suffixFactor: reader.readU32(),
    count: reader.readU32(),
    spellCharges: reader.readU32(),
    maxDurability: reader.readU32(),
    durability: reader.readU32(),
    unknown: reader.readU8(),
  };
}

function writeMail(writer: PacketWriter, mail: MailListEntry): void {
  if (hasSenderGuid(mail.messageType) !== (mail.senderGuid !== undefined) || hasSenderId(mail.messageType) !== (mail.senderId !== undefined)) {
    failEncode(writer, OPCODE, `mail type ${mail.messageType} needs senderGuid for type 0, senderId for types 2..5, neither otherwise`);
  }
  writer.writeU16(mail.messageSize ?? azerothCoreMailSize(mail)).writeU32(mail.messageId).writeU8(mail.messageType);
  if (mail.senderGuid !== undefined) writer.writeU64(mail.senderGuid);
  if (mail.senderId !== undefined) writer.writeU32(mail.senderId);
  writer.writeU32(mail.cod).writeU32(mail.unknown).writeU32(mail.stationery).writeU32(mail.money).writeU32(mail.flags);
  writer.writeF32(mail.expirationDays).writeU32(mail.mailTemplateId).writeCString(mail.subject).writeCString(mail.body);
  writer.writeU8(mail.items.length);
  for (const item of mail.items) writeItem(writer, item);
}

function readMail(reader: PacketReader): MailListEntry {
  const messageSize = reader.readU16();
  const messageId = reader.readU32();
  const messageType = reader.readU8();
  const sender = hasSenderGuid(messageType)
    ? { senderGuid: reader.readU64() }
    : hasSenderId(messageType)
      ? { senderId: reader.readU32() }
      : {};
  const cod = reader.readU32();
  const unknown = reader.readU32();
  const stationery = reader.readU32();
  const money = reader.readU32();
  const flags = reader.readU32();
  const expirationDays = reader.readF32();
  const mailTemplateId = reader.readU32();
  const subject = reader.readCString();
  const body = reader.readCString();
  const itemCount = reader.readCount(0xff, { width: "u8", minElementSize: ITEM_SIZE });
  const items = readList(reader, itemCount, readItem);
  return { messageSize, messageId, messageType, ...sender, cod, unknown, stationery, money, flags, expirationDays, mailTemplateId, subject, body, items };
}

/** SMSG_MAIL_LIST_RESULT (see the file comment for the layout). */
export const smsgMailListResultCodec: MessageCodec<SmsgMailListResult> = defineMessageCodec({
  opcode: OPCODE,
  write(writer, message) {
    writer.writeU32(message.totalMailCount).writeU8(message.mails.length);
    for (const mail of message.mails) writeMail(writer, mail);
  },
  read(reader) {
    const totalMailCount = reader.readU32();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: MIN_MAIL_SIZE });
    return { totalMailCount, mails: readList(reader, count, readMail) };
  },
});

import type { PacketReader } from "../../codec/packet-reader.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readList } from "./wire-helpers.js";

/*
 * Mail requests, results and notifications (3.3.5a), as AzerothCore `MailHandler.cpp` and
 * `Player::SendMailResult` / `SendNewMail` read and write them. The mailbox list is in
 * `mail-list.ts`.
 */

/** An attachment of CMSG_SEND_MAIL. */
export interface MailAttachment {
  /** Attachment slot in the send-mail window (AzerothCore ignores it). */
  readonly slot: number;
  readonly itemGuid: bigint;
}

/** CMSG_SEND_MAIL: send a letter, money, attachments or a COD parcel. */
export interface CmsgSendMail {
  readonly mailbox: bigint;
  readonly receiver: string;
  readonly subject: string;
  readonly body: string;
  /** `Stationery.dbc` id. */
  readonly stationery: number;
  readonly attachments: readonly MailAttachment[];
  /** Copper sent with the mail. */
  readonly money: number;
  /** Cash on delivery, copper. */
  readonly cod: number;
}

/**
 * CMSG_SEND_MAIL: `u64 mailbox | receiver\0 | subject\0 | body\0 | u32 stationery | u32 | u8 n |
 * n × (u8 slot, u64 item) | u32 money | u32 cod | u64 | u8` (AzerothCore `HandleSendMail`). wowm
 * puts the GUID before the slot and ends with two u32; AzerothCore (and TrinityCore) read the slot
 * first and end with `u64, u8`, and win. The unnamed fields are written as 0 and skipped.
 */
export const cmsgSendMailCodec: MessageCodec<CmsgSendMail> = defineMessageCodec({
  opcode: Opcode.CMSG_SEND_MAIL,
  write(writer, message) {
    writer.writeU64(message.mailbox).writeCString(message.receiver).writeCString(message.subject).writeCString(message.body);
    writer.writeU32(message.stationery).writeU32(0).writeU8(message.attachments.length);
    for (const attachment of message.attachments) writer.writeU8(attachment.slot).writeU64(attachment.itemGuid);
    writer.writeU32(message.money).writeU32(message.cod).writeU64(0n).writeU8(0);
  },
  read(reader) {
    const mailbox = reader.readU64();
    const receiver = reader.readCString();
    const subject = reader.readCString();
    const body = reader.readCString();
    const stationery = reader.readU32();
    reader.skip(4);
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 9 });
    const attachments = readList(reader, count, (r) => ({ slot: r.readU8(), itemGuid: r.readU64() }));
    const money = reader.readU32();
    const cod = reader.readU32();
    reader.skip(8 + 1);
    return { mailbox, receiver, subject, body, stationery, attachments, money, cod };
  },
});

/** A request that names the mailbox object only. */
export interface CmsgGetMailList {
  readonly mailbox: bigint;
}

/** CMSG_GET_MAIL_LIST: `u64 mailbox`. */
export const cmsgGetMailListCodec: MessageCodec<CmsgGetMailList> = defineMessageCodec({
  opcode: Opcode.CMSG_GET_MAIL_LIST,
  write(writer, message) {
    writer.writeU64(message.mailbox);
  },
  read(reader) {
    return { mailbox: reader.readU64() };
  },
});

/** A request about one mail. */
export interface MailRequest {
  readonly mailbox: bigint;
  readonly mailId: number;
}

function mailRequestCodec(opcode: number): MessageCodec<MailRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU64(message.mailbox).writeU32(message.mailId);
    },
    read(reader) {
      return { mailbox: reader.readU64(), mailId: reader.readU32() };
    },
  });
}

/** CMSG_MAIL_TAKE_MONEY: `u64 mailbox | u32 mail`. */
export const cmsgMailTakeMoneyCodec = mailRequestCodec(Opcode.CMSG_MAIL_TAKE_MONEY);
/** CMSG_MAIL_MARK_AS_READ: `u64 mailbox | u32 mail`. */
export const cmsgMailMarkAsReadCodec = mailRequestCodec(Opcode.CMSG_MAIL_MARK_AS_READ);

/** CMSG_MAIL_TAKE_ITEM: take one attachment. */
export interface CmsgMailTakeItem extends MailRequest {
  readonly itemGuidLow: number;
}

/** CMSG_MAIL_TAKE_ITEM: `u64 mailbox | u32 mail | u32 item low guid`. */
export const cmsgMailTakeItemCodec: MessageCodec<CmsgMailTakeItem> = defineMessageCodec({
  opcode: Opcode.CMSG_MAIL_TAKE_ITEM,
  write(writer, message) {
    writer.writeU64(message.mailbox).writeU32(message.mailId).writeU32(message.itemGuidLow);
  },
  read(reader) {
    return { mailbox: reader.readU64(), mailId: reader.readU32(), itemGuidLow: reader.readU32() };
  },
});

/** CMSG_MAIL_DELETE: delete a mail. */
export interface CmsgMailDelete extends MailRequest {
  /** `MailTemplate.dbc` id of the mail (read and ignored by AzerothCore). */
  readonly mailTemplateId: number;
}

/** CMSG_MAIL_DELETE: `u64 mailbox | u32 mail | u32 template`. */
export const cmsgMailDeleteCodec: MessageCodec<CmsgMailDelete> = defineMessageCodec({
  opcode: Opcode.CMSG_MAIL_DELETE,
  write(writer, message) {
    writer.writeU64(message.mailbox).writeU32(message.mailId).writeU32(message.mailTemplateId);
  },
  read(reader) {
    return { mailbox: reader.readU64(), mailId: reader.readU32(), mailTemplateId: reader.readU32() };
  },
});

/** CMSG_MAIL_RETURN_TO_SENDER: send a mail back. */
export interface CmsgMailReturnToSender extends MailRequest {
  /** The original sender (read and ignored by AzerothCore). */
  readonly senderGuid: bigint;
}

/**
 * CMSG_MAIL_RETURN_TO_SENDER: `u64 mailbox | u32 mail | u64 sender`. wowm stops after the mail
 * id; AzerothCore reads the sender GUID, and wins.
 */
export const cmsgMailReturnToSenderCodec: MessageCodec<CmsgMailReturnToSender> = defineMessageCodec({
  opcode: Opcode.CMSG_MAIL_RETURN_TO_SENDER,
  write(writer, message) {
    writer.writeU64(message.mailbox).writeU32(message.mailId).writeU64(message.senderGuid);
  },
  read(reader) {
    return { mailbox: reader.readU64(), mailId: reader.readU32(), senderGuid: reader.readU64() };
  },
});

/** `MailResponseType` (AzerothCore `Mail.h`). */
export const MailAction = {
  SEND: 0,
  MONEY_TAKEN: 1,
  ITEM_TAKEN: 2,
  RETURNED_TO_SENDER: 3,
  DELETED: 4,
  MADE_PERMANENT: 5,
} as const;

/** `MailResponseResult` (AzerothCore `Mail.h`). */
export const MailResult = {
  OK: 0,
  EQUIP_ERROR: 1,
  CANNOT_SEND_TO_SELF: 2,
  NOT_ENOUGH_MONEY: 3,
  RECIPIENT_NOT_FOUND: 4,
  NOT_YOUR_TEAM: 5,
  INTERNAL_ERROR: 6,
  DISABLED_FOR_TRIAL_ACC: 14,
  RECIPIENT_CAP_REACHED: 15,
  CANT_SEND_WRAPPED_COD: 16,
  MAIL_AND_CHAT_SUSPENDED: 17,
  TOO_MANY_ATTACHMENTS: 18,
  MAIL_ATTACHMENT_INVALID: 19,
  ITEM_HAS_EXPIRED: 21,
} as const;

/** SMSG_SEND_MAIL_RESULT: the outcome of a mail action. */
export interface SmsgSendMailResult {
  readonly mailId: number;
  /** A {@link MailAction} value. */
  readonly action: number;
  /** A {@link MailResult} value. */
  readonly result: number;
  /** `InventoryResult`; present exactly when `result` is EQUIP_ERROR. */
  readonly equipError?: number;
  /** The item taken; present exactly for ITEM_TAKEN results that are not EQUIP_ERROR. */
  readonly item?: { readonly itemGuidLow: number; readonly count: number };
}

/**
 * SMSG_SEND_MAIL_RESULT: `u32 mail | u32 action | u32 result`, then `u32 equip_error` if the result
 * is EQUIP_ERROR, else `u32 item low guid | u32 count` if the action is ITEM_TAKEN
 * (AzerothCore `Player::SendMailResult`; wowm branches the same way).
 */
export const smsgSendMailResultCodec: MessageCodec<SmsgSendMailResult> = defineMessageCodec({
  opcode: Opcode.SMSG_SEND_MAIL_RESULT,
  write(writer, message) {
    const equipError = message.result === MailResult.EQUIP_ERROR;
    const itemTaken = !equipError && message.action === MailAction.ITEM_TAKEN;
    if (equipError !== (message.equipError !== undefined) || itemTaken !== (message.item !== undefined)) {
      failEncode(writer, Opcode.SMSG_SEND_MAIL_RESULT, "equipError goes with EQUIP_ERROR results, item with other ITEM_TAKEN results, and nothing else");
    }
    writer.writeU32(message.mailId).writeU32(message.action).writeU32(message.result);
    if (message.equipError !== undefined) writer.writeU32(message.equipError);
    if (message.item !== undefined) writer.writeU32(message.item.itemGuidLow).writeU32(message.item.count);
  },
  read(reader) {
    const mailId = reader.readU32();
    const action = reader.readU32();
    const result = reader.readU32();
    if (result === MailResult.EQUIP_ERROR) return { mailId, action, result, equipError: reader.readU32() };
    if (action === MailAction.ITEM_TAKEN) {
      return { mailId, action, result, item: { itemGuidLow: reader.readU32(), count: reader.readU32() } };
    }
    return { mailId, action, result };
  },
});

/** MSG_QUERY_NEXT_MAIL_TIME (client): empty. */
export const msgQueryNextMailTimeClientCodec = emptyMessageCodec(Opcode.MSG_QUERY_NEXT_MAIL_TIME);

/** One unread mail announced by MSG_QUERY_NEXT_MAIL_TIME. */
export interface NextMailEntry {
  /** The sending player, or 0 for non-player senders. */
  readonly senderGuid: bigint;
  /** Creature / game object entry or auction house id for non-player senders, else 0. */
  readonly senderId: number;
  readonly messageType: number;
  readonly stationery: number;
  /** Seconds until (negative: since) delivery. */
  readonly deliverySeconds: number;
}

/** MSG_QUERY_NEXT_MAIL_TIME (server): unread mail, at most two senders. */
export interface MsgQueryNextMailTimeServer {
  /** 0 when there is unread mail, -86400 (minus one day) when there is none. */
  readonly nextMailTime: number;
  readonly entries: readonly NextMailEntry[];
}

function readNextMailEntry(reader: PacketReader): NextMailEntry {
  return {
    senderGuid: reader.readU64(),
    senderId: reader.readU32(),
    messageType: reader.readU32(),
    stationery: reader.readU32(),
    deliverySeconds: reader.readF32(),
  };
}

/**
 * MSG_QUERY_NEXT_MAIL_TIME (server): `f32 time | u32 n | n × (u64 sender, u32 sender_id, u32 type,
 * u32 stationery, f32 delay)` (AzerothCore `HandleQueryNextMailTime`).
 */
export const msgQueryNextMailTimeServerCodec: MessageCodec<MsgQueryNextMailTimeServer> = defineMessageCodec({
  opcode: Opcode.MSG_QUERY_NEXT_MAIL_TIME,
  write(writer, message) {
    writer.writeF32(message.nextMailTime).writeU32(message.entries.length);
    for (const entry of message.entries) {
      writer.writeU64(entry.senderGuid).writeU32(entry.senderId).writeU32(entry.messageType);
      writer.writeU32(entry.stationery).writeF32(entry.deliverySeconds);
    }
  },
  read(reader) {
    const nextMailTime = reader.readF32();
    const count = reader.readCount(0xffff, { minElementSize: 24 });
    return { nextMailTime, entries: readList(reader, count, readNextMailEntry) };
  },
});

/** SMSG_RECEIVED_MAIL: new mail has arrived. */
export interface SmsgReceivedMail {
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown: number;
}

/** SMSG_RECEIVED_MAIL: `u32` (AzerothCore `Player::SendNewMail`). */
export const smsgReceivedMailCodec: MessageCodec<SmsgReceivedMail> = defineMessageCodec({
  opcode: Opcode.SMSG_RECEIVED_MAIL,
  write(writer, message) {
    writer.writeU32(message.unknown);
  },
  read(reader) {
    return { unknown: reader.readU32() };
  },
});

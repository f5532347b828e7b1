import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readBool, writeBool } from "./wire-helpers.js";

/*
 * Guild bank requests and tab texts (3.3.5a), as AzerothCore `GuildPackets.cpp` reads and writes
 * them. The bank contents (SMSG_GUILD_BANK_LIST), item moves and the log have their own files.
 * Tab 6 (`GUILD_BANK_MAX_TABS`) names the money log in MSG_GUILD_BANK_LOG_QUERY.
 */

/** CMSG_GUILD_BANKER_ACTIVATE: the player opened a guild vault. */
export interface CmsgGuildBankerActivate {
  readonly banker: bigint;
  readonly fullUpdate: boolean;
}

/** CMSG_GUILD_BANKER_ACTIVATE: `u64 banker | u8 full_update`. */
export const cmsgGuildBankerActivateCodec: MessageCodec<CmsgGuildBankerActivate> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_BANKER_ACTIVATE,
  write(writer, message) {
    writer.writeU64(message.banker);
    writeBool(writer, message.fullUpdate);
  },
  read(reader) {
    return { banker: reader.readU64(), fullUpdate: readBool(reader) };
  },
});

/** CMSG_GUILD_BANK_QUERY_TAB: the player opened a tab. */
export interface CmsgGuildBankQueryTab {
  readonly banker: bigint;
  readonly tab: number;
  readonly fullUpdate: boolean;
}

/** CMSG_GUILD_BANK_QUERY_TAB: `u64 banker | u8 tab | u8 full_update`. */
export const cmsgGuildBankQueryTabCodec: MessageCodec<CmsgGuildBankQueryTab> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_BANK_QUERY_TAB,
  write(writer, message) {
    writer.writeU64(message.banker).writeU8(message.tab);
    writeBool(writer, message.fullUpdate);
  },
  read(reader) {
    return { banker: reader.readU64(), tab: reader.readU8(), fullUpdate: readBool(reader) };
  },
});

/** CMSG_GUILD_BANK_DEPOSIT_MONEY / CMSG_GUILD_BANK_WITHDRAW_MONEY. */
export interface GuildBankMoneyRequest {
  readonly banker: bigint;
  /** Copper. */
  readonly money: number;
}

function moneyCodec(opcode: number): MessageCodec<GuildBankMoneyRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU64(message.banker).writeU32(message.money);
    },
    read(reader) {
      return { banker: reader.readU64(), money: reader.readU32() };
    },
  });
}

/** CMSG_GUILD_BANK_DEPOSIT_MONEY: `u64 banker | u32 copper`. */
export const cmsgGuildBankDepositMoneyCodec = moneyCodec(Opcode.CMSG_GUILD_BANK_DEPOSIT_MONEY);
/** CMSG_GUILD_BANK_WITHDRAW_MONEY: `u64 banker | u32 copper`. */
export const cmsgGuildBankWithdrawMoneyCodec = moneyCodec(Opcode.CMSG_GUILD_BANK_WITHDRAW_MONEY);

/** CMSG_GUILD_BANK_BUY_TAB: buy the next tab. */
export interface CmsgGuildBankBuyTab {
  readonly banker: bigint;
  readonly tab: number;
}

/** CMSG_GUILD_BANK_BUY_TAB: `u64 banker | u8 tab`. */
export const cmsgGuildBankBuyTabCodec: MessageCodec<CmsgGuildBankBuyTab> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_BANK_BUY_TAB,
  write(writer, message) {
    writer.writeU64(message.banker).writeU8(message.tab);
  },
  read(reader) {
    return { banker: reader.readU64(), tab: reader.readU8() };
  },
});

/** CMSG_GUILD_BANK_UPDATE_TAB: rename a tab and change its icon. */
export interface CmsgGuildBankUpdateTab {
  readonly banker: bigint;
  readonly tab: number;
  /** At most 16 bytes. */
  readonly name: string;
  /** Icon texture name, at most 100 bytes. */
  readonly icon: string;
}

/** CMSG_GUILD_BANK_UPDATE_TAB: `u64 banker | u8 tab | name\0 | icon\0`. */
export const cmsgGuildBankUpdateTabCodec: MessageCodec<CmsgGuildBankUpdateTab> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_BANK_UPDATE_TAB,
  write(writer, message) {
    writer.writeU64(message.banker).writeU8(message.tab).writeCString(message.name).writeCString(message.icon);
  },
  read(reader) {
    return {
      banker: reader.readU64(),
      tab: reader.readU8(),
      name: reader.readCString({ maxLength: 16 }),
      icon: reader.readCString({ maxLength: 100 }),
    };
  },
});

/** A message that names one bank tab. */
export interface GuildBankTabRequest {
  readonly tab: number;
}

function tabCodec(opcode: number): MessageCodec<GuildBankTabRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU8(message.tab);
    },
    read(reader) {
      return { tab: reader.readU8() };
    },
  });
}

/** MSG_GUILD_BANK_LOG_QUERY (client): `u8 tab` (6 for the money log). */
export const msgGuildBankLogQueryClientCodec = tabCodec(Opcode.MSG_GUILD_BANK_LOG_QUERY);
/** MSG_QUERY_GUILD_BANK_TEXT (client): `u8 tab`. */
export const msgQueryGuildBankTextClientCodec = tabCodec(Opcode.MSG_QUERY_GUILD_BANK_TEXT);

/** A tab's text: MSG_QUERY_GUILD_BANK_TEXT (server) and CMSG_SET_GUILD_BANK_TEXT. */
export interface GuildBankTabText {
  readonly tab: number;
  /** At most 500 bytes. */
  readonly text: string;
}

function tabTextCodec(opcode: number): MessageCodec<GuildBankTabText> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU8(message.tab).writeCString(message.text);
    },
    read(reader) {
      return { tab: reader.readU8(), text: reader.readCString({ maxLength: 500 }) };
    },
  });
}

/** MSG_QUERY_GUILD_BANK_TEXT (server): `u8 tab | text\0`. */
export const msgQueryGuildBankTextServerCodec = tabTextCodec(Opcode.MSG_QUERY_GUILD_BANK_TEXT);
/** CMSG_SET_GUILD_BANK_TEXT: `u8 tab | text\0`. */
export const cmsgSetGuildBankTextCodec = tabTextCodec(Opcode.CMSG_SET_GUILD_BANK_TEXT);

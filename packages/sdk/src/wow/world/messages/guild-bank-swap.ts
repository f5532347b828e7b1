import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readBool, writeBool } from "./wire-helpers.js";

/*
 * CMSG_GUILD_BANK_SWAP_ITEMS (3.3.5a) with all three branches, as AzerothCore
 * `GuildBankSwapItems::Read` reads them (TrinityCore 3.3.5 `HandleGuildBankSwapItems` names the
 * constant fields):
 *  - `u64 banker | u8 1 | u8 dst_tab | u8 dst_slot | u32 dst_item | u8 src_tab | u8 src_slot |
 *    u32 src_item | u8 auto_store | u32 split_amount` — bank to bank;
 *  - `u64 banker | u8 0 | u8 tab | u8 slot | u32 item | u8 1 | u32 count | u8 to_char | u32` —
 *    bank to the player's bags, wherever there is room (auto-store);
 *  - `u64 banker | u8 0 | u8 tab | u8 slot | u32 item | u8 0 | u8 bag | u8 bag_slot | u8 to_char |
 *    u32 split_amount` — between a bank slot and a given bag slot, either way.
 * wowm notes unknown bytes after these fields in captures; AzerothCore never reads them, so the
 * decoder tolerates trailing bytes.
 */

/** Moves (or splits) a stack between two bank slots. */
export interface GuildBankMoveWithinBank {
  readonly kind: "bank";
  readonly banker: bigint;
  readonly destinationTab: number;
  readonly destinationSlot: number;
  /** The item in the destination slot (TrinityCore: always 0). */
  readonly destinationItemId: number;
  readonly sourceTab: number;
  readonly sourceSlot: number;
  readonly sourceItemId: number;
  /** TrinityCore: always false. */
  readonly autoStore: boolean;
  /** Items to split off, or 0 to move the whole stack. */
  readonly splitAmount: number;
}

/** Moves a bank stack into the player's bags wherever it fits. */
export interface GuildBankAutoStore {
  readonly kind: "auto-store";
  readonly banker: bigint;
  readonly bankTab: number;
  readonly bankSlot: number;
  readonly itemId: number;
  readonly autoStoreCount: number;
  /** TrinityCore: always 1 (towards the character). */
  readonly toCharacter: number;
  /** TrinityCore: always 0. */
  readonly unknown: number;
}

/** Moves (or splits) a stack between a bank slot and a given bag slot. */
export interface GuildBankMoveWithPlayer {
  readonly kind: "player";
  readonly banker: bigint;
  readonly bankTab: number;
  readonly bankSlot: number;
  readonly itemId: number;
  readonly playerBag: number;
  readonly playerSlot: number;
  /** `true` from bank to bags, `false` from bags to bank. */
  readonly toCharacter: boolean;
  readonly splitAmount: number;
}

/** CMSG_GUILD_BANK_SWAP_ITEMS: one of its three forms. */
export type CmsgGuildBankSwapItems = GuildBankMoveWithinBank | GuildBankAutoStore | GuildBankMoveWithPlayer;

/** CMSG_GUILD_BANK_SWAP_ITEMS (see the file comment for the three layouts). */
export const cmsgGuildBankSwapItemsCodec: MessageCodec<CmsgGuildBankSwapItems> = defineMessageCodec({
  opcode: Opcode.CMSG_GUILD_BANK_SWAP_ITEMS,
  allowTrailingBytes: true,
  write(writer, message) {
    writer.writeU64(message.banker);
    if (message.kind === "bank") {
      writer.writeU8(1).writeU8(message.destinationTab).writeU8(message.destinationSlot).writeU32(message.destinationItemId);
      writer.writeU8(message.sourceTab).writeU8(message.sourceSlot).writeU32(message.sourceItemId);
      writeBool(writer, message.autoStore);
      writer.writeU32(message.splitAmount);
      return;
    }
    writer.writeU8(0).writeU8(message.bankTab).writeU8(message.bankSlot).writeU32(message.itemId);
    if (message.kind === "auto-store") {
      writer.writeU8(1).writeU32(message.autoStoreCount).writeU8(message.toCharacter).writeU32(message.unknown);
    } else {
      writer.writeU8(0).writeU8(message.playerBag).writeU8(message.playerSlot);
      writeBool(writer, message.toCharacter);
      writer.writeU32(message.splitAmount);
    }
  },
  read(reader): CmsgGuildBankSwapItems {
    const banker = reader.readU64();
    if (readBool(reader)) {
      return {
        kind: "bank",
        banker,
        destinationTab: reader.readU8(),
        destinationSlot: reader.readU8(),
        destinationItemId: reader.readU32(),
        sourceTab: reader.readU8(),
        sourceSlot: reader.readU8(),
        sourceItemId: reader.readU32(),
        autoStore: readBool(reader),
        splitAmount: reader.readU32(),
      };
    }
    const bankTab = reader.readU8();
    const bankSlot = reader.readU8();
    const itemId = reader.readU32();
    if (readBool(reader)) {
      return {
        kind: "auto-store",
        banker,
        bankTab,
        bankSlot,
        itemId,
        autoStoreCount: reader.readU32(),
        toCharacter: reader.readU8(),
        unknown: reader.readU32(),
      };
    }
    return {
      kind: "player",
      banker,
      bankTab,
      bankSlot,
      itemId,
      playerBag: reader.readU8(),
      playerSlot: reader.readU8(),
      toCharacter: readBool(reader),
      splitAmount: reader.readU32(),
    };
  },
});

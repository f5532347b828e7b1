import type { PacketReader } from "../../codec/packet-reader.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { decodeError, readBool, readUntilEnd, writeBool } from "./wire-helpers.js";

/*
 * Raid management (3.3.5a): sub-groups, assistants, raid conversion, target icons and instance
 * difficulty. Layouts follow AzerothCore `GroupHandler.cpp`, `Group.cpp` (`SetTargetIcon`,
 * `SendTargetIconList`) and `Player::SendDungeonDifficulty` / `SendRaidDifficulty`.
 *
 * CMSG_PARTY_SILENCE (0x3DD) exists in the 3.3.5a opcode table, but AzerothCore handles it with
 * `Handle_NULL` and no public 3.3.5a source gives its layout, so there is no codec for it.
 */

/** CMSG_GROUP_CHANGE_SUB_GROUP: move a raid member to another sub-group. */
export interface CmsgGroupChangeSubGroup {
  readonly name: string;
  /** Target sub-group, 0..7. */
  readonly subGroup: number;
}

/** CMSG_GROUP_CHANGE_SUB_GROUP: `name\0 | u8 subgroup`. */
export const cmsgGroupChangeSubGroupCodec: MessageCodec<CmsgGroupChangeSubGroup> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_CHANGE_SUB_GROUP,
  write(writer, message) {
    writer.writeCString(message.name).writeU8(message.subGroup);
  },
  read(reader) {
    return { name: reader.readCString(), subGroup: reader.readU8() };
  },
});

/** CMSG_GROUP_SWAP_SUB_GROUP: swap the sub-groups of two raid members. */
export interface CmsgGroupSwapSubGroup {
  readonly name: string;
  readonly otherName: string;
}

/** CMSG_GROUP_SWAP_SUB_GROUP: `name\0 | other_name\0` (first = moved from, second = moved to). */
export const cmsgGroupSwapSubGroupCodec: MessageCodec<CmsgGroupSwapSubGroup> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_SWAP_SUB_GROUP,
  write(writer, message) {
    writer.writeCString(message.name).writeCString(message.otherName);
  },
  read(reader) {
    return { name: reader.readCString(), otherName: reader.readCString() };
  },
});

/** CMSG_GROUP_RAID_CONVERT: empty; the leader turns the party into a raid. */
export const cmsgGroupRaidConvertCodec = emptyMessageCodec(Opcode.CMSG_GROUP_RAID_CONVERT);

/** CMSG_GROUP_ASSISTANT_LEADER: grant or revoke raid assistant. */
export interface CmsgGroupAssistantLeader {
  readonly guid: bigint;
  readonly assistant: boolean;
}

/** CMSG_GROUP_ASSISTANT_LEADER: `u64 guid | u8 apply`. */
export const cmsgGroupAssistantLeaderCodec: MessageCodec<CmsgGroupAssistantLeader> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_ASSISTANT_LEADER,
  write(writer, message) {
    writer.writeU64(message.guid);
    writeBool(writer, message.assistant);
  },
  read(reader) {
    return { guid: reader.readU64(), assistant: readBool(reader) };
  },
});

/** The icon index the client sends to ask for the full icon list. */
export const RAID_TARGET_REQUEST_LIST = 0xff;

/** MSG_RAID_TARGET_UPDATE from the client: request the list, or set one icon. */
export type MsgRaidTargetUpdateClient =
  | { readonly kind: "request-list" }
  | { readonly kind: "set"; readonly icon: number; readonly target: bigint };

/** MSG_RAID_TARGET_UPDATE (client): `u8 icon`, then `u64 target` unless the icon is 0xFF. */
export const msgRaidTargetUpdateClientCodec: MessageCodec<MsgRaidTargetUpdateClient> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_TARGET_UPDATE,
  write(writer, message) {
    if (message.kind === "request-list") writer.writeU8(RAID_TARGET_REQUEST_LIST);
    else writer.writeU8(message.icon).writeU64(message.target);
  },
  read(reader): MsgRaidTargetUpdateClient {
    const icon = reader.readU8();
    if (icon === RAID_TARGET_REQUEST_LIST) return { kind: "request-list" };
    return { kind: "set", icon, target: reader.readU64() };
  },
});

/** One icon of the full list. */
export interface RaidTargetIcon {
  readonly icon: number;
  readonly target: bigint;
}

/** MSG_RAID_TARGET_UPDATE from the server: one icon changed, or the full list. */
export type MsgRaidTargetUpdateServer =
  | { readonly kind: "set"; readonly changedBy: bigint; readonly icon: number; readonly target: bigint }
  | { readonly kind: "list"; readonly icons: readonly RaidTargetIcon[] };

function readIcon(reader: PacketReader): RaidTargetIcon {
  return { icon: reader.readU8(), target: reader.readU64() };
}

/**
 * MSG_RAID_TARGET_UPDATE (server): `u8 0 | u64 changed_by | u8 icon | u64 target`, or
 * `u8 1 | {u8 icon, u64 target}` for each icon in use, to the end of the packet. wowm has a fixed
 * 8-entry list and no `changed_by`; AzerothCore writes only the icons in use and the setter's GUID.
 */
export const msgRaidTargetUpdateServerCodec: MessageCodec<MsgRaidTargetUpdateServer> = defineMessageCodec({
  opcode: Opcode.MSG_RAID_TARGET_UPDATE,
  write(writer, message) {
    if (message.kind === "set") {
      writer.writeU8(0).writeU64(message.changedBy).writeU8(message.icon).writeU64(message.target);
      return;
    }
    writer.writeU8(1);
    for (const icon of message.icons) writer.writeU8(icon.icon).writeU64(icon.target);
  },
  read(reader): MsgRaidTargetUpdateServer {
    const form = reader.readU8();
    if (form === 0) return { kind: "set", changedBy: reader.readU64(), icon: reader.readU8(), target: reader.readU64() };
    if (form === 1) return { kind: "list", icons: readUntilEnd(reader, readIcon) };
    return decodeError(reader, `raid target update form ${form} is neither 0 (set) nor 1 (list)`);
  },
});

/** The client form of MSG_SET_DUNGEON_DIFFICULTY / MSG_SET_RAID_DIFFICULTY. */
export interface SetDifficultyRequest {
  readonly difficulty: number;
}

/** The server form of MSG_SET_DUNGEON_DIFFICULTY / MSG_SET_RAID_DIFFICULTY. */
export interface SetDifficultyNotice {
  readonly difficulty: number;
  /** Meaning unknown; AzerothCore writes 1. */
  readonly unknown: number;
  readonly inGroup: boolean;
}

function difficultyRequestCodec(opcode: number): MessageCodec<SetDifficultyRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU32(message.difficulty);
    },
    read(reader) {
      return { difficulty: reader.readU32() };
    },
  });
}

function difficultyNoticeCodec(opcode: number): MessageCodec<SetDifficultyNotice> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU32(message.difficulty).writeU32(message.unknown).writeU32(message.inGroup ? 1 : 0);
    },
    read(reader) {
      return { difficulty: reader.readU32(), unknown: reader.readU32(), inGroup: reader.readU32() !== 0 };
    },
  });
}

/** MSG_SET_DUNGEON_DIFFICULTY (client): `u32 difficulty`. */
export const msgSetDungeonDifficultyClientCodec = difficultyRequestCodec(Opcode.MSG_SET_DUNGEON_DIFFICULTY);
/** MSG_SET_DUNGEON_DIFFICULTY (server): `u32 difficulty | u32 1 | u32 in_group`. */
export const msgSetDungeonDifficultyServerCodec = difficultyNoticeCodec(Opcode.MSG_SET_DUNGEON_DIFFICULTY);
/** MSG_SET_RAID_DIFFICULTY (client): `u32 difficulty`. */
export const msgSetRaidDifficultyClientCodec = difficultyRequestCodec(Opcode.MSG_SET_RAID_DIFFICULTY);
/** MSG_SET_RAID_DIFFICULTY (server): `u32 difficulty | u32 1 | u32 in_group`. */
export const msgSetRaidDifficultyServerCodec = difficultyNoticeCodec(Opcode.MSG_SET_RAID_DIFFICULTY);

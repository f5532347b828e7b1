import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * SMSG_GROUP_LIST as AzerothCore's `Group::SendUpdateToPlayer` writes it (3.3.5a): the receiver's
 * own slot first, then every *other* member, then the leader and (when there is anyone else) the
 * loot and difficulty settings.
 */

/** `GroupType` bit flags of the first byte ("group type (flags in 3.3)", AzerothCore `Group.h`). */
export const GroupTypeFlag = {
  NORMAL: 0x00,
  BATTLEGROUND: 0x01,
  RAID: 0x02,
  LFG_RESTRICTED: 0x04,
  LFG: 0x08,
} as const;

/** `GroupMemberOnlineStatus` bit flags (shared with SMSG_PARTY_MEMBER_STATS). */
export const GroupMemberStatus = {
  OFFLINE: 0x0000,
  ONLINE: 0x0001,
  PVP: 0x0002,
  DEAD: 0x0004,
  GHOST: 0x0008,
  PVP_FFA: 0x0010,
  AFK: 0x0040,
  DND: 0x0080,
} as const;

/** `GroupMemberFlags` bit flags. */
export const GroupMemberFlag = {
  ASSISTANT: 0x01,
  MAIN_TANK: 0x02,
  MAIN_ASSIST: 0x04,
} as const;

/** Members in a full raid; the list holds everyone but the receiver. */
const MAX_GROUP_SIZE = 40;
/** Smallest member entry: empty name (1) + guid (8) + four bytes. */
const MIN_MEMBER_SIZE = 13;

/** One other member of the receiver's group. */
export interface GroupListMember {
  readonly name: string;
  readonly guid: bigint;
  /** {@link GroupMemberStatus} flags (ONLINE, and PVP in battleground groups). */
  readonly status: number;
  readonly subGroup: number;
  /** {@link GroupMemberFlag} flags. */
  readonly flags: number;
  /** LFG role flags (1 leader, 2 tank, 4 healer, 8 damage). */
  readonly roles: number;
}

/** The LFG block, present when the group type has the {@link GroupTypeFlag.LFG} bit. */
export interface GroupListLfgInfo {
  /** 2 once the dungeon is finished, else 0 (AzerothCore). */
  readonly dungeonState: number;
  readonly dungeonEntry: number;
}

/** Loot and difficulty settings, present when the list has at least one other member. */
export interface GroupListLootSettings {
  /** A `LootMethod` value. */
  readonly lootMethod: number;
  /** The master looter, or 0 when the method is not master loot. */
  readonly masterLooterGuid: bigint;
  readonly lootThreshold: number;
  readonly dungeonDifficulty: number;
  readonly raidDifficulty: number;
  /** The 3.3 dynamic raid difficulty: `true` for heroic. */
  readonly heroicRaid: boolean;
}

/** SMSG_GROUP_LIST: the full state of the receiver's group. */
export interface SmsgGroupList {
  /** {@link GroupTypeFlag} flags. */
  readonly groupType: number;
  /** The receiver's own sub-group (0..7). */
  readonly subGroup: number;
  /** The receiver's own {@link GroupMemberFlag} flags. */
  readonly flags: number;
  /** The receiver's own LFG roles. */
  readonly roles: number;
  /** Present exactly when `groupType` has the LFG bit. */
  readonly lfg?: GroupListLfgInfo;
  readonly groupGuid: bigint;
  /** Increases by one with every SMSG_GROUP_LIST the group sends. */
  readonly counter: number;
  /** Every member except the receiver. */
  readonly members: readonly GroupListMember[];
  readonly leaderGuid: bigint;
  /** Present exactly when `members` is not empty. */
  readonly loot?: GroupListLootSettings;
}

function writeMember(writer: PacketWriter, member: GroupListMember): void {
  writer.writeCString(member.name).writeU64(member.guid);
  writer.writeU8(member.status).writeU8(member.subGroup).writeU8(member.flags).writeU8(member.roles);
}

function readMember(reader: PacketReader): GroupListMember {
  return {
    name: reader.readCString(),
    guid: reader.readU64(),
    status: reader.readU8(),
    subGroup: reader.readU8(),
    flags: reader.readU8(),
    roles: reader.readU8(),
  };
}

function writeLoot(writer: PacketWriter, loot: GroupListLootSettings): void {
  writer.writeU8(loot.lootMethod).writeU64(loot.masterLooterGuid).writeU8(loot.lootThreshold);
  writer.writeU8(loot.dungeonDifficulty).writeU8(loot.raidDifficulty);
  writeBool(writer, loot.heroicRaid);
}

function readLoot(reader: PacketReader): GroupListLootSettings {
  return {
    lootMethod: reader.readU8(),
    masterLooterGuid: reader.readU64(),
    lootThreshold: reader.readU8(),
    dungeonDifficulty: reader.readU8(),
    raidDifficulty: reader.readU8(),
    heroicRaid: readBool(reader),
  };
}

/**
 * SMSG_GROUP_LIST: `u8 type | u8 subgroup | u8 flags | u8 roles | (u8 lfg_state, u32 dungeon if
 * type & LFG) | u64 group | u32 counter | u32 n | n × member | u64 leader | (loot if n > 0)`.
 * wowm omits the LFG block; AzerothCore writes it for LFG groups, so it is decoded here.
 */
export const smsgGroupListCodec: MessageCodec<SmsgGroupList> = defineMessageCodec({
  opcode: Opcode.SMSG_GROUP_LIST,
  write(writer, message) {
    const isLfg = (message.groupType & GroupTypeFlag.LFG) !== 0;
    if (isLfg !== (message.lfg !== undefined)) {
      failEncode(writer, Opcode.SMSG_GROUP_LIST, "the lfg block must be given exactly when groupType has the LFG bit (0x08)");
    }
    if ((message.members.length > 0) !== (message.loot !== undefined)) {
      failEncode(writer, Opcode.SMSG_GROUP_LIST, "loot settings must be given exactly when the member list is not empty");
    }
    writer.writeU8(message.groupType).writeU8(message.subGroup).writeU8(message.flags).writeU8(message.roles);
    if (message.lfg !== undefined) writer.writeU8(message.lfg.dungeonState).writeU32(message.lfg.dungeonEntry);
    writer.writeU64(message.groupGuid).writeU32(message.counter).writeU32(message.members.length);
    for (const member of message.members) writeMember(writer, member);
    writer.writeU64(message.leaderGuid);
    if (message.loot !== undefined) writeLoot(writer, message.loot);
  },
  read(reader) {
    const groupType = reader.readU8();
    const subGroup = reader.readU8();
    const flags = reader.readU8();
    const roles = reader.readU8();
    const lfg =
      (groupType & GroupTypeFlag.LFG) !== 0 ? { dungeonState: reader.readU8(), dungeonEntry: reader.readU32() } : undefined;
    const groupGuid = reader.readU64();
    const counter = reader.readU32();
    const count = reader.readCount(MAX_GROUP_SIZE, { minElementSize: MIN_MEMBER_SIZE });
    const members = readList(reader, count, readMember);
    const leaderGuid = reader.readU64();
    const loot = count > 0 ? readLoot(reader) : undefined;
    return {
      groupType,
      subGroup,
      flags,
      roles,
      ...(lfg === undefined ? {} : { lfg }),
      groupGuid,
      counter,
      members,
      leaderGuid,
      ...(loot === undefined ? {} : { loot }),
    };
  },
});

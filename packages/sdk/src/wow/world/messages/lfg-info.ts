import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * Dungeon finder locks, join results, dungeon lists and rewards (3.3.5a), as AzerothCore
 * `LFGHandler.cpp` writes them (`BuildPlayerLockDungeonBlock`, `BuildPartyLockDungeonBlock`,
 * `SendLfgJoinResult`, `HandleLfgPlayerLockInfoRequestOpcode`, `HandleLfgPartyLockInfoRequestOpcode`,
 * `SendLfgPlayerReward`). wowm counts the player lock list with a u8 and lists join-result players
 * without a count; AzerothCore uses a u32 and a u8 count, and wins.
 */

/** A dungeon the player cannot queue for, and why. */
export interface LfgLockedDungeon {
  readonly dungeonEntry: number;
  /** `LfgLockStatusType` (1 expansion, 2 too low level, 3 too high, …). */
  readonly reason: number;
}

/** One group member's locked dungeons. */
export interface LfgMemberLocks {
  readonly guid: bigint;
  readonly locks: readonly LfgLockedDungeon[];
}

function writeLocks(writer: PacketWriter, locks: readonly LfgLockedDungeon[]): void {
  writer.writeU32(locks.length);
  for (const lock of locks) writer.writeU32(lock.dungeonEntry).writeU32(lock.reason);
}

function readLocks(reader: PacketReader): LfgLockedDungeon[] {
  const count = reader.readCount(0xffff, { minElementSize: 8 });
  return readList(reader, count, (r) => ({ dungeonEntry: r.readU32(), reason: r.readU32() }));
}

function writeMemberLocks(writer: PacketWriter, members: readonly LfgMemberLocks[]): void {
  writer.writeU8(members.length);
  for (const member of members) {
    writer.writeU64(member.guid);
    writeLocks(writer, member.locks);
  }
}

function readMemberLocks(reader: PacketReader): LfgMemberLocks[] {
  const count = reader.readCount(0xff, { width: "u8", minElementSize: 12 });
  return readList(reader, count, (r) => ({ guid: r.readU64(), locks: readLocks(r) }));
}

/** SMSG_LFG_JOIN_RESULT: whether joining worked, and who blocks it. */
export interface SmsgLfgJoinResult {
  /** `LfgJoinResult` (0 ok, …). */
  readonly result: number;
  /** `LfgRoleCheckState` or other detail value. */
  readonly state: number;
  /** The members whose locks block the join; the block is present when this is not empty. */
  readonly memberLocks: readonly LfgMemberLocks[];
}

/** SMSG_LFG_JOIN_RESULT: `u32 result | u32 state | (u8 n | n × (u64 guid, u32 m, m × (u32 dungeon, u32 reason)))`. */
export const smsgLfgJoinResultCodec: MessageCodec<SmsgLfgJoinResult> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_JOIN_RESULT,
  write(writer, message) {
    writer.writeU32(message.result).writeU32(message.state);
    if (message.memberLocks.length > 0) writeMemberLocks(writer, message.memberLocks);
  },
  read(reader) {
    const result = reader.readU32();
    const state = reader.readU32();
    return { result, state, memberLocks: reader.remaining === 0 ? [] : readMemberLocks(reader) };
  },
});

/** SMSG_LFG_PARTY_INFO: the other members' locked dungeons. */
export interface SmsgLfgPartyInfo {
  readonly memberLocks: readonly LfgMemberLocks[];
}

/** SMSG_LFG_PARTY_INFO: `u8 n | n × (u64 guid, u32 m, m × (u32 dungeon, u32 reason))`. */
export const smsgLfgPartyInfoCodec: MessageCodec<SmsgLfgPartyInfo> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_PARTY_INFO,
  write(writer, message) {
    writeMemberLocks(writer, message.memberLocks);
  },
  read(reader) {
    return { memberLocks: readMemberLocks(reader) };
  },
});

/** A reward item. */
export interface LfgRewardItem {
  readonly itemId: number;
  readonly displayId: number;
  readonly count: number;
}

function writeRewardItems(writer: PacketWriter, items: readonly LfgRewardItem[]): void {
  writer.writeU8(items.length);
  for (const item of items) writer.writeU32(item.itemId).writeU32(item.displayId).writeU32(item.count);
}

function readRewardItems(reader: PacketReader): LfgRewardItem[] {
  const count = reader.readCount(0xff, { width: "u8", minElementSize: 12 });
  return readList(reader, count, (r) => ({ itemId: r.readU32(), displayId: r.readU32(), count: r.readU32() }));
}

/** A random (or seasonal) dungeon the player can queue for, with its quest reward. */
export interface LfgAvailableDungeon {
  readonly dungeonEntry: number;
  /** Whether the first-of-the-day reward is already done. */
  readonly done: boolean;
  /** Copper. */
  readonly money: number;
  readonly experience: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown1: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown2: number;
  readonly items: readonly LfgRewardItem[];
}

/** SMSG_LFG_PLAYER_INFO: the dungeon finder's dungeon list and the player's locks. */
export interface SmsgLfgPlayerInfo {
  readonly dungeons: readonly LfgAvailableDungeon[];
  readonly locks: readonly LfgLockedDungeon[];
}

function readAvailableDungeon(reader: PacketReader): LfgAvailableDungeon {
  return {
    dungeonEntry: reader.readU32(),
    done: readBool(reader),
    money: reader.readU32(),
    experience: reader.readU32(),
    unknown1: reader.readU32(),
    unknown2: reader.readU32(),
    items: readRewardItems(reader),
  };
}

/**
 * SMSG_LFG_PLAYER_INFO: `u8 n | n × (u32 dungeon | u8 done | u32 money | u32 xp | u32 | u32 |
 * u8 m | m × (u32 item, u32 display, u32 count)) | u32 k | k × (u32 dungeon, u32 reason)`.
 */
export const smsgLfgPlayerInfoCodec: MessageCodec<SmsgLfgPlayerInfo> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_PLAYER_INFO,
  write(writer, message) {
    writer.writeU8(message.dungeons.length);
    for (const dungeon of message.dungeons) {
      writer.writeU32(dungeon.dungeonEntry);
      writeBool(writer, dungeon.done);
      writer.writeU32(dungeon.money).writeU32(dungeon.experience).writeU32(dungeon.unknown1).writeU32(dungeon.unknown2);
      writeRewardItems(writer, dungeon.items);
    }
    writeLocks(writer, message.locks);
  },
  read(reader) {
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 22 });
    const dungeons = readList(reader, count, readAvailableDungeon);
    return { dungeons, locks: readLocks(reader) };
  },
});

/** SMSG_LFG_PLAYER_REWARD: the reward for finishing a random dungeon. */
export interface SmsgLfgPlayerReward {
  readonly randomDungeonEntry: number;
  readonly dungeonEntry: number;
  readonly done: boolean;
  /** Meaning unknown; AzerothCore writes 1. */
  readonly unknown1: number;
  /** Copper. */
  readonly money: number;
  readonly experience: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown2: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown3: number;
  readonly items: readonly LfgRewardItem[];
}

/**
 * SMSG_LFG_PLAYER_REWARD: `u32 random_dungeon | u32 dungeon | u8 done | u32 | u32 money | u32 xp |
 * u32 | u32 | u8 n | n × (u32 item, u32 display, u32 count)`. wowm orders an item `item, count,
 * display`; AzerothCore writes `item, display, count`, and wins.
 */
export const smsgLfgPlayerRewardCodec: MessageCodec<SmsgLfgPlayerReward> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_PLAYER_REWARD,
  write(writer, message) {
    writer.writeU32(message.randomDungeonEntry).writeU32(message.dungeonEntry);
    writeBool(writer, message.done);
    writer.writeU32(message.unknown1).writeU32(message.money).writeU32(message.experience);
    writer.writeU32(message.unknown2).writeU32(message.unknown3);
    writeRewardItems(writer, message.items);
  },
  read(reader) {
    return {
      randomDungeonEntry: reader.readU32(),
      dungeonEntry: reader.readU32(),
      done: readBool(reader),
      unknown1: reader.readU32(),
      money: reader.readU32(),
      experience: reader.readU32(),
      unknown2: reader.readU32(),
      unknown3: reader.readU32(),
      items: readRewardItems(reader),
    };
  },
});

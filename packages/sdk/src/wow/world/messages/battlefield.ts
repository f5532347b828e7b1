import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * Battleground and arena queues (3.3.5a), as AzerothCore `BattleGroundHandler.cpp` reads them and
 * `BattlegroundMgr::BuildBattlegroundListPacket` writes the list. The queue status packet is in
 * `battlefield-status.ts`.
 */

/** Random battleground type id (`BATTLEGROUND_RB`). */
export const RANDOM_BATTLEGROUND_TYPE = 32;

/** CMSG_BATTLEFIELD_LIST: ask for a battleground's instances. */
export interface CmsgBattlefieldList {
  readonly bgTypeId: number;
  /** 0 from a battlemaster, 1 from the PvP UI. */
  readonly fromWhere: number;
  readonly canGainXp: boolean;
}

/** CMSG_BATTLEFIELD_LIST: `u32 bg_type | u8 from_where | u8 can_gain_xp`. */
export const cmsgBattlefieldListCodec: MessageCodec<CmsgBattlefieldList> = defineMessageCodec({
  opcode: Opcode.CMSG_BATTLEFIELD_LIST,
  write(writer, message) {
    writer.writeU32(message.bgTypeId).writeU8(message.fromWhere);
    writeBool(writer, message.canGainXp);
  },
  read(reader) {
    return { bgTypeId: reader.readU32(), fromWhere: reader.readU8(), canGainXp: readBool(reader) };
  },
});

/** The rewards of winning / losing, as the PvP UI shows them. */
export interface BattlefieldRewards {
  readonly hasWon: boolean;
  readonly winHonor: number;
  readonly winArenaPoints: number;
  readonly lossHonor: number;
}

/** SMSG_BATTLEFIELD_LIST: a battleground's rewards and open instances. */
export interface SmsgBattlefieldList {
  /** The battlemaster, or 0 when asked from the UI. */
  readonly battlemaster: bigint;
  readonly fromWhere: number;
  readonly bgTypeId: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown1: number;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown2: number;
  readonly rewards: BattlefieldRewards;
  /** The random-battleground rewards; present exactly when the type is the random battleground. */
  readonly randomRewards?: BattlefieldRewards;
  /** Client-visible instance ids to choose from. */
  readonly instanceIds: readonly number[];
}

function writeRewards(writer: PacketWriter, rewards: BattlefieldRewards): void {
  writeBool(writer, rewards.hasWon);
  writer.writeU32(rewards.winHonor).writeU32(rewards.winArenaPoints).writeU32(rewards.lossHonor);
}

function readRewards(reader: PacketReader): BattlefieldRewards {
  return { hasWon: readBool(reader), winHonor: reader.readU32(), winArenaPoints: reader.readU32(), lossHonor: reader.readU32() };
}

/**
 * SMSG_BATTLEFIELD_LIST: `u64 battlemaster | u8 from_where | u32 bg_type | u8 | u8 | rewards |
 * u8 is_random | (rewards if is_random) | u32 n | n × u32 instance`, rewards being
 * `u8 has_won | u32 win_honor | u32 win_arena | u32 loss_honor`. wowm has no `from_where`;
 * AzerothCore (and TrinityCore) write it, and win.
 */
export const smsgBattlefieldListCodec: MessageCodec<SmsgBattlefieldList> = defineMessageCodec({
  opcode: Opcode.SMSG_BATTLEFIELD_LIST,
  write(writer, message) {
    writer.writeU64(message.battlemaster).writeU8(message.fromWhere).writeU32(message.bgTypeId);
    writer.writeU8(message.unknown1).writeU8(message.unknown2);
    writeRewards(writer, message.rewards);
    writeBool(writer, message.randomRewards !== undefined);
    if (message.randomRewards !== undefined) writeRewards(writer, message.randomRewards);
    writer.writeU32(message.instanceIds.length);
    for (const instanceId of message.instanceIds) writer.writeU32(instanceId);
  },
  read(reader) {
    const battlemaster = reader.readU64();
    const fromWhere = reader.readU8();
    const bgTypeId = reader.readU32();
    const unknown1 = reader.readU8();
    const unknown2 = reader.readU8();
    const rewards = readRewards(reader);
    const randomRewards = readBool(reader) ? readRewards(reader) : undefined;
    const count = reader.readCount(0xffff, { minElementSize: 4 });
    const instanceIds = readList(reader, count, (r) => r.readU32());
    return {
      battlemaster,
      fromWhere,
      bgTypeId,
      unknown1,
      unknown2,
      rewards,
      ...(randomRewards === undefined ? {} : { randomRewards }),
      instanceIds,
    };
  },
});

/** CMSG_BATTLEMASTER_JOIN: queue for a battleground. */
export interface CmsgBattlemasterJoin {
  readonly battlemaster: bigint;
  readonly bgTypeId: number;
  /** 0 for the first available instance. */
  readonly instanceId: number;
  readonly joinAsGroup: boolean;
}

/** CMSG_BATTLEMASTER_JOIN: `u64 battlemaster | u32 bg_type | u32 instance | u8 as_group`. */
export const cmsgBattlemasterJoinCodec: MessageCodec<CmsgBattlemasterJoin> = defineMessageCodec({
  opcode: Opcode.CMSG_BATTLEMASTER_JOIN,
  write(writer, message) {
    writer.writeU64(message.battlemaster).writeU32(message.bgTypeId).writeU32(message.instanceId);
    writeBool(writer, message.joinAsGroup);
  },
  read(reader) {
    return { battlemaster: reader.readU64(), bgTypeId: reader.readU32(), instanceId: reader.readU32(), joinAsGroup: readBool(reader) };
  },
});

/** CMSG_BATTLEMASTER_JOIN_ARENA: queue for an arena. */
export interface CmsgBattlemasterJoinArena {
  readonly battlemaster: bigint;
  /** 0 = 2v2, 1 = 3v3, 2 = 5v5. */
  readonly arenaSlot: number;
  readonly asGroup: boolean;
  readonly rated: boolean;
}

/** CMSG_BATTLEMASTER_JOIN_ARENA: `u64 battlemaster | u8 slot | u8 as_group | u8 rated`. */
export const cmsgBattlemasterJoinArenaCodec: MessageCodec<CmsgBattlemasterJoinArena> = defineMessageCodec({
  opcode: Opcode.CMSG_BATTLEMASTER_JOIN_ARENA,
  write(writer, message) {
    writer.writeU64(message.battlemaster).writeU8(message.arenaSlot);
    writeBool(writer, message.asGroup);
    writeBool(writer, message.rated);
  },
  read(reader) {
    return { battlemaster: reader.readU64(), arenaSlot: reader.readU8(), asGroup: readBool(reader), rated: readBool(reader) };
  },
});

/** CMSG_BATTLEFIELD_PORT: enter an invited battleground or leave its queue. */
export interface CmsgBattlefieldPort {
  readonly arenaType: number;
  /** Meaning unknown (0 or 1). */
  readonly unknown1: number;
  readonly bgTypeId: number;
  /** Meaning unknown (AzerothCore: "0x1F90 constant?"). */
  readonly unknown2: number;
  /** `true` to enter, `false` to leave the queue. */
  readonly enter: boolean;
}

/** CMSG_BATTLEFIELD_PORT: `u8 arena_type | u8 | u32 bg_type | u16 | u8 action`. */
export const cmsgBattlefieldPortCodec: MessageCodec<CmsgBattlefieldPort> = defineMessageCodec({
  opcode: Opcode.CMSG_BATTLEFIELD_PORT,
  write(writer, message) {
    writer.writeU8(message.arenaType).writeU8(message.unknown1).writeU32(message.bgTypeId).writeU16(message.unknown2);
    writeBool(writer, message.enter);
  },
  read(reader) {
    return {
      arenaType: reader.readU8(),
      unknown1: reader.readU8(),
      bgTypeId: reader.readU32(),
      unknown2: reader.readU16(),
      enter: readBool(reader),
    };
  },
});

import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * Dungeon finder queue state (3.3.5a): SMSG_LFG_UPDATE_PLAYER, SMSG_LFG_UPDATE_PARTY and
 * SMSG_LFG_QUEUE_STATUS, as AzerothCore `SendLfgUpdatePlayer`, `SendLfgUpdateParty` and
 * `SendLfgQueueStatus` write them. wowm's SMSG_LFG_UPDATE_PARTY lacks the three zero bytes
 * AzerothCore (and TrinityCore) write before the dungeon count; AzerothCore wins.
 */

/** `LfgUpdateType` (AzerothCore `LFG.h`; names of 1 and 16 from wowm). */
export const LfgUpdateType = {
  DEFAULT: 0,
  LEADER_LEAVE: 1,
  ROLECHECK_ABORTED: 4,
  JOIN_QUEUE: 5,
  ROLECHECK_FAILED: 6,
  REMOVED_FROM_QUEUE: 7,
  PROPOSAL_FAILED: 8,
  PROPOSAL_DECLINED: 9,
  GROUP_FOUND: 10,
  ADDED_TO_QUEUE: 12,
  PROPOSAL_BEGIN: 13,
  UPDATE_STATUS: 14,
  GROUP_MEMBER_OFFLINE: 15,
  GROUP_DISBAND: 16,
} as const;

/** The queue details of SMSG_LFG_UPDATE_PLAYER. */
export interface LfgPlayerQueueDetails {
  readonly queued: boolean;
  /** AzerothCore writes 0. */
  readonly noPartialClear: number;
  /** AzerothCore writes 0. */
  readonly achievements: number;
  readonly dungeons: readonly number[];
  readonly comment: string;
}

/** SMSG_LFG_UPDATE_PLAYER: the receiver's own queue state. */
export interface SmsgLfgUpdatePlayer {
  /** An {@link LfgUpdateType} value. */
  readonly updateType: number;
  /** Present when the server sends dungeons (the "extra info" byte is 1). */
  readonly details?: LfgPlayerQueueDetails;
}

function writeDungeonsAndComment(writer: PacketWriter, dungeons: readonly number[], comment: string): void {
  writer.writeU8(dungeons.length);
  for (const dungeon of dungeons) writer.writeU32(dungeon);
  writer.writeCString(comment);
}

function readDungeons(reader: PacketReader): number[] {
  const count = reader.readCount(0xff, { width: "u8", minElementSize: 4 });
  return readList(reader, count, (r) => r.readU32());
}

/**
 * SMSG_LFG_UPDATE_PLAYER: `u8 update_type | u8 has_details | (u8 queued | u8 | u8 | u8 n |
 * n × u32 dungeon | comment\0 if has_details)`.
 */
export const smsgLfgUpdatePlayerCodec: MessageCodec<SmsgLfgUpdatePlayer> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_UPDATE_PLAYER,
  write(writer, message) {
    writer.writeU8(message.updateType);
    writeBool(writer, message.details !== undefined);
    const { details } = message;
    if (details === undefined) return;
    writeBool(writer, details.queued);
    writer.writeU8(details.noPartialClear).writeU8(details.achievements);
    writeDungeonsAndComment(writer, details.dungeons, details.comment);
  },
  read(reader) {
    const updateType = reader.readU8();
    if (!readBool(reader)) return { updateType };
    const queued = readBool(reader);
    const noPartialClear = reader.readU8();
    const achievements = reader.readU8();
    const dungeons = readDungeons(reader);
    return { updateType, details: { queued, noPartialClear, achievements, dungeons, comment: reader.readCString() } };
  },
});

/** The queue details of SMSG_LFG_UPDATE_PARTY. */
export interface LfgPartyQueueDetails {
  readonly joined: boolean;
  readonly queued: boolean;
  /** AzerothCore writes 0. */
  readonly noPartialClear: number;
  /** AzerothCore writes 0. */
  readonly achievements: number;
  /** Three bytes of unknown meaning; AzerothCore writes zeros. */
  readonly unknown: readonly number[];
  readonly dungeons: readonly number[];
  readonly comment: string;
}

/** SMSG_LFG_UPDATE_PARTY: the receiver's group queue state. */
export interface SmsgLfgUpdateParty {
  readonly updateType: number;
  readonly details?: LfgPartyQueueDetails;
}

/** Unknown bytes before the dungeon count of SMSG_LFG_UPDATE_PARTY. */
const PARTY_UNKNOWN_BYTES = 3;

/**
 * SMSG_LFG_UPDATE_PARTY: `u8 update_type | u8 has_details | (u8 joined | u8 queued | u8 | u8 |
 * 3 × u8 | u8 n | n × u32 dungeon | comment\0 if has_details)`.
 */
export const smsgLfgUpdatePartyCodec: MessageCodec<SmsgLfgUpdateParty> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_UPDATE_PARTY,
  write(writer, message) {
    writer.writeU8(message.updateType);
    writeBool(writer, message.details !== undefined);
    const { details } = message;
    if (details === undefined) return;
    if (details.unknown.length !== PARTY_UNKNOWN_BYTES) {
      failEncode(writer, Opcode.SMSG_LFG_UPDATE_PARTY, `unknown must have ${PARTY_UNKNOWN_BYTES} bytes, got ${details.unknown.length}`);
    }
    writeBool(writer, details.joined);
    writeBool(writer, details.queued);
    writer.writeU8(details.noPartialClear).writeU8(details.achievements);
    for (const byte of details.unknown) writer.writeU8(byte);
    writeDungeonsAndComment(writer, details.dungeons, details.comment);
  },
  read(reader) {
    const updateType = reader.readU8();
    if (!readBool(reader)) return { updateType };
    const joined = readBool(reader);
    const queued = readBool(reader);
    const noPartialClear = reader.readU8();
    const achievements = reader.readU8();
    const unknown = readList(reader, PARTY_UNKNOWN_BYTES, (r) => r.readU8());
    const dungeons = readDungeons(reader);
    return { updateType, details: { joined, queued, noPartialClear, achievements, unknown, dungeons, comment: reader.readCString() } };
  },
});

/** SMSG_LFG_QUEUE_STATUS: estimated waits and the roles still needed. */
export interface SmsgLfgQueueStatus {
  readonly dungeonEntry: number;
  /** Seconds; -1 when unknown. */
  readonly averageWaitTime: number;
  readonly waitTime: number;
  readonly waitTimeTank: number;
  readonly waitTimeHealer: number;
  readonly waitTimeDamage: number;
  readonly tanksNeeded: number;
  readonly healersNeeded: number;
  readonly damageNeeded: number;
  /** Seconds the receiver has been queued. */
  readonly queuedTime: number;
}

/**
 * SMSG_LFG_QUEUE_STATUS: `u32 dungeon | i32 avg_wait | i32 wait | i32 tank | i32 healer | i32 dps |
 * u8 tanks | u8 healers | u8 dps | u32 queued_time`.
 */
export const smsgLfgQueueStatusCodec: MessageCodec<SmsgLfgQueueStatus> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_QUEUE_STATUS,
  write(writer, message) {
    writer.writeU32(message.dungeonEntry).writeI32(message.averageWaitTime).writeI32(message.waitTime);
    writer.writeI32(message.waitTimeTank).writeI32(message.waitTimeHealer).writeI32(message.waitTimeDamage);
    writer.writeU8(message.tanksNeeded).writeU8(message.healersNeeded).writeU8(message.damageNeeded).writeU32(message.queuedTime);
  },
  read(reader) {
    return {
      dungeonEntry: reader.readU32(),
      averageWaitTime: reader.readI32(),
      waitTime: reader.readI32(),
      waitTimeTank: reader.readI32(),
      waitTimeHealer: reader.readI32(),
      waitTimeDamage: reader.readI32(),
      tanksNeeded: reader.readU8(),
      healersNeeded: reader.readU8(),
      damageNeeded: reader.readU8(),
      queuedTime: reader.readU32(),
    };
  },
});

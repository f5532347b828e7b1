import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { decodeError, readBool, writeBool } from "./wire-helpers.js";

/*
 * SMSG_BATTLEFIELD_STATUS (3.3.5a) in each of its forms, as AzerothCore
 * `BattlegroundMgr::BuildBattlegroundStatusPacket` writes it. The queue requests and the
 * battleground list are in `battlefield.ts`.
 */

/** `BattlegroundStatus` (AzerothCore). */
export const BattlegroundStatus = {
  NONE: 0,
  WAIT_QUEUE: 1,
  WAIT_JOIN: 2,
  IN_PROGRESS: 3,
  WAIT_LEAVE: 4,
} as const;

/** The fields every non-empty SMSG_BATTLEFIELD_STATUS has. */
export interface BattlefieldStatusHeader {
  readonly queueSlot: number;
  /** 0 for battlegrounds, 2/3/5 for arenas. */
  readonly arenaType: number;
  /** 0x0E for arenas, 0 for battlegrounds (AzerothCore). */
  readonly arenaFlag: number;
  readonly bgTypeId: number;
  /** AzerothCore writes 0x1F90. */
  readonly unknown: number;
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly clientInstanceId: number;
  /** Shows the arena minimap icon. */
  readonly rated: boolean;
}

/** SMSG_BATTLEFIELD_STATUS: one queue slot's state, in each of its forms. */
export type SmsgBattlefieldStatus =
  | { readonly status: typeof BattlegroundStatus.NONE; readonly queueSlot: number }
  | (BattlefieldStatusHeader & {
      readonly status: typeof BattlegroundStatus.WAIT_QUEUE;
      readonly averageWaitMs: number;
      readonly timeInQueueMs: number;
    })
  | (BattlefieldStatusHeader & {
      readonly status: typeof BattlegroundStatus.WAIT_JOIN;
      readonly mapId: number;
      /** "3.3.5, unknown"; AzerothCore writes 0. */
      readonly unknown64: bigint;
      readonly timeToRemoveMs: number;
    })
  | (BattlefieldStatusHeader & {
      readonly status: typeof BattlegroundStatus.IN_PROGRESS;
      readonly mapId: number;
      readonly unknown64: bigint;
      /** Time until the battleground closes (0 while it runs). */
      readonly autoLeaveMs: number;
      readonly elapsedMs: number;
      /** Arena faction: 1 alliance (gold), 0 horde (green). */
      readonly arenaFaction: number;
    })
  | (BattlefieldStatusHeader & { readonly status: typeof BattlegroundStatus.WAIT_LEAVE });

function readHeader(reader: PacketReader, queueSlot: number): BattlefieldStatusHeader {
  return {
    queueSlot,
    arenaType: reader.readU8(),
    arenaFlag: reader.readU8(),
    bgTypeId: reader.readU32(),
    unknown: reader.readU16(),
    minLevel: reader.readU8(),
    maxLevel: reader.readU8(),
    clientInstanceId: reader.readU32(),
    rated: readBool(reader),
  };
}

function writeHeader(writer: PacketWriter, header: BattlefieldStatusHeader): void {
  writer.writeU8(header.arenaType).writeU8(header.arenaFlag).writeU32(header.bgTypeId).writeU16(header.unknown);
  writer.writeU8(header.minLevel).writeU8(header.maxLevel).writeU32(header.clientInstanceId);
  writeBool(writer, header.rated);
}

/**
 * SMSG_BATTLEFIELD_STATUS: `u32 slot | u64 0` for NONE; otherwise `u32 slot | u8 arena_type |
 * u8 arena_flag | u32 bg_type | u16 | u8 min_level | u8 max_level | u32 instance | u8 rated |
 * u32 status` followed by `u32 avg_wait, u32 in_queue` (WAIT_QUEUE), `u32 map, u64, u32 remove`
 * (WAIT_JOIN), `u32 map, u64, u32 auto_leave, u32 elapsed, u8 faction` (IN_PROGRESS) or nothing
 * (WAIT_LEAVE). wowm reads the status as u8; AzerothCore writes u32, and wins.
 */
export const smsgBattlefieldStatusCodec: MessageCodec<SmsgBattlefieldStatus> = defineMessageCodec({
  opcode: Opcode.SMSG_BATTLEFIELD_STATUS,
  write(writer, message) {
    writer.writeU32(message.queueSlot);
    if (message.status === BattlegroundStatus.NONE) {
      writer.writeU64(0n);
      return;
    }
    writeHeader(writer, message);
    writer.writeU32(message.status);
    switch (message.status) {
      case BattlegroundStatus.WAIT_QUEUE:
        writer.writeU32(message.averageWaitMs).writeU32(message.timeInQueueMs);
        break;
      case BattlegroundStatus.WAIT_JOIN:
        writer.writeU32(message.mapId).writeU64(message.unknown64).writeU32(message.timeToRemoveMs);
        break;
      case BattlegroundStatus.IN_PROGRESS:
        writer.writeU32(message.mapId).writeU64(message.unknown64).writeU32(message.autoLeaveMs).writeU32(message.elapsedMs);
        writer.writeU8(message.arenaFaction);
        break;
      case BattlegroundStatus.WAIT_LEAVE:
        break;
    }
  },
  read(reader): SmsgBattlefieldStatus {
    const queueSlot = reader.readU32();
    if (reader.remaining === 8) {
      if (reader.readU64() !== 0n) decodeError(reader, "the cleared status form must end with a zero u64");
      return { status: BattlegroundStatus.NONE, queueSlot };
    }
    const header = readHeader(reader, queueSlot);
    const status = reader.readU32();
    switch (status) {
      case BattlegroundStatus.WAIT_QUEUE:
        return { ...header, status, averageWaitMs: reader.readU32(), timeInQueueMs: reader.readU32() };
      case BattlegroundStatus.WAIT_JOIN:
        return { ...header, status, mapId: reader.readU32(), unknown64: reader.readU64(), timeToRemoveMs: reader.readU32() };
      case BattlegroundStatus.IN_PROGRESS:
        return {
          ...header,
          status,
          mapId: reader.readU32(),
          unknown64: reader.readU64(),
          autoLeaveMs: reader.readU32(),
          elapsedMs: reader.readU32(),
          arenaFaction: reader.readU8(),
        };
      case BattlegroundStatus.WAIT_LEAVE:
        return { ...header, status };
      default:
        return decodeError(reader, `battleground status ${status} is not one of 1..4 (status 0 uses the short form)`);
    }
  },
});

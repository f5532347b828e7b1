import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { decodeError, failEncode } from "./wire-helpers.js";

/*
 * Party frame stats (3.3.5a): SMSG_PARTY_MEMBER_STATS (changes) and SMSG_PARTY_MEMBER_STATS_FULL
 * (the answer to CMSG_REQUEST_PARTY_MEMBER_STATS). Both carry a `GroupUpdateFlags` mask and then
 * one field per set bit, in bit order, as AzerothCore `WorldSession::BuildPartyMemberStatsChangedPacket`
 * and `HandleRequestPartyMemberStatsOpcode` write them. The mask is not a field of the message
 * object: the encoder derives it from the fields that are present.
 */

/** `GroupUpdateFlags` (AzerothCore `Group.h`, wowm `social_common_3_3_5.wowm`). */
export const GroupUpdateFlag = {
  STATUS: 0x00000001,
  CUR_HP: 0x00000002,
  MAX_HP: 0x00000004,
  POWER_TYPE: 0x00000008,
  CUR_POWER: 0x00000010,
  MAX_POWER: 0x00000020,
  LEVEL: 0x00000040,
  ZONE: 0x00000080,
  POSITION: 0x00000100,
  AURAS: 0x00000200,
  PET_GUID: 0x00000400,
  PET_NAME: 0x00000800,
  PET_MODEL_ID: 0x00001000,
  PET_CUR_HP: 0x00002000,
  PET_MAX_HP: 0x00004000,
  PET_POWER_TYPE: 0x00008000,
  PET_CUR_POWER: 0x00010000,
  PET_MAX_POWER: 0x00020000,
  PET_AURAS: 0x00040000,
  VEHICLE_SEAT: 0x00080000,
} as const;

/** Every bit a 3.3.5a mask may have; others have no known layout and are refused. */
const KNOWN_FLAGS = 0x000fffff;
/** Aura slots a mask can address (`MAX_AURAS_GROUP_UPDATE`). */
const AURA_SLOTS = 64;

/** One visible aura in the party frame. */
export interface PartyAura {
  /** Visible-aura slot, 0..63: the bit of the aura mask. */
  readonly slot: number;
  readonly spellId: number;
  /** Aura flags (AzerothCore writes 1 in the change packet, the real flags in the full one). */
  readonly flags: number;
}

/** The party-frame fields of one member; each is present exactly when its mask bit is set. */
export interface PartyMemberStats {
  readonly guid: bigint;
  /** `GroupMemberStatus` flags. */
  readonly status?: number;
  readonly currentHealth?: number;
  readonly maxHealth?: number;
  readonly powerType?: number;
  readonly currentPower?: number;
  readonly maxPower?: number;
  readonly level?: number;
  readonly zoneId?: number;
  /** Map position, each coordinate as the u16 the server casts it to. */
  readonly position?: { readonly x: number; readonly y: number };
  readonly auras?: readonly PartyAura[];
  readonly petGuid?: bigint;
  readonly petName?: string;
  readonly petModelId?: number;
  readonly petCurrentHealth?: number;
  readonly petMaxHealth?: number;
  readonly petPowerType?: number;
  readonly petCurrentPower?: number;
  readonly petMaxPower?: number;
  readonly petAuras?: readonly PartyAura[];
  /** `VehicleSeat.dbc` id. */
  readonly vehicleSeat?: number;
}

/** SMSG_PARTY_MEMBER_STATS_FULL: the stats with the byte the full packet starts with. */
export interface SmsgPartyMemberStatsFull extends PartyMemberStats {
  /** Meaning unknown ("probably arena/bg related"); AzerothCore writes 0. */
  readonly leadingByte: number;
}

/** The `GroupUpdateFlags` mask the present fields of `stats` call for. */
export function partyMemberStatsMask(stats: PartyMemberStats): number {
  const bits: readonly [unknown, number][] = [
    [stats.status, GroupUpdateFlag.STATUS],
    [stats.currentHealth, GroupUpdateFlag.CUR_HP],
    [stats.maxHealth, GroupUpdateFlag.MAX_HP],
    [stats.powerType, GroupUpdateFlag.POWER_TYPE],
    [stats.currentPower, GroupUpdateFlag.CUR_POWER],
    [stats.maxPower, GroupUpdateFlag.MAX_POWER],
    [stats.level, GroupUpdateFlag.LEVEL],
    [stats.zoneId, GroupUpdateFlag.ZONE],
    [stats.position, GroupUpdateFlag.POSITION],
    [stats.auras, GroupUpdateFlag.AURAS],
    [stats.petGuid, GroupUpdateFlag.PET_GUID],
    [stats.petName, GroupUpdateFlag.PET_NAME],
    [stats.petModelId, GroupUpdateFlag.PET_MODEL_ID],
    [stats.petCurrentHealth, GroupUpdateFlag.PET_CUR_HP],
    [stats.petMaxHealth, GroupUpdateFlag.PET_MAX_HP],
    [stats.petPowerType, GroupUpdateFlag.PET_POWER_TYPE],
    [stats.petCurrentPower, GroupUpdateFlag.PET_CUR_POWER],
    [stats.petMaxPower, GroupUpdateFlag.PET_MAX_POWER],
    [stats.petAuras, GroupUpdateFlag.PET_AURAS],
    [stats.vehicleSeat, GroupUpdateFlag.VEHICLE_SEAT],
  ];
  let mask = 0;
  for (const [value, bit] of bits) if (value !== undefined) mask |= bit;
  return mask >>> 0;
}

function writeAuras(writer: PacketWriter, opcode: number, auras: readonly PartyAura[]): void {
  let mask = 0n;
  let previous = -1;
  for (const aura of auras) {
    if (!Number.isInteger(aura.slot) || aura.slot <= previous || aura.slot >= AURA_SLOTS) {
      failEncode(writer, opcode, `aura slots must be ascending, unique and below ${AURA_SLOTS}; got ${aura.slot}`);
    }
    mask |= 1n << BigInt(aura.slot);
    previous = aura.slot;
  }
  writer.writeU64(mask);
  for (const aura of auras) writer.writeU32(aura.spellId).writeU8(aura.flags);
}

function readAuras(reader: PacketReader): PartyAura[] {
  const mask = reader.readU64();
  const auras: PartyAura[] = [];
  for (let slot = 0; slot < AURA_SLOTS; slot++) {
    if ((mask & (1n << BigInt(slot))) !== 0n) auras.push({ slot, spellId: reader.readU32(), flags: reader.readU8() });
  }
  return auras;
}

/** Writes the packed GUID, the mask and the masked fields of `stats`. */
function writeStats(writer: PacketWriter, opcode: number, stats: PartyMemberStats): void {
  writer.writePackedGuid(stats.guid).writeU32(partyMemberStatsMask(stats));
  if (stats.status !== undefined) writer.writeU16(stats.status);
  if (stats.currentHealth !== undefined) writer.writeU32(stats.currentHealth);
  if (stats.maxHealth !== undefined) writer.writeU32(stats.maxHealth);
  if (stats.powerType !== undefined) writer.writeU8(stats.powerType);
  if (stats.currentPower !== undefined) writer.writeU16(stats.currentPower);
  if (stats.maxPower !== undefined) writer.writeU16(stats.maxPower);
  if (stats.level !== undefined) writer.writeU16(stats.level);
  if (stats.zoneId !== undefined) writer.writeU16(stats.zoneId);
  if (stats.position !== undefined) writer.writeU16(stats.position.x).writeU16(stats.position.y);
  if (stats.auras !== undefined) writeAuras(writer, opcode, stats.auras);
  if (stats.petGuid !== undefined) writer.writeU64(stats.petGuid);
  if (stats.petName !== undefined) writer.writeCString(stats.petName);
  if (stats.petModelId !== undefined) writer.writeU16(stats.petModelId);
  if (stats.petCurrentHealth !== undefined) writer.writeU32(stats.petCurrentHealth);
  if (stats.petMaxHealth !== undefined) writer.writeU32(stats.petMaxHealth);
  if (stats.petPowerType !== undefined) writer.writeU8(stats.petPowerType);
  if (stats.petCurrentPower !== undefined) writer.writeU16(stats.petCurrentPower);
  if (stats.petMaxPower !== undefined) writer.writeU16(stats.petMaxPower);
  if (stats.petAuras !== undefined) writeAuras(writer, opcode, stats.petAuras);
  if (stats.vehicleSeat !== undefined) writer.writeU32(stats.vehicleSeat);
}

/** Reads the packed GUID, the mask and the fields it selects. */
function readStats(reader: PacketReader): PartyMemberStats {
  const guid = reader.readPackedGuid();
  const mask = reader.readU32();
  if ((mask & ~KNOWN_FLAGS) !== 0) decodeError(reader, `update mask 0x${mask.toString(16)} has bits with no known 3.3.5a layout`);
  const has = (bit: number): boolean => (mask & bit) !== 0;
  const stats: { -readonly [K in keyof PartyMemberStats]: PartyMemberStats[K] } = { guid };
  if (has(GroupUpdateFlag.STATUS)) stats.status = reader.readU16();
  if (has(GroupUpdateFlag.CUR_HP)) stats.currentHealth = reader.readU32();
  if (has(GroupUpdateFlag.MAX_HP)) stats.maxHealth = reader.readU32();
  if (has(GroupUpdateFlag.POWER_TYPE)) stats.powerType = reader.readU8();
  if (has(GroupUpdateFlag.CUR_POWER)) stats.currentPower = reader.readU16();
  if (has(GroupUpdateFlag.MAX_POWER)) stats.maxPower = reader.readU16();
  if (has(GroupUpdateFlag.LEVEL)) stats.level = reader.readU16();
  if (has(GroupUpdateFlag.ZONE)) stats.zoneId = reader.readU16();
  if (has(GroupUpdateFlag.POSITION)) stats.position = { x: reader.readU16(), y: reader.readU16() };
  if (has(GroupUpdateFlag.AURAS)) stats.auras = readAuras(reader);
  if (has(GroupUpdateFlag.PET_GUID)) stats.petGuid = reader.readU64();
  if (has(GroupUpdateFlag.PET_NAME)) stats.petName = reader.readCString();
  if (has(GroupUpdateFlag.PET_MODEL_ID)) stats.petModelId = reader.readU16();
  if (has(GroupUpdateFlag.PET_CUR_HP)) stats.petCurrentHealth = reader.readU32();
  if (has(GroupUpdateFlag.PET_MAX_HP)) stats.petMaxHealth = reader.readU32();
  if (has(GroupUpdateFlag.PET_POWER_TYPE)) stats.petPowerType = reader.readU8();
  if (has(GroupUpdateFlag.PET_CUR_POWER)) stats.petCurrentPower = reader.readU16();
  if (has(GroupUpdateFlag.PET_MAX_POWER)) stats.petMaxPower = reader.readU16();
  if (has(GroupUpdateFlag.PET_AURAS)) stats.petAuras = readAuras(reader);
  if (has(GroupUpdateFlag.VEHICLE_SEAT)) stats.vehicleSeat = reader.readU32();
  return stats;
}

/** SMSG_PARTY_MEMBER_STATS: `packed guid | u32 mask | masked fields`. */
export const smsgPartyMemberStatsCodec: MessageCodec<PartyMemberStats> = defineMessageCodec({
  opcode: Opcode.SMSG_PARTY_MEMBER_STATS,
  write(writer, message) {
    writeStats(writer, Opcode.SMSG_PARTY_MEMBER_STATS, message);
  },
  read: readStats,
});

/**
 * SMSG_PARTY_MEMBER_STATS_FULL: `u8 | packed guid | u32 mask | masked fields`. wowm has no leading
 * byte; AzerothCore writes one in every form (also the offline answer), so it is read here.
 */
export const smsgPartyMemberStatsFullCodec: MessageCodec<SmsgPartyMemberStatsFull> = defineMessageCodec({
  opcode: Opcode.SMSG_PARTY_MEMBER_STATS_FULL,
  write(writer, message) {
    writer.writeU8(message.leadingByte);
    writeStats(writer, Opcode.SMSG_PARTY_MEMBER_STATS_FULL, message);
  },
  read(reader) {
    const leadingByte = reader.readU8();
    return { leadingByte, ...readStats(reader) };
  },
});

/** CMSG_REQUEST_PARTY_MEMBER_STATS: asks for one member's full stats. */
export interface CmsgRequestPartyMemberStats {
  readonly guid: bigint;
}

/** CMSG_REQUEST_PARTY_MEMBER_STATS: `u64 guid`. */
export const cmsgRequestPartyMemberStatsCodec: MessageCodec<CmsgRequestPartyMemberStats> = defineMessageCodec({
  opcode: Opcode.CMSG_REQUEST_PARTY_MEMBER_STATS,
  write(writer, message) {
    writer.writeU64(message.guid);
  },
  read(reader) {
    return { guid: reader.readU64() };
  },
});

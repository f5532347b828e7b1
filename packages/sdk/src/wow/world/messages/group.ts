import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";
import { readList } from "./wire-helpers.js";

/*
 * Party invitations, leaving, leadership and loot settings (3.3.5a). Layouts follow AzerothCore's
 * `GroupHandler.cpp` (`SendPartyResult`, `HandleGroup*Opcode`) and `Group.cpp`; gtker/wow_messages
 * `social/*.wowm` agrees except where noted.
 */

/** Longest character name the client sends (AzerothCore: "max len 48"). */
const MAX_NAME_LENGTH = 48;

/** `PartyOperation` of SMSG_PARTY_COMMAND_RESULT (AzerothCore `SharedDefines.h`). */
export const PartyOperation = {
  INVITE: 0,
  UNINVITE: 1,
  LEAVE: 2,
  SWAP: 4,
} as const;

/** `LootMethod` of CMSG_LOOT_METHOD and SMSG_GROUP_LIST. */
export const LootMethod = {
  FREE_FOR_ALL: 0,
  ROUND_ROBIN: 1,
  MASTER_LOOT: 2,
  GROUP_LOOT: 3,
  NEED_BEFORE_GREED: 4,
} as const;

/** CMSG_GROUP_INVITE: invite a player by name. */
export interface CmsgGroupInvite {
  readonly name: string;
}

/**
 * CMSG_GROUP_INVITE: `name\0 | u32`. The trailing u32 is skipped by AzerothCore
 * (`read_skip<uint32>`); it is written as 0 and not exposed.
 */
export const cmsgGroupInviteCodec: MessageCodec<CmsgGroupInvite> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_INVITE,
  write(writer, message) {
    writer.writeCString(message.name).writeU32(0);
  },
  read(reader) {
    const name = reader.readCString({ maxLength: MAX_NAME_LENGTH });
    reader.readU32();
    return { name };
  },
});

/** SMSG_GROUP_INVITE: tells a player who invited them. */
export interface SmsgGroupInvite {
  /** `true` (1) for a real invitation, `false` (0) when the target already is in a group. */
  readonly invited: boolean;
  readonly inviterName: string;
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown1: number;
  /** A counted list of u32 whose meaning is unknown; AzerothCore writes an empty list. */
  readonly unknownValues: readonly number[];
  /** Meaning unknown; AzerothCore writes 0. */
  readonly unknown2: number;
}

/**
 * SMSG_GROUP_INVITE: `u8 invited | inviter\0 | u32 | u8 n | n × u32 | u32` (AzerothCore
 * `HandleGroupInviteOpcode`; TrinityCore comments the u32 list). wowm marks the tail optional;
 * AzerothCore always writes it, so it is required here.
 */
export const smsgGroupInviteCodec: MessageCodec<SmsgGroupInvite> = defineMessageCodec({
  opcode: Opcode.SMSG_GROUP_INVITE,
  write(writer, message) {
    writer.writeU8(message.invited ? 1 : 0).writeCString(message.inviterName).writeU32(message.unknown1);
    writer.writeU8(message.unknownValues.length);
    for (const value of message.unknownValues) writer.writeU32(value);
    writer.writeU32(message.unknown2);
  },
  read(reader) {
    const invited = reader.readU8() !== 0;
    const inviterName = reader.readCString({ maxLength: MAX_NAME_LENGTH });
    const unknown1 = reader.readU32();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 4 });
    const unknownValues = readList(reader, count, (r) => r.readU32());
    const unknown2 = reader.readU32();
    return { invited, inviterName, unknown1, unknownValues, unknown2 };
  },
});

/**
 * CMSG_GROUP_ACCEPT: AzerothCore reads (and skips) a u32, so the encoder writes `u32 0`; wowm
 * says the body is empty, so the decoder also accepts an empty body (see the README).
 */
export const cmsgGroupAcceptCodec: MessageCodec<EmptyMessage> = defineMessageCodec<EmptyMessage>({
  opcode: Opcode.CMSG_GROUP_ACCEPT,
  write(writer) {
    writer.writeU32(0);
  },
  read(reader) {
    if (reader.remaining > 0) reader.readU32();
    return {};
  },
});

/** CMSG_GROUP_DECLINE: empty. */
export const cmsgGroupDeclineCodec = emptyMessageCodec(Opcode.CMSG_GROUP_DECLINE);

/** A message that carries one player name. */
export interface PlayerNameMessage {
  readonly name: string;
}

function nameCodec(opcode: number): MessageCodec<PlayerNameMessage> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeCString(message.name);
    },
    read(reader) {
      return { name: reader.readCString({ maxLength: MAX_NAME_LENGTH }) };
    },
  });
}

/** SMSG_GROUP_DECLINE: `name\0` of the player who declined. */
export const smsgGroupDeclineCodec = nameCodec(Opcode.SMSG_GROUP_DECLINE);

/** CMSG_GROUP_UNINVITE: `name\0` of the member to remove. */
export const cmsgGroupUninviteCodec = nameCodec(Opcode.CMSG_GROUP_UNINVITE);

/** SMSG_GROUP_SET_LEADER: `name\0` of the new leader. */
export const smsgGroupSetLeaderCodec = nameCodec(Opcode.SMSG_GROUP_SET_LEADER);

/** CMSG_GROUP_UNINVITE_GUID: remove a member by GUID, with a reason (used by LFG vote kicks). */
export interface CmsgGroupUninviteGuid {
  readonly guid: bigint;
  readonly reason: string;
}

/** CMSG_GROUP_UNINVITE_GUID: `u64 guid | reason\0`. */
export const cmsgGroupUninviteGuidCodec: MessageCodec<CmsgGroupUninviteGuid> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_UNINVITE_GUID,
  write(writer, message) {
    writer.writeU64(message.guid).writeCString(message.reason);
  },
  read(reader) {
    return { guid: reader.readU64(), reason: reader.readCString() };
  },
});

/** SMSG_GROUP_UNINVITE: empty; the receiver was removed from the group. */
export const smsgGroupUninviteCodec = emptyMessageCodec(Opcode.SMSG_GROUP_UNINVITE);

/** CMSG_GROUP_SET_LEADER: the new leader's GUID. */
export interface CmsgGroupSetLeader {
  readonly guid: bigint;
}

/** CMSG_GROUP_SET_LEADER: `u64 guid`. */
export const cmsgGroupSetLeaderCodec: MessageCodec<CmsgGroupSetLeader> = defineMessageCodec({
  opcode: Opcode.CMSG_GROUP_SET_LEADER,
  write(writer, message) {
    writer.writeU64(message.guid);
  },
  read(reader) {
    return { guid: reader.readU64() };
  },
});

/** CMSG_GROUP_DISBAND: empty; the sender leaves the group. */
export const cmsgGroupDisbandCodec = emptyMessageCodec(Opcode.CMSG_GROUP_DISBAND);

/** SMSG_GROUP_DESTROYED: empty. */
export const smsgGroupDestroyedCodec = emptyMessageCodec(Opcode.SMSG_GROUP_DESTROYED);

/** CMSG_LOOT_METHOD: the leader changes the loot rules. */
export interface CmsgLootMethod {
  /** A {@link LootMethod} value. */
  readonly lootMethod: number;
  /** The master looter (0 unless the method is master loot). */
  readonly masterLooterGuid: bigint;
  /** Item quality threshold (2 = uncommon … 6 = artifact). */
  readonly lootThreshold: number;
}

/** CMSG_LOOT_METHOD: `u32 method | u64 master_looter | u32 threshold`. */
export const cmsgLootMethodCodec: MessageCodec<CmsgLootMethod> = defineMessageCodec({
  opcode: Opcode.CMSG_LOOT_METHOD,
  write(writer, message) {
    writer.writeU32(message.lootMethod).writeU64(message.masterLooterGuid).writeU32(message.lootThreshold);
  },
  read(reader) {
    return { lootMethod: reader.readU32(), masterLooterGuid: reader.readU64(), lootThreshold: reader.readU32() };
  },
});

/** SMSG_PARTY_COMMAND_RESULT: the outcome of a party command. */
export interface SmsgPartyCommandResult {
  /** A {@link PartyOperation} value. */
  readonly operation: number;
  readonly memberName: string;
  /** `PartyResult` (0 = ok, 1 = bad player name, 2 = target not in group, …). */
  readonly result: number;
  /** LFG cooldown in seconds for the LFG boot results, else 0. */
  readonly value: number;
}

/**
 * SMSG_PARTY_COMMAND_RESULT: `u32 operation | member\0 | u32 result | u32 value`. wowm stops after
 * `result`; AzerothCore `SendPartyResult` writes the trailing u32, so it is required here.
 */
export const smsgPartyCommandResultCodec: MessageCodec<SmsgPartyCommandResult> = defineMessageCodec({
  opcode: Opcode.SMSG_PARTY_COMMAND_RESULT,
  write(writer, message) {
    writer.writeU32(message.operation).writeCString(message.memberName).writeU32(message.result).writeU32(message.value);
  },
  read(reader) {
    const operation = reader.readU32();
    const memberName = reader.readCString();
    return { operation, memberName, result: reader.readU32(), value: reader.readU32() };
  },
});

import type { PacketReader } from "../../codec/packet-reader.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * The dungeon finder (3.3.5a): client requests, role checks and group proposals, as AzerothCore
 * `LFGHandler.cpp` reads and writes them. Queue / lock / reward messages are in `lfg-status.ts`.
 * Dungeon entries on the wire carry the dungeon type in their top byte (`id | type << 24`).
 */

/** LFG role bit flags. */
export const LfgRole = {
  LEADER: 0x01,
  TANK: 0x02,
  HEALER: 0x04,
  DAMAGE: 0x08,
} as const;

/** CMSG_LFG_JOIN: queue for dungeons. */
export interface CmsgLfgJoin {
  /** {@link LfgRole} flags. */
  readonly roles: number;
  readonly noPartialClear: boolean;
  readonly achievements: boolean;
  /** Dungeon entries (`id | type << 24`). */
  readonly dungeons: readonly number[];
  /** Per-slot "need" bytes; the client sends three zeros. */
  readonly needs: readonly number[];
  readonly comment: string;
}

/**
 * CMSG_LFG_JOIN: `u32 roles | u8 no_partial_clear | u8 achievements | u8 n | n × u32 dungeon |
 * u8 m | m × u8 need | comment\0` (wowm). AzerothCore skips the two flags as one u16 and the needs
 * as one u32 ("for 0..uint8 (always 3) { uint8 (always 0) }"), which is the same bytes when m = 3.
 */
export const cmsgLfgJoinCodec: MessageCodec<CmsgLfgJoin> = defineMessageCodec({
  opcode: Opcode.CMSG_LFG_JOIN,
  write(writer, message) {
    writer.writeU32(message.roles);
    writeBool(writer, message.noPartialClear);
    writeBool(writer, message.achievements);
    writer.writeU8(message.dungeons.length);
    for (const dungeon of message.dungeons) writer.writeU32(dungeon);
    writer.writeU8(message.needs.length);
    for (const need of message.needs) writer.writeU8(need);
    writer.writeCString(message.comment);
  },
  read(reader) {
    const roles = reader.readU32();
    const noPartialClear = readBool(reader);
    const achievements = readBool(reader);
    const dungeonCount = reader.readCount(0xff, { width: "u8", minElementSize: 4 });
    const dungeons = readList(reader, dungeonCount, (r) => r.readU32());
    const needCount = reader.readCount(0xff, { width: "u8", minElementSize: 1 });
    const needs = readList(reader, needCount, (r) => r.readU8());
    return { roles, noPartialClear, achievements, dungeons, needs, comment: reader.readCString() };
  },
});

/** CMSG_LFG_LEAVE: empty. */
export const cmsgLfgLeaveCodec = emptyMessageCodec(Opcode.CMSG_LFG_LEAVE);
/** CMSG_LFD_PLAYER_LOCK_INFO_REQUEST: empty; answered with SMSG_LFG_PLAYER_INFO. */
export const cmsgLfdPlayerLockInfoRequestCodec = emptyMessageCodec(Opcode.CMSG_LFD_PLAYER_LOCK_INFO_REQUEST);
/** CMSG_LFD_PARTY_LOCK_INFO_REQUEST: empty; answered with SMSG_LFG_PARTY_INFO. */
export const cmsgLfdPartyLockInfoRequestCodec = emptyMessageCodec(Opcode.CMSG_LFD_PARTY_LOCK_INFO_REQUEST);
/** CMSG_LFG_GET_STATUS: empty; answered with SMSG_LFG_UPDATE_PLAYER / _PARTY. */
export const cmsgLfgGetStatusCodec = emptyMessageCodec(Opcode.CMSG_LFG_GET_STATUS);

/** CMSG_LFG_SET_ROLES: the player's roles during a role check. */
export interface CmsgLfgSetRoles {
  readonly roles: number;
}

/** CMSG_LFG_SET_ROLES: `u8 roles`. */
export const cmsgLfgSetRolesCodec: MessageCodec<CmsgLfgSetRoles> = defineMessageCodec({
  opcode: Opcode.CMSG_LFG_SET_ROLES,
  write(writer, message) {
    writer.writeU8(message.roles);
  },
  read(reader) {
    return { roles: reader.readU8() };
  },
});

/** CMSG_LFG_PROPOSAL_RESULT: accept or decline a group proposal. */
export interface CmsgLfgProposalResult {
  readonly proposalId: number;
  readonly accept: boolean;
}

/** CMSG_LFG_PROPOSAL_RESULT: `u32 proposal | u8 accept`. */
export const cmsgLfgProposalResultCodec: MessageCodec<CmsgLfgProposalResult> = defineMessageCodec({
  opcode: Opcode.CMSG_LFG_PROPOSAL_RESULT,
  write(writer, message) {
    writer.writeU32(message.proposalId);
    writeBool(writer, message.accept);
  },
  read(reader) {
    return { proposalId: reader.readU32(), accept: readBool(reader) };
  },
});

/** CMSG_LFG_TELEPORT: into (`out: false`) or out of the dungeon. */
export interface CmsgLfgTeleport {
  readonly out: boolean;
}

/** CMSG_LFG_TELEPORT: `u8 out`. */
export const cmsgLfgTeleportCodec: MessageCodec<CmsgLfgTeleport> = defineMessageCodec({
  opcode: Opcode.CMSG_LFG_TELEPORT,
  write(writer, message) {
    writeBool(writer, message.out);
  },
  read(reader) {
    return { out: readBool(reader) };
  },
});

/** SMSG_LFG_ROLE_CHOSEN: a group member picked roles. */
export interface SmsgLfgRoleChosen {
  readonly guid: bigint;
  readonly ready: boolean;
  readonly roles: number;
}

/** SMSG_LFG_ROLE_CHOSEN: `u64 guid | u8 ready | u32 roles`. */
export const smsgLfgRoleChosenCodec: MessageCodec<SmsgLfgRoleChosen> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_ROLE_CHOSEN,
  write(writer, message) {
    writer.writeU64(message.guid);
    writeBool(writer, message.ready);
    writer.writeU32(message.roles);
  },
  read(reader) {
    return { guid: reader.readU64(), ready: readBool(reader), roles: reader.readU32() };
  },
});

/** One member of a role check (the leader comes first). */
export interface LfgRoleCheckMember {
  readonly guid: bigint;
  readonly ready: boolean;
  readonly roles: number;
  readonly level: number;
}

/** SMSG_LFG_ROLE_CHECK_UPDATE: the state of a group's role check. */
export interface SmsgLfgRoleCheckUpdate {
  /** `LfgRoleCheckState` (1 finished, 2 initialising, 3 missing role, 4 wrong roles, 5 aborted, 6 no role). */
  readonly state: number;
  readonly initializing: boolean;
  readonly dungeons: readonly number[];
  readonly members: readonly LfgRoleCheckMember[];
}

function readRoleCheckMember(reader: PacketReader): LfgRoleCheckMember {
  return { guid: reader.readU64(), ready: readBool(reader), roles: reader.readU32(), level: reader.readU8() };
}

/**
 * SMSG_LFG_ROLE_CHECK_UPDATE: `u32 state | u8 initialising | u8 n | n × u32 dungeon | u8 m |
 * m × (u64 guid, u8 ready, u32 roles, u8 level)`.
 */
export const smsgLfgRoleCheckUpdateCodec: MessageCodec<SmsgLfgRoleCheckUpdate> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_ROLE_CHECK_UPDATE,
  write(writer, message) {
    writer.writeU32(message.state);
    writeBool(writer, message.initializing);
    writer.writeU8(message.dungeons.length);
    for (const dungeon of message.dungeons) writer.writeU32(dungeon);
    writer.writeU8(message.members.length);
    for (const member of message.members) {
      writer.writeU64(member.guid);
      writeBool(writer, member.ready);
      writer.writeU32(member.roles).writeU8(member.level);
    }
  },
  read(reader) {
    const state = reader.readU32();
    const initializing = readBool(reader);
    const dungeonCount = reader.readCount(0xff, { width: "u8", minElementSize: 4 });
    const dungeons = readList(reader, dungeonCount, (r) => r.readU32());
    const memberCount = reader.readCount(0xff, { width: "u8", minElementSize: 14 });
    return { state, initializing, dungeons, members: readList(reader, memberCount, readRoleCheckMember) };
  },
});

/** One player of a proposal, as the receiver sees them. */
export interface LfgProposalPlayer {
  readonly roles: number;
  readonly isSelf: boolean;
  /** Already in the dungeon group. */
  readonly inDungeon: boolean;
  /** In the same (pre-made) group as the receiver. */
  readonly sameGroup: boolean;
  readonly answered: boolean;
  readonly accepted: boolean;
}

/** SMSG_LFG_PROPOSAL_UPDATE: a group was found (or its proposal changed). */
export interface SmsgLfgProposalUpdate {
  readonly dungeonEntry: number;
  /** `LfgProposalState` (0 initiating, 1 failed, 2 success). */
  readonly state: number;
  readonly proposalId: number;
  /** Bosses already killed (bit mask). */
  readonly encountersMask: number;
  /** `true` to update without showing the proposal window. */
  readonly silent: boolean;
  readonly players: readonly LfgProposalPlayer[];
}

function readProposalPlayer(reader: PacketReader): LfgProposalPlayer {
  return {
    roles: reader.readU32(),
    isSelf: readBool(reader),
    inDungeon: readBool(reader),
    sameGroup: readBool(reader),
    answered: readBool(reader),
    accepted: readBool(reader),
  };
}

/**
 * SMSG_LFG_PROPOSAL_UPDATE: `u32 dungeon | u8 state | u32 proposal | u32 encounters | u8 silent |
 * u8 n | n × (u32 roles, u8 self, u8 in_dungeon, u8 same_group, u8 answered, u8 accepted)`.
 */
export const smsgLfgProposalUpdateCodec: MessageCodec<SmsgLfgProposalUpdate> = defineMessageCodec({
  opcode: Opcode.SMSG_LFG_PROPOSAL_UPDATE,
  write(writer, message) {
    writer.writeU32(message.dungeonEntry).writeU8(message.state).writeU32(message.proposalId).writeU32(message.encountersMask);
    writeBool(writer, message.silent);
    writer.writeU8(message.players.length);
    for (const player of message.players) {
      writer.writeU32(player.roles);
      for (const flag of [player.isSelf, player.inDungeon, player.sameGroup, player.answered, player.accepted]) writeBool(writer, flag);
    }
  },
  read(reader) {
    const dungeonEntry = reader.readU32();
    const state = reader.readU8();
    const proposalId = reader.readU32();
    const encountersMask = reader.readU32();
    const silent = readBool(reader);
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 9 });
    return { dungeonEntry, state, proposalId, encountersMask, silent, players: readList(reader, count, readProposalPlayer) };
  },
});

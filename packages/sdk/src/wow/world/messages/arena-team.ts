import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readBool, readList, writeBool } from "./wire-helpers.js";

/*
 * Arena teams (3.3.5a), as AzerothCore `ArenaTeamHandler.cpp` reads them and `ArenaTeam.cpp`
 * (`Query`, `Roster`, `BroadcastEvent`) and `SendArenaTeamCommandResult` write them. wowm reads the
 * team type as u8 and has no captain field in the roster; AzerothCore writes a u32 for both, and wins.
 */

/** A request that names one arena team. */
export interface ArenaTeamRequest {
  readonly teamId: number;
}

/** A request that names an arena team and a player. */
export interface ArenaTeamPlayerRequest {
  readonly teamId: number;
  readonly playerName: string;
}

function teamCodec(opcode: number): MessageCodec<ArenaTeamRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU32(message.teamId);
    },
    read(reader) {
      return { teamId: reader.readU32() };
    },
  });
}

function teamPlayerCodec(opcode: number): MessageCodec<ArenaTeamPlayerRequest> {
  return defineMessageCodec({
    opcode,
    write(writer, message) {
      writer.writeU32(message.teamId).writeCString(message.playerName);
    },
    read(reader) {
      return { teamId: reader.readU32(), playerName: reader.readCString() };
    },
  });
}

/** CMSG_ARENA_TEAM_QUERY: `u32 team`. */
export const cmsgArenaTeamQueryCodec = teamCodec(Opcode.CMSG_ARENA_TEAM_QUERY);
/** CMSG_ARENA_TEAM_ROSTER: `u32 team`. */
export const cmsgArenaTeamRosterCodec = teamCodec(Opcode.CMSG_ARENA_TEAM_ROSTER);
/** CMSG_ARENA_TEAM_LEAVE: `u32 team`. */
export const cmsgArenaTeamLeaveCodec = teamCodec(Opcode.CMSG_ARENA_TEAM_LEAVE);
/** CMSG_ARENA_TEAM_DISBAND: `u32 team`. */
export const cmsgArenaTeamDisbandCodec = teamCodec(Opcode.CMSG_ARENA_TEAM_DISBAND);
/** CMSG_ARENA_TEAM_INVITE: `u32 team | name\0`. */
export const cmsgArenaTeamInviteCodec = teamPlayerCodec(Opcode.CMSG_ARENA_TEAM_INVITE);
/** CMSG_ARENA_TEAM_REMOVE: `u32 team | name\0`. */
export const cmsgArenaTeamRemoveCodec = teamPlayerCodec(Opcode.CMSG_ARENA_TEAM_REMOVE);
/** CMSG_ARENA_TEAM_LEADER: `u32 team | name\0` of the new captain. */
export const cmsgArenaTeamLeaderCodec = teamPlayerCodec(Opcode.CMSG_ARENA_TEAM_LEADER);
/** CMSG_ARENA_TEAM_ACCEPT: empty. */
export const cmsgArenaTeamAcceptCodec = emptyMessageCodec(Opcode.CMSG_ARENA_TEAM_ACCEPT);
/** CMSG_ARENA_TEAM_DECLINE: empty. */
export const cmsgArenaTeamDeclineCodec = emptyMessageCodec(Opcode.CMSG_ARENA_TEAM_DECLINE);

/** SMSG_ARENA_TEAM_QUERY_RESPONSE: a team's name, type and emblem. */
export interface SmsgArenaTeamQueryResponse {
  readonly teamId: number;
  readonly name: string;
  /** 2, 3 or 5. */
  readonly teamType: number;
  readonly backgroundColor: number;
  readonly emblemStyle: number;
  readonly emblemColor: number;
  readonly borderStyle: number;
  readonly borderColor: number;
}

/** SMSG_ARENA_TEAM_QUERY_RESPONSE: `u32 team | name\0 | u32 type | u32 bg | u32 style | u32 color | u32 border | u32 border_color`. */
export const smsgArenaTeamQueryResponseCodec: MessageCodec<SmsgArenaTeamQueryResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_ARENA_TEAM_QUERY_RESPONSE,
  write(writer, message) {
    writer.writeU32(message.teamId).writeCString(message.name).writeU32(message.teamType).writeU32(message.backgroundColor);
    writer.writeU32(message.emblemStyle).writeU32(message.emblemColor).writeU32(message.borderStyle).writeU32(message.borderColor);
  },
  read(reader) {
    return {
      teamId: reader.readU32(),
      name: reader.readCString(),
      teamType: reader.readU32(),
      backgroundColor: reader.readU32(),
      emblemStyle: reader.readU32(),
      emblemColor: reader.readU32(),
      borderStyle: reader.readU32(),
      borderColor: reader.readU32(),
    };
  },
});

/** One arena team member. */
export interface ArenaTeamRosterMember {
  readonly guid: bigint;
  readonly online: boolean;
  readonly name: string;
  /** 0 captain, 1 member. */
  readonly rank: number;
  /** 0 while offline (AzerothCore). */
  readonly level: number;
  readonly classId: number;
  readonly weekGames: number;
  readonly weekWins: number;
  readonly seasonGames: number;
  readonly seasonWins: number;
  readonly personalRating: number;
  /** Two floats of unknown meaning; present exactly when the roster's `hasExtraFields` is set. */
  readonly extra?: readonly [number, number];
}

/** SMSG_ARENA_TEAM_ROSTER: a team's members. */
export interface SmsgArenaTeamRoster {
  readonly teamId: number;
  /** AzerothCore's "unk308": when set, every member ends with two floats. AzerothCore writes 0. */
  readonly hasExtraFields: boolean;
  readonly teamType: number;
  readonly members: readonly ArenaTeamRosterMember[];
}

function writeMember(writer: PacketWriter, member: ArenaTeamRosterMember, hasExtraFields: boolean): void {
  if (hasExtraFields !== (member.extra !== undefined)) {
    failEncode(writer, Opcode.SMSG_ARENA_TEAM_ROSTER, `member ${member.name}: extra must be given exactly when hasExtraFields is set`);
  }
  writer.writeU64(member.guid);
  writeBool(writer, member.online);
  writer.writeCString(member.name).writeU32(member.rank).writeU8(member.level).writeU8(member.classId);
  writer.writeU32(member.weekGames).writeU32(member.weekWins).writeU32(member.seasonGames).writeU32(member.seasonWins);
  writer.writeU32(member.personalRating);
  if (member.extra !== undefined) writer.writeF32(member.extra[0]).writeF32(member.extra[1]);
}

function readMember(reader: PacketReader, hasExtraFields: boolean): ArenaTeamRosterMember {
  const member = {
    guid: reader.readU64(),
    online: readBool(reader),
    name: reader.readCString(),
    rank: reader.readU32(),
    level: reader.readU8(),
    classId: reader.readU8(),
    weekGames: reader.readU32(),
    weekWins: reader.readU32(),
    seasonGames: reader.readU32(),
    seasonWins: reader.readU32(),
    personalRating: reader.readU32(),
  };
  return hasExtraFields ? { ...member, extra: [reader.readF32(), reader.readF32()] } : member;
}

/**
 * SMSG_ARENA_TEAM_ROSTER: `u32 team | u8 extra | u32 n | u32 type | n × (u64 guid | u8 online |
 * name\0 | u32 rank | u8 level | u8 class | u32 week_games | u32 week_wins | u32 season_games |
 * u32 season_wins | u32 rating | (f32, f32 if extra))`.
 */
export const smsgArenaTeamRosterCodec: MessageCodec<SmsgArenaTeamRoster> = defineMessageCodec({
  opcode: Opcode.SMSG_ARENA_TEAM_ROSTER,
  write(writer, message) {
    writer.writeU32(message.teamId);
    writeBool(writer, message.hasExtraFields);
    writer.writeU32(message.members.length).writeU32(message.teamType);
    for (const member of message.members) writeMember(writer, member, message.hasExtraFields);
  },
  read(reader) {
    const teamId = reader.readU32();
    const hasExtraFields = readBool(reader);
    const count = reader.readCount(0xff, { minElementSize: 36 });
    const teamType = reader.readU32();
    const members = readList(reader, count, (r) => readMember(r, hasExtraFields));
    return { teamId, hasExtraFields, teamType, members };
  },
});

/** `ArenaTeamEvents` (AzerothCore `ArenaTeam.h`). */
export const ArenaTeamEventType = {
  JOIN: 3,
  LEAVE: 4,
  REMOVE: 5,
  LEADER_IS: 6,
  LEADER_CHANGED: 7,
  DISBANDED: 8,
} as const;

/** SMSG_ARENA_TEAM_EVENT: something happened in the team. */
export interface SmsgArenaTeamEvent {
  /** An {@link ArenaTeamEventType} value. */
  readonly eventType: number;
  /** Names (player, team, …), at most 255. */
  readonly params: readonly string[];
  /** The player concerned, when the server has one to send (join and leave). */
  readonly guid?: bigint;
}

/**
 * SMSG_ARENA_TEAM_EVENT: `u8 event | u8 n | n × param\0 | (u64 guid)`. AzerothCore appends the
 * GUID whenever it is non-zero, so the decoder reads it when eight bytes follow the strings.
 * wowm's per-event layout does not match AzerothCore, which wins.
 */
export const smsgArenaTeamEventCodec: MessageCodec<SmsgArenaTeamEvent> = defineMessageCodec({
  opcode: Opcode.SMSG_ARENA_TEAM_EVENT,
  write(writer, message) {
    writer.writeU8(message.eventType).writeU8(message.params.length);
    for (const param of message.params) writer.writeCString(param);
    if (message.guid !== undefined) writer.writeU64(message.guid);
  },
  read(reader) {
    const eventType = reader.readU8();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 1 });
    const params = readList(reader, count, (r) => r.readCString());
    return reader.remaining === 0 ? { eventType, params } : { eventType, params, guid: reader.readU64() };
  },
});

/** SMSG_ARENA_TEAM_COMMAND_RESULT: the outcome of a team command. */
export interface SmsgArenaTeamCommandResult {
  /** `ArenaTeamCommandTypes` (0 create, 1 invite, 3 quit, 14 founder). */
  readonly command: number;
  readonly teamName: string;
  readonly playerName: string;
  /** `ArenaTeamCommandErrors` (0 = success). */
  readonly error: number;
}

/** SMSG_ARENA_TEAM_COMMAND_RESULT: `u32 command | team\0 | player\0 | u32 error`. */
export const smsgArenaTeamCommandResultCodec: MessageCodec<SmsgArenaTeamCommandResult> = defineMessageCodec({
  opcode: Opcode.SMSG_ARENA_TEAM_COMMAND_RESULT,
  write(writer, message) {
    writer.writeU32(message.command).writeCString(message.teamName).writeCString(message.playerName).writeU32(message.error);
  },
  read(reader) {
    return { command: reader.readU32(), teamName: reader.readCString(), playerName: reader.readCString(), error: reader.readU32() };
  },
});

/** SMSG_ARENA_TEAM_INVITE: who invites the receiver, and to which team. */
export interface SmsgArenaTeamInvite {
  readonly inviterName: string;
  readonly teamName: string;
}

/** SMSG_ARENA_TEAM_INVITE: `inviter\0 | team\0`. */
export const smsgArenaTeamInviteCodec: MessageCodec<SmsgArenaTeamInvite> = defineMessageCodec({
  opcode: Opcode.SMSG_ARENA_TEAM_INVITE,
  write(writer, message) {
    writer.writeCString(message.inviterName).writeCString(message.teamName);
  },
  read(reader) {
    return { inviterName: reader.readCString(), teamName: reader.readCString() };
  },
});

// Battleground and arena team messages: byte vectors written out by hand from AzerothCore's
// BattleGroundHandler.cpp, BattlegroundMgr::BuildBattlegroundListPacket /
// BuildBattlegroundStatusPacket, ArenaTeamHandler.cpp and ArenaTeam.cpp (Query, Roster, BroadcastEvent).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgBattlefieldListCodec,
  cmsgBattlefieldPortCodec,
  cmsgBattlemasterJoinArenaCodec,
  cmsgBattlemasterJoinCodec,
  smsgBattlefieldListCodec,
} from "../../../src/wow/world/messages/battlefield.js";
import { smsgBattlefieldStatusCodec, type BattlefieldStatusHeader } from "../../../src/wow/world/messages/battlefield-status.js";
import {
  cmsgArenaTeamAcceptCodec,
  cmsgArenaTeamDeclineCodec,
  cmsgArenaTeamDisbandCodec,
  cmsgArenaTeamInviteCodec,
  cmsgArenaTeamLeaderCodec,
  cmsgArenaTeamLeaveCodec,
  cmsgArenaTeamQueryCodec,
  cmsgArenaTeamRemoveCodec,
  cmsgArenaTeamRosterCodec,
  smsgArenaTeamCommandResultCodec,
  smsgArenaTeamEventCodec,
  smsgArenaTeamInviteCodec,
  smsgArenaTeamQueryResponseCodec,
  smsgArenaTeamRosterCodec,
} from "../../../src/wow/world/messages/arena-team.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const BATTLEMASTER = 0xf130000000003a11n;
const JAINA = 0x2an;

describe("battleground queues", () => {
  test("CMSG_BATTLEFIELD_LIST, CMSG_BATTLEMASTER_JOIN(_ARENA), CMSG_BATTLEFIELD_PORT", () => {
    assertVector(cmsgBattlefieldListCodec, hex(u32(2) + "01 01"), { bgTypeId: 2, fromWhere: 1, canGainXp: true });
    const join = hex(u64(BATTLEMASTER) + u32(2) + u32(0) + "01");
    assertVector(cmsgBattlemasterJoinCodec, join, { battlemaster: BATTLEMASTER, bgTypeId: 2, instanceId: 0, joinAsGroup: true });
    const arena = hex(u64(BATTLEMASTER) + "01 01 01");
    assertVector(cmsgBattlemasterJoinArenaCodec, arena, { battlemaster: BATTLEMASTER, arenaSlot: 1, asGroup: true, rated: true });
    const port = hex("00 00" + u32(2) + "901f" + "01");
    assertVector(cmsgBattlefieldPortCodec, port, { arenaType: 0, unknown1: 0, bgTypeId: 2, unknown2: 0x1f90, enter: true });
    assertFuzzSafe(cmsgBattlefieldListCodec, hex(u32(2) + "01 01"));
    assertFuzzSafe(cmsgBattlemasterJoinCodec, join);
    assertFuzzSafe(cmsgBattlemasterJoinArenaCodec, arena);
    assertFuzzSafe(cmsgBattlefieldPortCodec, port);
  });

  test("SMSG_BATTLEFIELD_LIST: from_where, rewards, random rewards only for the random battleground", () => {
    const warsong = hex(u64(BATTLEMASTER) + "00" + u32(2) + "00 00" + "00" + u32(150) + u32(25) + u32(50) + "00" + u32(2) + u32(3) + u32(7));
    assertVector(smsgBattlefieldListCodec, warsong, {
      battlemaster: BATTLEMASTER,
      fromWhere: 0,
      bgTypeId: 2,
      unknown1: 0,
      unknown2: 0,
      rewards: { hasWon: false, winHonor: 150, winArenaPoints: 25, lossHonor: 50 },
      instanceIds: [3, 7],
    });
    const random = hex(u64(0n) + "01" + u32(32) + "00 00" + "01" + u32(45) + u32(0) + u32(15) + "01" + "01" + u32(45) + u32(0) + u32(15) + u32(0));
    const decoded = smsgBattlefieldListCodec.decode(random);
    assert.deepEqual(decoded.randomRewards, { hasWon: true, winHonor: 45, winArenaPoints: 0, lossHonor: 15 });
    assertVector(smsgBattlefieldListCodec, random, decoded);
    assertFuzzSafe(smsgBattlefieldListCodec, warsong);
  });

  const header: BattlefieldStatusHeader = {
    queueSlot: 0,
    arenaType: 0,
    arenaFlag: 0,
    bgTypeId: 2,
    unknown: 0x1f90,
    minLevel: 80,
    maxLevel: 80,
    clientInstanceId: 7,
    rated: false,
  };
  const headerHex = u32(0) + "00 00" + u32(2) + "901f" + "50 50" + u32(7) + "00";

  test("SMSG_BATTLEFIELD_STATUS: cleared, queued, invited, in progress and waiting to leave", () => {
    assertVector(smsgBattlefieldStatusCodec, hex(u32(1) + u64(0n)), { status: 0, queueSlot: 1 });
    assertVector(smsgBattlefieldStatusCodec, hex(headerHex + u32(1) + u32(90000) + u32(60000)), {
      ...header,
      status: 1,
      averageWaitMs: 90000,
      timeInQueueMs: 60000,
    });
    assertVector(smsgBattlefieldStatusCodec, hex(headerHex + u32(2) + u32(489) + u64(0n) + u32(80000)), {
      ...header,
      status: 2,
      mapId: 489,
      unknown64: 0n,
      timeToRemoveMs: 80000,
    });
    const inProgress = hex(headerHex + u32(3) + u32(489) + u64(0n) + u32(0) + u32(120000) + "01");
    assertVector(smsgBattlefieldStatusCodec, inProgress, {
      ...header,
      status: 3,
      mapId: 489,
      unknown64: 0n,
      autoLeaveMs: 0,
      elapsedMs: 120000,
      arenaFaction: 1,
    });
    assertVector(smsgBattlefieldStatusCodec, hex(headerHex + u32(4)), { ...header, status: 4 });
    assert.throws(() => smsgBattlefieldStatusCodec.decode(hex(headerHex + u32(9))), ProtocolError);
    assert.throws(() => smsgBattlefieldStatusCodec.decode(hex(u32(1) + u64(5n))), ProtocolError);
    assertFuzzSafe(smsgBattlefieldStatusCodec, inProgress);
  });
});

describe("arena teams", () => {
  test("team requests", () => {
    for (const codec of [cmsgArenaTeamQueryCodec, cmsgArenaTeamRosterCodec, cmsgArenaTeamLeaveCodec, cmsgArenaTeamDisbandCodec]) {
      assertVector(codec, hex(u32(12)), { teamId: 12 });
      assertFuzzSafe(codec, hex(u32(12)));
    }
    for (const codec of [cmsgArenaTeamInviteCodec, cmsgArenaTeamRemoveCodec, cmsgArenaTeamLeaderCodec]) {
      assertVector(codec, hex(u32(12) + cstr("Jaina")), { teamId: 12, playerName: "Jaina" });
      assertFuzzSafe(codec, hex(u32(12) + cstr("Jaina")));
    }
    assertVector(cmsgArenaTeamAcceptCodec, new Uint8Array(0), {});
    assertVector(cmsgArenaTeamDeclineCodec, new Uint8Array(0), {});
  });

  test("SMSG_ARENA_TEAM_QUERY_RESPONSE: u32 type", () => {
    const bytes = hex(u32(12) + cstr("Gladiators") + u32(2) + u32(0xff000000) + u32(3) + u32(0xffffffff) + u32(1) + u32(0xff00ff00));
    assertVector(smsgArenaTeamQueryResponseCodec, bytes, {
      teamId: 12,
      name: "Gladiators",
      teamType: 2,
      backgroundColor: 0xff000000,
      emblemStyle: 3,
      emblemColor: 0xffffffff,
      borderStyle: 1,
      borderColor: 0xff00ff00,
    });
    assertFuzzSafe(smsgArenaTeamQueryResponseCodec, bytes);
  });

  test("SMSG_ARENA_TEAM_ROSTER with and without the extra floats", () => {
    const memberHex = u64(JAINA) + "01" + cstr("Jaina") + u32(0) + "50 08" + u32(10) + u32(6) + u32(40) + u32(25) + u32(1850);
    const member = {
      guid: JAINA,
      online: true,
      name: "Jaina",
      rank: 0,
      level: 80,
      classId: 8,
      weekGames: 10,
      weekWins: 6,
      seasonGames: 40,
      seasonWins: 25,
      personalRating: 1850,
    };
    const bytes = hex(u32(12) + "00" + u32(1) + u32(2) + memberHex);
    assertVector(smsgArenaTeamRosterCodec, bytes, { teamId: 12, hasExtraFields: false, teamType: 2, members: [member] });
    const extra = hex(u32(12) + "01" + u32(1) + u32(2) + memberHex + "0000803f" + "00000040");
    assertVector(smsgArenaTeamRosterCodec, extra, { teamId: 12, hasExtraFields: true, teamType: 2, members: [{ ...member, extra: [1, 2] }] });
    assert.throws(() => smsgArenaTeamRosterCodec.encode({ teamId: 12, hasExtraFields: true, teamType: 2, members: [member] }), ProtocolError);
    assertFuzzSafe(smsgArenaTeamRosterCodec, extra);
  });

  test("SMSG_ARENA_TEAM_EVENT with and without the GUID, command result, invite", () => {
    const join = hex("03 02" + cstr("Jaina") + cstr("Gladiators") + u64(JAINA));
    assertVector(smsgArenaTeamEventCodec, join, { eventType: 3, params: ["Jaina", "Gladiators"], guid: JAINA });
    const removed = hex("05 03" + cstr("Thrall") + cstr("Gladiators") + cstr("Jaina"));
    assertVector(smsgArenaTeamEventCodec, removed, { eventType: 5, params: ["Thrall", "Gladiators", "Jaina"] });
    const result = hex(u32(1) + cstr("") + cstr("Thrall") + u32(0x0b));
    assertVector(smsgArenaTeamCommandResultCodec, result, { command: 1, teamName: "", playerName: "Thrall", error: 0x0b });
    assertVector(smsgArenaTeamInviteCodec, hex(cstr("Jaina") + cstr("Gladiators")), { inviterName: "Jaina", teamName: "Gladiators" });
    assertFuzzSafe(smsgArenaTeamEventCodec, join);
    assertFuzzSafe(smsgArenaTeamCommandResultCodec, result);
    assertFuzzSafe(smsgArenaTeamInviteCodec, hex(cstr("Jaina") + cstr("Gladiators")));
  });
});

// Dungeon finder messages: byte vectors written out by hand from AzerothCore's LFGHandler.cpp
// (HandleLfgJoinOpcode, SendLfgUpdatePlayer/Party, SendLfgRoleChosen, SendLfgRoleCheckUpdate,
// SendLfgJoinResult, SendLfgQueueStatus, SendLfgPlayerReward, SendLfgUpdateProposal,
// HandleLfgPlayerLockInfoRequestOpcode, HandleLfgPartyLockInfoRequestOpcode).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgLfdPartyLockInfoRequestCodec,
  cmsgLfdPlayerLockInfoRequestCodec,
  cmsgLfgGetStatusCodec,
  cmsgLfgJoinCodec,
  cmsgLfgLeaveCodec,
  cmsgLfgProposalResultCodec,
  cmsgLfgSetRolesCodec,
  cmsgLfgTeleportCodec,
  smsgLfgProposalUpdateCodec,
  smsgLfgRoleCheckUpdateCodec,
  smsgLfgRoleChosenCodec,
} from "../../../src/wow/world/messages/lfg.js";
import { smsgLfgQueueStatusCodec, smsgLfgUpdatePartyCodec, smsgLfgUpdatePlayerCodec } from "../../../src/wow/world/messages/lfg-status.js";
import {
  smsgLfgJoinResultCodec,
  smsgLfgPartyInfoCodec,
  smsgLfgPlayerInfoCodec,
  smsgLfgPlayerRewardCodec,
} from "../../../src/wow/world/messages/lfg-info.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const JAINA = 0x2an;
const THRALL = 0x2bn;
// Random heroic (entry 262, type 6) as the client sends dungeon entries: id | type << 24.
const RANDOM_HEROIC = 262 | (6 << 24);

describe("client requests", () => {
  test("CMSG_LFG_JOIN: roles, two flags, dungeons, the three need bytes, comment", () => {
    const bytes = hex(u32(0x0a) + "00 00" + "01" + u32(RANDOM_HEROIC) + "03 000000" + cstr("tank lf healer"));
    assertVector(cmsgLfgJoinCodec, bytes, {
      roles: 0x0a,
      noPartialClear: false,
      achievements: false,
      dungeons: [RANDOM_HEROIC],
      needs: [0, 0, 0],
      comment: "tank lf healer",
    });
    assertFuzzSafe(cmsgLfgJoinCodec, bytes);
  });

  test("set roles, proposal answer, teleport and the empty requests", () => {
    assertVector(cmsgLfgSetRolesCodec, hex("04"), { roles: 4 });
    assertVector(cmsgLfgProposalResultCodec, hex(u32(17) + "01"), { proposalId: 17, accept: true });
    assertVector(cmsgLfgTeleportCodec, hex("01"), { out: true });
    for (const codec of [cmsgLfgLeaveCodec, cmsgLfdPlayerLockInfoRequestCodec, cmsgLfdPartyLockInfoRequestCodec, cmsgLfgGetStatusCodec]) {
      assertVector(codec, new Uint8Array(0), {});
    }
    assertFuzzSafe(cmsgLfgProposalResultCodec, hex(u32(17) + "01"));
    assertFuzzSafe(cmsgLfgTeleportCodec, hex("01"));
    assertFuzzSafe(cmsgLfgSetRolesCodec, hex("04"));
  });
});

describe("role checks and proposals", () => {
  test("SMSG_LFG_ROLE_CHOSEN", () => {
    assertVector(smsgLfgRoleChosenCodec, hex(u64(JAINA) + "01" + u32(4)), { guid: JAINA, ready: true, roles: 4 });
    assertFuzzSafe(smsgLfgRoleChosenCodec, hex(u64(JAINA) + "01" + u32(4)));
  });

  test("SMSG_LFG_ROLE_CHECK_UPDATE: leader first", () => {
    const bytes = hex(u32(2) + "01" + "01" + u32(RANDOM_HEROIC) + "02" + u64(JAINA) + "01" + u32(0x03) + "50" + u64(THRALL) + "00" + u32(0) + "4f");
    assertVector(smsgLfgRoleCheckUpdateCodec, bytes, {
      state: 2,
      initializing: true,
      dungeons: [RANDOM_HEROIC],
      members: [
        { guid: JAINA, ready: true, roles: 3, level: 80 },
        { guid: THRALL, ready: false, roles: 0, level: 79 },
      ],
    });
    assertFuzzSafe(smsgLfgRoleCheckUpdateCodec, bytes);
  });

  test("SMSG_LFG_PROPOSAL_UPDATE", () => {
    const bytes = hex(u32(RANDOM_HEROIC) + "00" + u32(17) + u32(0) + "00" + "02" + u32(2) + "01 00 01 01 01" + u32(8) + "00 00 00 00 00");
    assertVector(smsgLfgProposalUpdateCodec, bytes, {
      dungeonEntry: RANDOM_HEROIC,
      state: 0,
      proposalId: 17,
      encountersMask: 0,
      silent: false,
      players: [
        { roles: 2, isSelf: true, inDungeon: false, sameGroup: true, answered: true, accepted: true },
        { roles: 8, isSelf: false, inDungeon: false, sameGroup: false, answered: false, accepted: false },
      ],
    });
    assertFuzzSafe(smsgLfgProposalUpdateCodec, bytes);
  });
});

describe("queue status", () => {
  test("SMSG_LFG_UPDATE_PLAYER with and without details", () => {
    assertVector(smsgLfgUpdatePlayerCodec, hex("07 00"), { updateType: 7 });
    const joined = hex("05 01" + "01 00 00" + "01" + u32(RANDOM_HEROIC) + cstr(""));
    assertVector(smsgLfgUpdatePlayerCodec, joined, {
      updateType: 5,
      details: { queued: true, noPartialClear: 0, achievements: 0, dungeons: [RANDOM_HEROIC], comment: "" },
    });
    assertFuzzSafe(smsgLfgUpdatePlayerCodec, joined);
  });

  test("SMSG_LFG_UPDATE_PARTY has AzerothCore's three extra zero bytes", () => {
    assertVector(smsgLfgUpdatePartyCodec, hex("0e 00"), { updateType: 14 });
    const added = hex("0c 01" + "01 01 00 00" + "00 00 00" + "01" + u32(RANDOM_HEROIC) + cstr("hi"));
    const message = {
      updateType: 12,
      details: { joined: true, queued: true, noPartialClear: 0, achievements: 0, unknown: [0, 0, 0], dungeons: [RANDOM_HEROIC], comment: "hi" },
    };
    assertVector(smsgLfgUpdatePartyCodec, added, message);
    assert.throws(() => smsgLfgUpdatePartyCodec.encode({ ...message, details: { ...message.details, unknown: [0] } }), ProtocolError);
    assertFuzzSafe(smsgLfgUpdatePartyCodec, added);
  });

  test("SMSG_LFG_QUEUE_STATUS", () => {
    const bytes = hex(u32(RANDOM_HEROIC) + u32(300) + "ffffffff" + u32(60) + u32(120) + u32(30) + "01 00 02" + u32(45));
    assertVector(smsgLfgQueueStatusCodec, bytes, {
      dungeonEntry: RANDOM_HEROIC,
      averageWaitTime: 300,
      waitTime: -1,
      waitTimeTank: 60,
      waitTimeHealer: 120,
      waitTimeDamage: 30,
      tanksNeeded: 1,
      healersNeeded: 0,
      damageNeeded: 2,
      queuedTime: 45,
    });
    assertFuzzSafe(smsgLfgQueueStatusCodec, bytes);
  });
});

describe("locks, dungeon lists and rewards", () => {
  const memberLocks = [{ guid: THRALL, locks: [{ dungeonEntry: RANDOM_HEROIC, reason: 2 }] }];
  const memberLocksHex = "01" + u64(THRALL) + u32(1) + u32(RANDOM_HEROIC) + u32(2);

  test("SMSG_LFG_JOIN_RESULT: with the lock block only when someone is locked", () => {
    assertVector(smsgLfgJoinResultCodec, hex(u32(0) + u32(0)), { result: 0, state: 0, memberLocks: [] });
    const locked = hex(u32(6) + u32(0) + memberLocksHex);
    assertVector(smsgLfgJoinResultCodec, locked, { result: 6, state: 0, memberLocks });
    assertFuzzSafe(smsgLfgJoinResultCodec, locked);
  });

  test("SMSG_LFG_PARTY_INFO", () => {
    assertVector(smsgLfgPartyInfoCodec, hex(memberLocksHex), { memberLocks });
    assertFuzzSafe(smsgLfgPartyInfoCodec, hex(memberLocksHex));
  });

  test("SMSG_LFG_PLAYER_INFO: dungeons with rewards, then a u32-counted lock list", () => {
    const bytes = hex(
      "01" + u32(RANDOM_HEROIC) + "00" + u32(0) + u32(0) + u32(0) + u32(0) + "01" + u32(49426) + u32(64662) + u32(2) +
        u32(1) + u32(258 | (1 << 24)) + u32(3),
    );
    assertVector(smsgLfgPlayerInfoCodec, bytes, {
      dungeons: [
        { dungeonEntry: RANDOM_HEROIC, done: false, money: 0, experience: 0, unknown1: 0, unknown2: 0, items: [{ itemId: 49426, displayId: 64662, count: 2 }] },
      ],
      locks: [{ dungeonEntry: 258 | (1 << 24), reason: 3 }],
    });
    assertFuzzSafe(smsgLfgPlayerInfoCodec, bytes);
  });

  test("SMSG_LFG_PLAYER_REWARD: item id, display id, count", () => {
    const bytes = hex(u32(262) + u32(209) + "01" + u32(1) + u32(92600) + u32(0) + u32(0) + u32(0) + "01" + u32(49426) + u32(64662) + u32(2));
    assertVector(smsgLfgPlayerRewardCodec, bytes, {
      randomDungeonEntry: 262,
      dungeonEntry: 209,
      done: true,
      unknown1: 1,
      money: 92600,
      experience: 0,
      unknown2: 0,
      unknown3: 0,
      items: [{ itemId: 49426, displayId: 64662, count: 2 }],
    });
    assertFuzzSafe(smsgLfgPlayerRewardCodec, bytes);
  });
});

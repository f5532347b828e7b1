// Group messages: byte vectors written out by hand from AzerothCore's GroupHandler.cpp / Group.cpp
// (SendPartyResult, HandleGroupInviteOpcode, Group::SendUpdateToPlayer, SetTargetIcon,
// SendTargetIconList, Player::SendDungeonDifficulty), each checked by decode, encode and round trip.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgGroupAcceptCodec,
  cmsgGroupDeclineCodec,
  cmsgGroupDisbandCodec,
  cmsgGroupInviteCodec,
  cmsgGroupSetLeaderCodec,
  cmsgGroupUninviteCodec,
  cmsgGroupUninviteGuidCodec,
  cmsgLootMethodCodec,
  smsgGroupDeclineCodec,
  smsgGroupDestroyedCodec,
  smsgGroupInviteCodec,
  smsgGroupSetLeaderCodec,
  smsgGroupUninviteCodec,
  smsgPartyCommandResultCodec,
} from "../../../src/wow/world/messages/group.js";
import { smsgGroupListCodec, type SmsgGroupList } from "../../../src/wow/world/messages/group-list.js";
import {
  cmsgGroupAssistantLeaderCodec,
  cmsgGroupChangeSubGroupCodec,
  cmsgGroupRaidConvertCodec,
  cmsgGroupSwapSubGroupCodec,
  msgRaidTargetUpdateClientCodec,
  msgRaidTargetUpdateServerCodec,
  msgSetDungeonDifficultyClientCodec,
  msgSetDungeonDifficultyServerCodec,
  msgSetRaidDifficultyClientCodec,
  msgSetRaidDifficultyServerCodec,
} from "../../../src/wow/world/messages/raid.js";
import {
  msgRaidReadyCheckClientCodec,
  msgRaidReadyCheckConfirmClientCodec,
  msgRaidReadyCheckConfirmServerCodec,
  msgRaidReadyCheckFinishedCodec,
  msgRaidReadyCheckServerCodec,
} from "../../../src/wow/world/messages/ready-check.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const LEADER = 0x1n;
const JAINA = 0x2an;

describe("party invitations and leadership", () => {
  test("CMSG_GROUP_INVITE carries the name and a skipped u32", () => {
    const bytes = hex(cstr("Jaina") + u32(0));
    assertVector(cmsgGroupInviteCodec, bytes, { name: "Jaina" });
    assertFuzzSafe(cmsgGroupInviteCodec, bytes);
  });

  test("SMSG_GROUP_INVITE: flag, inviter, unknown u32, empty list, unknown u32", () => {
    const bytes = hex("01" + cstr("Arthas") + u32(0) + "00" + u32(0));
    assertVector(smsgGroupInviteCodec, bytes, {
      invited: true,
      inviterName: "Arthas",
      unknown1: 0,
      unknownValues: [],
      unknown2: 0,
    });
    const withList = smsgGroupInviteCodec.encode({ invited: false, inviterName: "A", unknown1: 1, unknownValues: [7, 8], unknown2: 2 });
    assert.equal(Buffer.from(withList).toString("hex"), "00" + cstr("A") + u32(1) + "02" + u32(7) + u32(8) + u32(2));
    assertFuzzSafe(smsgGroupInviteCodec, bytes);
  });

  test("CMSG_GROUP_ACCEPT writes u32 0 and accepts the empty body wowm describes", () => {
    assertVector(cmsgGroupAcceptCodec, hex(u32(0)), {});
    assert.deepEqual(cmsgGroupAcceptCodec.decode(new Uint8Array(0)), {});
    assertFuzzSafe(cmsgGroupAcceptCodec, hex(u32(0)));
  });

  test("name-only messages: SMSG_GROUP_DECLINE, CMSG_GROUP_UNINVITE, SMSG_GROUP_SET_LEADER", () => {
    for (const codec of [smsgGroupDeclineCodec, cmsgGroupUninviteCodec, smsgGroupSetLeaderCodec]) {
      assertVector(codec, hex(cstr("Thrall")), { name: "Thrall" });
      assertFuzzSafe(codec, hex(cstr("Thrall")));
    }
  });

  test("CMSG_GROUP_UNINVITE_GUID: guid then reason", () => {
    const bytes = hex(u64(JAINA) + cstr("afk"));
    assertVector(cmsgGroupUninviteGuidCodec, bytes, { guid: JAINA, reason: "afk" });
    assertFuzzSafe(cmsgGroupUninviteGuidCodec, bytes);
  });

  test("CMSG_GROUP_SET_LEADER: u64 guid", () => {
    assertVector(cmsgGroupSetLeaderCodec, hex(u64(JAINA)), { guid: JAINA });
    assertFuzzSafe(cmsgGroupSetLeaderCodec, hex(u64(JAINA)));
  });

  test("empty messages refuse any byte", () => {
    for (const codec of [cmsgGroupDeclineCodec, cmsgGroupDisbandCodec, smsgGroupDestroyedCodec, smsgGroupUninviteCodec, cmsgGroupRaidConvertCodec]) {
      assertVector(codec, new Uint8Array(0), {});
      assert.throws(() => codec.decode(hex("00")), ProtocolError);
      assertFuzzSafe(codec, new Uint8Array(0));
    }
  });

  test("CMSG_LOOT_METHOD: u32 method, u64 master looter, u32 threshold", () => {
    const bytes = hex(u32(2) + u64(JAINA) + u32(3));
    assertVector(cmsgLootMethodCodec, bytes, { lootMethod: 2, masterLooterGuid: JAINA, lootThreshold: 3 });
    assertFuzzSafe(cmsgLootMethodCodec, bytes);
  });

  test("SMSG_PARTY_COMMAND_RESULT has AzerothCore's trailing u32", () => {
    const bytes = hex(u32(0) + cstr("Jaina") + u32(0) + u32(0));
    assertVector(smsgPartyCommandResultCodec, bytes, { operation: 0, memberName: "Jaina", result: 0, value: 0 });
    assert.throws(() => smsgPartyCommandResultCodec.decode(bytes.subarray(0, bytes.length - 4)), ProtocolError);
    assertFuzzSafe(smsgPartyCommandResultCodec, bytes);
  });
});

describe("SMSG_GROUP_LIST", () => {
  const party: SmsgGroupList = {
    groupType: 0x00,
    subGroup: 0,
    flags: 0,
    roles: 0,
    groupGuid: 0x1f10000000000005n,
    counter: 3,
    members: [{ name: "Jaina", guid: JAINA, status: 1, subGroup: 0, flags: 1, roles: 0 }],
    leaderGuid: LEADER,
    loot: { lootMethod: 3, masterLooterGuid: 0n, lootThreshold: 2, dungeonDifficulty: 0, raidDifficulty: 1, heroicRaid: false },
  };
  const partyBytes = hex(
    "00 00 00 00" + u64(0x1f10000000000005n) + u32(3) + u32(1) +
      cstr("Jaina") + u64(JAINA) + "01 00 01 00" +
      u64(LEADER) + "03" + u64(0n) + "02 00 01 00",
  );

  test("a two-member party, as Group::SendUpdateToPlayer writes it", () => {
    assertVector(smsgGroupListCodec, partyBytes, party);
  });

  test("an LFG raid has the LFG block and, alone, no loot block", () => {
    const bytes = hex("0a 02 00 0c" + "02" + u32(261) + u64(0x1f10000000000009n) + u32(0) + u32(0) + u64(LEADER));
    assertVector(smsgGroupListCodec, bytes, {
      groupType: 0x0a,
      subGroup: 2,
      flags: 0,
      roles: 0x0c,
      lfg: { dungeonState: 2, dungeonEntry: 261 },
      groupGuid: 0x1f10000000000009n,
      counter: 0,
      members: [],
      leaderGuid: LEADER,
    });
  });

  test("the encoder refuses an LFG block without the LFG bit and loot without members", () => {
    assert.throws(() => smsgGroupListCodec.encode({ ...party, lfg: { dungeonState: 0, dungeonEntry: 1 } }), ProtocolError);
    assert.throws(() => smsgGroupListCodec.encode({ ...party, members: [] }), ProtocolError);
  });

  test("a lying member count is refused before allocating", () => {
    const lying = partyBytes.slice();
    lying.set(hex(u32(39)), 16);
    assert.throws(() => smsgGroupListCodec.decode(lying), ProtocolError);
  });

  test("fuzz", () => {
    assertFuzzSafe(smsgGroupListCodec, partyBytes);
  });
});

describe("raid management", () => {
  test("CMSG_GROUP_CHANGE_SUB_GROUP and CMSG_GROUP_SWAP_SUB_GROUP", () => {
    assertVector(cmsgGroupChangeSubGroupCodec, hex(cstr("Jaina") + "04"), { name: "Jaina", subGroup: 4 });
    assertVector(cmsgGroupSwapSubGroupCodec, hex(cstr("Jaina") + cstr("Thrall")), { name: "Jaina", otherName: "Thrall" });
    assertFuzzSafe(cmsgGroupChangeSubGroupCodec, hex(cstr("Jaina") + "04"));
    assertFuzzSafe(cmsgGroupSwapSubGroupCodec, hex(cstr("Jaina") + cstr("Thrall")));
  });

  test("CMSG_GROUP_ASSISTANT_LEADER: guid and apply flag", () => {
    assertVector(cmsgGroupAssistantLeaderCodec, hex(u64(JAINA) + "01"), { guid: JAINA, assistant: true });
    assertFuzzSafe(cmsgGroupAssistantLeaderCodec, hex(u64(JAINA) + "01"));
  });

  test("MSG_RAID_TARGET_UPDATE, client: request (0xFF) and set", () => {
    assertVector(msgRaidTargetUpdateClientCodec, hex("ff"), { kind: "request-list" });
    assertVector(msgRaidTargetUpdateClientCodec, hex("07" + u64(0xf130000000000042n)), { kind: "set", icon: 7, target: 0xf130000000000042n });
    assertFuzzSafe(msgRaidTargetUpdateClientCodec, hex("07" + u64(0xf130000000000042n)));
  });

  test("MSG_RAID_TARGET_UPDATE, server: single change and the list of icons in use", () => {
    const single = hex("00" + u64(LEADER) + "03" + u64(JAINA));
    assertVector(msgRaidTargetUpdateServerCodec, single, { kind: "set", changedBy: LEADER, icon: 3, target: JAINA });
    const list = hex("01" + "00" + u64(JAINA) + "07" + u64(0xf130000000000042n));
    assertVector(msgRaidTargetUpdateServerCodec, list, {
      kind: "list",
      icons: [
        { icon: 0, target: JAINA },
        { icon: 7, target: 0xf130000000000042n },
      ],
    });
    assertVector(msgRaidTargetUpdateServerCodec, hex("01"), { kind: "list", icons: [] });
    assert.throws(() => msgRaidTargetUpdateServerCodec.decode(hex("02")), ProtocolError);
    assertFuzzSafe(msgRaidTargetUpdateServerCodec, single);
    assertFuzzSafe(msgRaidTargetUpdateServerCodec, list);
  });

  test("MSG_SET_DUNGEON_DIFFICULTY / MSG_SET_RAID_DIFFICULTY in both directions", () => {
    for (const codec of [msgSetDungeonDifficultyClientCodec, msgSetRaidDifficultyClientCodec]) {
      assertVector(codec, hex(u32(1)), { difficulty: 1 });
      assertFuzzSafe(codec, hex(u32(1)));
    }
    for (const codec of [msgSetDungeonDifficultyServerCodec, msgSetRaidDifficultyServerCodec]) {
      const bytes = hex(u32(1) + u32(1) + u32(1));
      assertVector(codec, bytes, { difficulty: 1, unknown: 1, inGroup: true });
      assertFuzzSafe(codec, bytes);
    }
  });
});

describe("ready checks", () => {
  test("MSG_RAID_READY_CHECK: empty start, one-byte answer, server broadcast of the initiator", () => {
    assertVector(msgRaidReadyCheckClientCodec, new Uint8Array(0), {});
    assertVector(msgRaidReadyCheckClientCodec, hex("01"), { state: 1 });
    assertVector(msgRaidReadyCheckServerCodec, hex(u64(LEADER)), { initiatorGuid: LEADER });
    assertFuzzSafe(msgRaidReadyCheckClientCodec, hex("01"));
    assertFuzzSafe(msgRaidReadyCheckServerCodec, hex(u64(LEADER)));
  });

  test("MSG_RAID_READY_CHECK_CONFIRM and MSG_RAID_READY_CHECK_FINISHED", () => {
    assertVector(msgRaidReadyCheckConfirmServerCodec, hex(u64(JAINA) + "00"), { guid: JAINA, state: 0 });
    assertVector(msgRaidReadyCheckConfirmClientCodec, hex("01"), { state: 1 });
    assertVector(msgRaidReadyCheckConfirmClientCodec, new Uint8Array(0), {});
    assertVector(msgRaidReadyCheckFinishedCodec, new Uint8Array(0), {});
    assertFuzzSafe(msgRaidReadyCheckConfirmServerCodec, hex(u64(JAINA) + "00"));
    assertFuzzSafe(msgRaidReadyCheckConfirmClientCodec, hex("01"));
  });
});

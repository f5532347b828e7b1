// Guild messages: byte vectors written out by hand from AzerothCore's GuildPackets.cpp
// (QueryGuildInfoResponse, GuildInfoResponse, GuildRoster, GuildEvent, GuildCommandResult,
// GuildPermissionsQueryResults, GuildEventLogQueryResults and the client packets' Read()).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgGuildAcceptCodec,
  cmsgGuildDeclineCodec,
  cmsgGuildInfoCodec,
  cmsgGuildInviteCodec,
  cmsgGuildQueryCodec,
  smsgGuildCommandResultCodec,
  smsgGuildEventCodec,
  smsgGuildInfoCodec,
  smsgGuildInviteCodec,
  smsgGuildQueryResponseCodec,
} from "../../../src/wow/world/messages/guild.js";
import {
  cmsgGuildAddRankCodec,
  cmsgGuildDelRankCodec,
  cmsgGuildDemoteCodec,
  cmsgGuildDisbandCodec,
  cmsgGuildInfoTextCodec,
  cmsgGuildLeaderCodec,
  cmsgGuildLeaveCodec,
  cmsgGuildMotdCodec,
  cmsgGuildPromoteCodec,
  cmsgGuildRankCodec,
  cmsgGuildRemoveCodec,
  cmsgGuildSetOfficerNoteCodec,
  cmsgGuildSetPublicNoteCodec,
} from "../../../src/wow/world/messages/guild-management.js";
import { cmsgGuildRosterCodec, smsgGuildRosterCodec, type SmsgGuildRoster } from "../../../src/wow/world/messages/guild-roster.js";
import {
  msgGuildBankMoneyWithdrawnClientCodec,
  msgGuildBankMoneyWithdrawnServerCodec,
  msgGuildEventLogQueryClientCodec,
  msgGuildEventLogQueryServerCodec,
  msgGuildPermissionsClientCodec,
  msgGuildPermissionsServerCodec,
} from "../../../src/wow/world/messages/guild-permissions.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

const JAINA = 0x2an;
const THRALL = 0x2bn;
const tabs = [0xff, 3, 1, 1, 0, 0].map((flags, index) => ({ flags, withdrawItemLimit: index === 0 ? 0xffffffff : 10 }));
const tabBytes = tabs.map((tab) => u32(tab.flags) + u32(tab.withdrawItemLimit)).join("");

describe("guild queries, invitations and events", () => {
  test("CMSG_GUILD_QUERY and SMSG_GUILD_QUERY_RESPONSE (ten rank names, emblem, rank count)", () => {
    assertVector(cmsgGuildQueryCodec, hex(u32(42)), { guildId: 42 });
    const rankNames = ["Guild Master", "Officer", "Veteran", "Member", "Initiate", "", "", "", "", ""];
    const bytes = hex(u32(42) + cstr("Knights") + rankNames.map(cstr).join("") + u32(1) + u32(2) + u32(3) + u32(4) + u32(5) + u32(5));
    const response = {
      guildId: 42,
      name: "Knights",
      rankNames,
      emblem: { emblemStyle: 1, emblemColor: 2, borderStyle: 3, borderColor: 4, backgroundColor: 5 },
      rankCount: 5,
    };
    assertVector(smsgGuildQueryResponseCodec, bytes, response);
    assert.throws(() => smsgGuildQueryResponseCodec.encode({ ...response, rankNames: ["x"] }), ProtocolError);
    assertFuzzSafe(cmsgGuildQueryCodec, hex(u32(42)));
    assertFuzzSafe(smsgGuildQueryResponseCodec, bytes);
  });

  test("CMSG_GUILD_INVITE / SMSG_GUILD_INVITE / accept / decline", () => {
    assertVector(cmsgGuildInviteCodec, hex(cstr("Jaina")), { name: "Jaina" });
    assertVector(smsgGuildInviteCodec, hex(cstr("Arthas") + cstr("Knights")), { inviterName: "Arthas", guildName: "Knights" });
    for (const codec of [cmsgGuildAcceptCodec, cmsgGuildDeclineCodec, cmsgGuildInfoCodec, cmsgGuildRosterCodec]) {
      assertVector(codec, new Uint8Array(0), {});
    }
    assertFuzzSafe(cmsgGuildInviteCodec, hex(cstr("Jaina")));
    assertFuzzSafe(smsgGuildInviteCodec, hex(cstr("Arthas") + cstr("Knights")));
  });

  test("SMSG_GUILD_EVENT: strings, and the GUID AzerothCore adds for sign-on", () => {
    const motd = hex("02 01" + cstr("Raid at 8"));
    assertVector(smsgGuildEventCodec, motd, { eventType: 2, params: ["Raid at 8"] });
    const signedOn = hex("0c 01" + cstr("Jaina") + u64(JAINA));
    assertVector(smsgGuildEventCodec, signedOn, { eventType: 12, params: ["Jaina"], guid: JAINA });
    assert.throws(() => smsgGuildEventCodec.encode({ eventType: 12, params: ["Jaina"] }), ProtocolError);
    assert.throws(() => smsgGuildEventCodec.encode({ eventType: 2, params: [], guid: 1n }), ProtocolError);
    assertFuzzSafe(smsgGuildEventCodec, signedOn);
  });

  test("SMSG_GUILD_COMMAND_RESULT and SMSG_GUILD_INFO", () => {
    const result = hex(u32(1) + cstr("Jaina") + u32(3));
    assertVector(smsgGuildCommandResultCodec, result, { command: 1, name: "Jaina", result: 3 });
    // 2010-06-15 (a Tuesday) 10:30 as AppendPackedTime writes it.
    const packed = (10 << 24) | (5 << 20) | (14 << 14) | (2 << 11) | (10 << 6) | 30;
    const info = hex(cstr("Knights") + u32(packed) + u32(12) + u32(8));
    assertVector(smsgGuildInfoCodec, info, { guildName: "Knights", createdPacked: packed, memberCount: 12, accountCount: 8 });
    assertFuzzSafe(smsgGuildCommandResultCodec, result);
    assertFuzzSafe(smsgGuildInfoCodec, info);
  });
});

describe("SMSG_GUILD_ROSTER", () => {
  const roster: SmsgGuildRoster = {
    motd: "Welcome",
    info: "We raid",
    ranks: [
      { rights: 0x1df1ff, withdrawGoldLimit: 0xffffffff, tabs },
      { rights: 0x43, withdrawGoldLimit: 100, tabs },
    ],
    members: [
      { guid: JAINA, status: 1, name: "Jaina", rankId: 0, level: 80, classId: 8, gender: 1, zoneId: 4395, publicNote: "", officerNote: "main" },
      { guid: THRALL, status: 0, name: "Thrall", rankId: 1, level: 80, classId: 7, gender: 0, zoneId: 1637, daysOffline: 2.5, publicNote: "alt", officerNote: "" },
    ],
  };
  const bytes = hex(
    u32(2) + cstr("Welcome") + cstr("We raid") + u32(2) +
      u32(0x1df1ff) + u32(0xffffffff) + tabBytes + u32(0x43) + u32(100) + tabBytes +
      u64(JAINA) + "01" + cstr("Jaina") + u32(0) + "50 08 01" + u32(4395) + cstr("") + cstr("main") +
      u64(THRALL) + "00" + cstr("Thrall") + u32(1) + "50 07 00" + u32(1637) + "00002040" + cstr("alt") + cstr(""),
  );

  test("ranks then members; the offline member carries days offline", () => {
    assertVector(smsgGuildRosterCodec, bytes, roster);
  });

  test("daysOffline must match the status, and a lying member count is refused", () => {
    const [online, offline] = roster.members;
    assert.ok(online !== undefined && offline !== undefined);
    assert.throws(() => smsgGuildRosterCodec.encode({ ...roster, members: [{ ...online, daysOffline: 1 }] }), ProtocolError);
    const lying = bytes.slice();
    lying.set(hex(u32(0x01000000)), 0);
    assert.throws(() => smsgGuildRosterCodec.decode(lying), ProtocolError);
  });

  test("fuzz", () => {
    assertFuzzSafe(smsgGuildRosterCodec, bytes);
  });
});

describe("guild management requests", () => {
  test("CMSG_GUILD_RANK: rank, rights, name, gold limit, six tab pairs", () => {
    const bytes = hex(u32(1) + u32(0x43) + cstr("Officer") + u32(500) + tabBytes);
    assertVector(cmsgGuildRankCodec, bytes, { rankId: 1, rights: 0x43, rankName: "Officer", withdrawGoldLimit: 500, tabs });
    assert.throws(() => cmsgGuildRankCodec.decode(hex(u32(1) + u32(0) + cstr("A much too long rank name") + u32(0) + tabBytes)), ProtocolError);
    assertFuzzSafe(cmsgGuildRankCodec, bytes);
  });

  test("one-string requests", () => {
    const cases = [
      [cmsgGuildAddRankCodec, "Raider"],
      [cmsgGuildPromoteCodec, "Jaina"],
      [cmsgGuildDemoteCodec, "Jaina"],
      [cmsgGuildRemoveCodec, "Jaina"],
      [cmsgGuildLeaderCodec, "Jaina"],
      [cmsgGuildMotdCodec, "Raid at 8"],
      [cmsgGuildInfoTextCodec, "About us"],
    ] as const;
    for (const [codec, text] of cases) {
      assertVector(codec, hex(cstr(text)), { text });
      assertFuzzSafe(codec, hex(cstr(text)));
    }
    assert.throws(() => cmsgGuildMotdCodec.decode(hex(cstr("x".repeat(129)))), ProtocolError);
  });

  test("note requests and the empty ones", () => {
    for (const codec of [cmsgGuildSetPublicNoteCodec, cmsgGuildSetOfficerNoteCodec]) {
      assertVector(codec, hex(cstr("Jaina") + cstr("healer")), { memberName: "Jaina", note: "healer" });
      assertFuzzSafe(codec, hex(cstr("Jaina") + cstr("healer")));
    }
    for (const codec of [cmsgGuildDelRankCodec, cmsgGuildLeaveCodec, cmsgGuildDisbandCodec]) assertVector(codec, new Uint8Array(0), {});
  });
});

describe("permissions, withdrawals and the event log", () => {
  test("MSG_GUILD_PERMISSIONS both ways", () => {
    assertVector(msgGuildPermissionsClientCodec, new Uint8Array(0), {});
    const bytes = hex(u32(1) + u32(0x43) + u32(0xffffffff) + "06" + tabBytes);
    assertVector(msgGuildPermissionsServerCodec, bytes, { rankId: 1, rights: 0x43, withdrawGoldLimit: 0xffffffff, purchasedTabs: 6, tabs });
    assertFuzzSafe(msgGuildPermissionsServerCodec, bytes);
  });

  test("MSG_GUILD_BANK_MONEY_WITHDRAWN both ways", () => {
    assertVector(msgGuildBankMoneyWithdrawnClientCodec, new Uint8Array(0), {});
    assertVector(msgGuildBankMoneyWithdrawnServerCodec, hex("ffffffff"), { remainingWithdrawMoney: -1 });
    assertFuzzSafe(msgGuildBankMoneyWithdrawnServerCodec, hex("ffffffff"));
  });

  test("MSG_GUILD_EVENT_LOG_QUERY: the other GUID except for join/leave, the rank for promote/demote", () => {
    assertVector(msgGuildEventLogQueryClientCodec, new Uint8Array(0), {});
    const bytes = hex(
      "03" + "01" + u64(JAINA) + u64(THRALL) + u32(3600) + "02" + u64(JAINA) + u32(3500) + "03" + u64(JAINA) + u64(THRALL) + "02" + u32(60),
    );
    assertVector(msgGuildEventLogQueryServerCodec, bytes, {
      entries: [
        { eventType: 1, playerGuid: JAINA, otherGuid: THRALL, secondsAgo: 3600 },
        { eventType: 2, playerGuid: JAINA, secondsAgo: 3500 },
        { eventType: 3, playerGuid: JAINA, otherGuid: THRALL, rankId: 2, secondsAgo: 60 },
      ],
    });
    assert.throws(() => msgGuildEventLogQueryServerCodec.encode({ entries: [{ eventType: 2, playerGuid: 1n, otherGuid: 2n, secondsAgo: 0 }] }), ProtocolError);
    assertFuzzSafe(msgGuildEventLogQueryServerCodec, bytes);
  });
});

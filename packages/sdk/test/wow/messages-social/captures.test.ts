// Real 3.3.5a traffic with an AzerothCore server, captured by metal0/wlink @ 181f6d0d
// (tests/world/packets/test_group_packets.py, test_guild_packets.py, test_mail_packets.py); the
// server (4-byte) and client (6-byte) headers are removed. Each capture must decode to the values
// wlink asserts and re-encode byte for byte, and every decoder is fuzzed from it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { smsgGroupInviteCodec } from "../../../src/wow/world/messages/group.js";
import { GroupTypeFlag, smsgGroupListCodec } from "../../../src/wow/world/messages/group-list.js";
import {
  cmsgGuildQueryCodec,
  GuildEventType,
  smsgGuildEventCodec,
  smsgGuildInfoCodec,
  smsgGuildInviteCodec,
  smsgGuildQueryResponseCodec,
} from "../../../src/wow/world/messages/guild.js";
import { smsgGuildRosterCodec } from "../../../src/wow/world/messages/guild-roster.js";
import { cmsgGetMailListCodec, smsgReceivedMailCodec, smsgSendMailResultCodec } from "../../../src/wow/world/messages/mail.js";
import { azerothCoreMailSize, smsgMailListResultCodec } from "../../../src/wow/world/messages/mail-list.js";
import type { MessageCodec } from "../../../src/wow/world/message-codec.js";
import { assertFuzzSafe, hex } from "./helpers.js";

const GROUP_INVITE = hex("0141637400000000000000000000");
const GROUP_LIST_PARTY = hex(
  "00000000010000000000501f4300000001000000496d6275656400060000000000000000000000060000000000000003" +
  "000000000000000002000000",
);
const GROUP_LIST_ALONE = hex("00000000060000000000501f00000000000000003000000000000000");
const GROUP_LIST_LEFT = hex("10000000070000000000501f03000000000000000000000000000000");
const GUILD_QUERY = hex("01000000");
const GUILD_QUERY_RESPONSE = hex(
  "010000004361727065204b696e64657267617274656e004775696c64204d6173746572004f6666696365720056657465" +
  "72616e004d656d62657200496e6974696174650000000000000000000000000000000000000000000000000000050000" +
  "00",
);
const GUILD_ROSTER = hex(
  "1400000068656c6c6f206272617465000005000000fff11d00ffffffff00000000000000000000000000000000000000" +
  "0000000000000000000000000000000000000000000000000000000000fff11d00000000000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000004300000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000430000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "000000000043000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "0000000000000000000000000005000000000000000041646964690004000000ff0200210000005054a3410000130000" +
  "000000000000466c6f72796e656c0004000000c80200210000002a0bb541000001000000000000000141637400000000" +
  "005009006a0200000000120000000000000000466c79650004000000c8090021000000b8d9b44100000c000000000000" +
  "00005368656c6c0004000000c808002100000051196941000016000000000000000052656473706f74646f776e000400" +
  "0000ff0200210000008635ab4100000b0000000000000000456c696d696e650004000000ff02002100000092bab34100" +
  "001c0000000000000000436c65700004000000ff040021000000ee749b41000014000000000000000047726964000400" +
  "0000ff010021000000850bb44100001500000000000000004c796c6c610004000000ce02002100000022629c41000007" +
  "00000000000000004c75636b790001000000cb01002100000008f49341000018000000000000000052656e64657a0004" +
  "000000510500210000000070b1410000170000000000000000506f726e6875620004000000ff010021000000cc8db341" +
  "00000d00000000000000004b69640004000000c8010021000000073aac4100000e0000000000000000476e6f6d65736f" +
  "6d650004000000ca040021000000780cb5410000190000000000000000436c657069630004000000ff0100ef050000f0" +
  "02ac4100000f00000000000000004d616c660004000000c8040021000000b0d03d4100001b0000000000000000506572" +
  "73697374656e63650004000000ff0500210000000fd8ab4100001000000000000000004761696c69730004000000ff04" +
  "00210000007be9a24100001100000000000000004b617468656c0004000000ff010021000000c3faab410000",
);
const GUILD_ROSTER_21 = hex(
  "1500000068656c6c6f206272617465000005000000fff11d00ffffffff00000000000000000000000000000000000000" +
  "0000000000000000000000000000000000000000000000000000000000fff11d00000000000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000004300000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000430000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "000000000043000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "000000000000000000000000001f000000000000000145636f0001000000500400ef0500000000180000000000000000" +
  "52656e64657a000400000051050021000000dffcc94100000d00000000000000004b69640004000000c8010021000000" +
  "e6c6c4410000170000000000000000506f726e6875620004000000ff010021000000ab1acc4100000c00000000000000" +
  "005368656c6c0004000000c808002100000087198d4100001000000000000000004761696c69730004000000ff040021" +
  "0000005a76bb4100001b000000000000000050657273697374656e63650004000000ff050021000000ee64c44100000f" +
  "00000000000000004d616c660004000000c80400210000006eea6e4100001c0000000000000000436c65700004000000" +
  "ff040021000000cd01b44100000b0000000000000000456c696d696e650004000000ff0200210000007147cc4100000e" +
  "0000000000000000476e6f6d65736f6d650004000000ca0400210000005799cd410000190000000000000000436c6570" +
  "69630004000000ff0100ef050000cf8fc44100001100000000000000004b617468656c0004000000ff010021000000a2" +
  "87c4410000120000000000000000466c79650004000000c80900210000009766cd410000010000000000000001416374" +
  "0000000000500900ef0500000000130000000000000000466c6f72796e656c0004000000c80200210000000998cd4100" +
  "0005000000000000000041646964690004000000ff0200210000002fe1bb41000016000000000000000052656473706f" +
  "74646f776e0004000000ff02002100000065c2c3410000140000000000000000477269640004000000ff010021000000" +
  "6498cc4100000700000000000000004c75636b790001000000cb010021000000e780ac4100001500000000000000004c" +
  "796c6c610004000000ce02002100000001efb4410000",
);
const GUILD_INFO = hex("4361727065204b696e64657267617274656e00b9b045141e0000001a000000");
const GUILD_EVENT_MOTD = hex("020161797979797900");
const GUILD_EVENT_SIGNED_OFF = hex("0d01506f6e74003000000000000000");
const GUILD_INVITE = hex("416374004361727065204b696e64657267617274656e00");
const GET_MAIL_LIST = hex("03c087010130fc02");
const MAIL_LIST_ONE = hex(
  "010000000135001900000000010000000000000000000000000000002900000087d612000400000061ffb34200000000" +
  "617364000000",
);
const MAIL_LIST_FOUR = hex(
  "0400000004b3001c00000000010000000000000000000000000000002900000087d6120010000000b5f6b34200000000" +
  "6179007468657265206d616e000100010d0000bc11000000000000000000000000000000000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "0000000000000000000000000000000000000001000000ffffffff000000000000000000ba001b000000000100000000" +
  "00000000000000000000002900000087d6120010000000c6e7b3420000000068690074686572650a0a0a0a6f676e676f" +
  "7572000100000d0000bc1100000000000000000000000000000000000000000000000000000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "00000000000000000001000000ffffffff000000000000000000ac001a000000000100000000000000d2040000000000" +
  "002900000000000000040000008df93b40000000006861656500000100ba040000200a00000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
  "000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000" +
  "000035001900000000010000000000000000000000000000002900000087d61200040000007ec5b34200000000617364" +
  "000000",
);
const RECEIVED_MAIL = hex("00000000");
const SEND_MAIL_RESULT = hex("000000000000000000000000");

/** Decodes a capture, checks that it re-encodes to the same bytes, and returns the message. */
function decodeCapture<T>(codec: MessageCodec<T>, bytes: Uint8Array): T {
  const message = codec.decode(bytes);
  assert.equal(Buffer.from(codec.encode(message)).toString("hex"), Buffer.from(bytes).toString("hex"));
  return message;
}

describe("captured group packets", () => {
  test("SMSG_GROUP_INVITE from Act", () => {
    assert.deepEqual(decodeCapture(smsgGroupInviteCodec, GROUP_INVITE), {
      invited: true,
      inviterName: "Act",
      unknown1: 0,
      unknownValues: [],
      unknown2: 0,
    });
    assertFuzzSafe(smsgGroupInviteCodec, GROUP_INVITE);
  });

  test("SMSG_GROUP_LIST: a party with offline Imbued, an empty group, a left group (type 0x10)", () => {
    const party = decodeCapture(smsgGroupListCodec, GROUP_LIST_PARTY);
    assert.equal(party.groupGuid, 0x1f50000000000001n);
    assert.equal(party.counter, 67);
    assert.deepEqual(party.members, [{ name: "Imbued", guid: 6n, status: 0, subGroup: 0, flags: 0, roles: 0 }]);
    assert.equal(party.leaderGuid, 6n);
    assert.deepEqual(party.loot, { lootMethod: 3, masterLooterGuid: 0n, lootThreshold: 2, dungeonDifficulty: 0, raidDifficulty: 0, heroicRaid: false });
    const alone = decodeCapture(smsgGroupListCodec, GROUP_LIST_ALONE);
    assert.deepEqual([alone.members, alone.leaderGuid, alone.loot], [[], 0x30n, undefined]);
    const left = decodeCapture(smsgGroupListCodec, GROUP_LIST_LEFT);
    assert.equal(left.groupType & GroupTypeFlag.LFG, 0);
    assert.deepEqual([left.groupType, left.groupGuid, left.counter], [0x10, 0x1f50000000000007n, 3]);
    assertFuzzSafe(smsgGroupListCodec, GROUP_LIST_PARTY);
  });
});

describe("captured guild packets", () => {
  test("CMSG_GUILD_QUERY and SMSG_GUILD_QUERY_RESPONSE (with AzerothCore's rank count)", () => {
    assert.deepEqual(decodeCapture(cmsgGuildQueryCodec, GUILD_QUERY), { guildId: 1 });
    const response = decodeCapture(smsgGuildQueryResponseCodec, GUILD_QUERY_RESPONSE);
    assert.equal(response.name, "Carpe Kindergarten");
    assert.deepEqual(response.rankNames.filter((name) => name !== ""), ["Guild Master", "Officer", "Veteran", "Member", "Initiate"]);
    assert.equal(response.rankCount, 5);
    assertFuzzSafe(smsgGuildQueryResponseCodec, GUILD_QUERY_RESPONSE);
  });

  test("SMSG_GUILD_ROSTER: no u32 after the GUID (AzerothCore, not wowm), days offline for offline members", () => {
    const roster = decodeCapture(smsgGuildRosterCodec, GUILD_ROSTER);
    assert.equal(roster.motd, "hello brate");
    assert.equal(roster.info, "");
    assert.equal(roster.ranks.length, 5);
    assert.equal(roster.members.length, 20);
    const [adidi, florynel, act] = roster.members;
    assert.deepEqual(
      [adidi?.guid, adidi?.status, adidi?.name, adidi?.rankId, adidi?.level, adidi?.classId, adidi?.gender, adidi?.zoneId],
      [5n, 0, "Adidi", 4, 255, 2, 0, 33],
    );
    assert.ok(adidi?.daysOffline !== undefined && adidi.daysOffline > 20 && adidi.daysOffline < 21);
    assert.deepEqual([florynel?.guid, florynel?.name, florynel?.level], [0x13n, "Florynel", 200]);
    assert.deepEqual(act, { guid: 1n, status: 1, name: "Act", rankId: 0, level: 80, classId: 9, gender: 0, zoneId: 618, publicNote: "", officerNote: "" });
    assert.equal(decodeCapture(smsgGuildRosterCodec, GUILD_ROSTER_21).members.length, 21);
    assertFuzzSafe(smsgGuildRosterCodec, GUILD_ROSTER);
  });

  test("SMSG_GUILD_INFO, SMSG_GUILD_EVENT (MOTD, and sign-off with its GUID), SMSG_GUILD_INVITE", () => {
    assert.deepEqual(decodeCapture(smsgGuildInfoCodec, GUILD_INFO), {
      guildName: "Carpe Kindergarten",
      createdPacked: 340111545,
      memberCount: 30,
      accountCount: 26,
    });
    assert.deepEqual(decodeCapture(smsgGuildEventCodec, GUILD_EVENT_MOTD), { eventType: GuildEventType.MOTD, params: ["ayyyyy"] });
    assert.deepEqual(decodeCapture(smsgGuildEventCodec, GUILD_EVENT_SIGNED_OFF), { eventType: GuildEventType.SIGNED_OFF, params: ["Pont"], guid: 0x30n });
    assert.deepEqual(decodeCapture(smsgGuildInviteCodec, GUILD_INVITE), { inviterName: "Act", guildName: "Carpe Kindergarten" });
    assertFuzzSafe(smsgGuildEventCodec, GUILD_EVENT_SIGNED_OFF);
    assertFuzzSafe(smsgGuildInfoCodec, GUILD_INFO);
  });
});

describe("captured mail packets", () => {
  test("CMSG_GET_MAIL_LIST, SMSG_RECEIVED_MAIL, SMSG_SEND_MAIL_RESULT", () => {
    assert.deepEqual(decodeCapture(cmsgGetMailListCodec, GET_MAIL_LIST), { mailbox: 0x2fc30010187c003n });
    assert.deepEqual(decodeCapture(smsgReceivedMailCodec, RECEIVED_MAIL), { unknown: 0 });
    assert.deepEqual(decodeCapture(smsgSendMailResultCodec, SEND_MAIL_RESULT), { mailId: 0, action: 0, result: 0 });
  });

  test("SMSG_MAIL_LIST_RESULT: sizes match AzerothCore's estimate; items with 7 enchantment slots", () => {
    const one = decodeCapture(smsgMailListResultCodec, MAIL_LIST_ONE);
    assert.equal(one.totalMailCount, 1);
    assert.deepEqual(
      [one.mails[0]?.messageSize, one.mails[0]?.messageId, one.mails[0]?.senderGuid, one.mails[0]?.money, one.mails[0]?.subject],
      [53, 25, 1n, 1234567, "asd"],
    );
    const four = decodeCapture(smsgMailListResultCodec, MAIL_LIST_FOUR);
    assert.deepEqual(four.mails.map((mail) => mail.messageId), [28, 27, 26, 25]);
    for (const mail of four.mails) assert.equal(mail.messageSize, azerothCoreMailSize(mail));
    const cod = four.mails[2];
    assert.deepEqual([cod?.cod, cod?.subject, cod?.items[0]?.itemGuidLow, cod?.items[0]?.itemId, cod?.items[0]?.count], [1234, "haee", 1210, 2592, 1]);
    assert.equal(four.mails[0]?.items[0]?.spellCharges, 0xffffffff);
    assertFuzzSafe(smsgMailListResultCodec, MAIL_LIST_FOUR);
  });
});

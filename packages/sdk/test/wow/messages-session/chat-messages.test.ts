import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  chatPlayerNotFoundCodec,
  ChatMsg,
  ChatTag,
  clientChatMessageCodec,
  gmChatMessageCodec,
  Language,
  serverChatMessageCodec,
  type ServerChatMessage,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, clientPayload, hex, latin1, serverPayload } from "./codec-check.js";

// Captures from an AzerothCore server: metal0/wlink @ 181f6d0d59a899c06ad8286bc8feca6011f501e5
// tests/world/packets/test_chat_packets.py.
const MONSTER_SAY = serverPayload(
  latin1("\x003\x96\x00\x0c\x00\x00\x00\x00k7\x01\xbe\r\x000\xf1\x00\x00\x00\x00\x0e\x00\x00\x00Thomas Miller\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00"),
  Opcode.SMSG_MESSAGECHAT,
);
const SAY = serverPayload(
  latin1("\x00#\x96\x00\x01\x07\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00ay\x00\x04"),
  Opcode.SMSG_MESSAGECHAT,
);
const WHISPER = serverPayload(
  latin1("\x00%\x96\x00\x07\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00ayte\x00\x04"),
  Opcode.SMSG_MESSAGECHAT,
);
const GUILD_ADDON = serverPayload(
  latin1("\x00A\x96\x00\x04\xff\xff\xff\xff\x15\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00!\x00\x00\x00Crb\tS% fa692e 7b5D}'$s'7*Wisplol\x00\x00"),
  Opcode.SMSG_MESSAGECHAT,
);
const GM_PARTY_ADDON = serverPayload(
  latin1("\x006\xb3\x03\x02\xff\xff\xff\xff\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00Act\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0e\x00\x00\x00DBMv4-Ver\tHi!\x00\x04"),
  Opcode.SMSG_GM_MESSAGECHAT,
);

describe("CMSG_MESSAGECHAT", () => {
  it("reads the captured guild message", () => {
    assertVector(
      clientChatMessageCodec,
      clientPayload(latin1("\x00\x1d\x95\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00bongour, brother\x00"), Opcode.CMSG_MESSAGECHAT),
      { type: ChatMsg.GUILD, language: Language.UNIVERSAL, message: "bongour, brother" },
    );
  });

  it("carries the whisper target and the channel name (AzerothCore HandleMessagechatOpcode)", () => {
    const whisper = assertRoundTrip(clientChatMessageCodec, { type: ChatMsg.WHISPER, language: Language.ORCISH, target: "Eco", message: "hi" });
    assert.deepEqual([...whisper], [...hex("07000000 01000000 45636f00 686900")]);
    const channel = assertRoundTrip(clientChatMessageCodec, { type: ChatMsg.CHANNEL, language: Language.COMMON, channel: "world", message: "lfg" });
    assertFuzz(clientChatMessageCodec, channel);
    assertFuzz(clientChatMessageCodec, whisper);
  });

  it("refuses types a client cannot send and misplaced target/channel", () => {
    assert.throws(() => clientChatMessageCodec.decode(hex("00000000 07000000 6100")), /no client layout/);
    assert.throws(() => clientChatMessageCodec.encode({ type: ChatMsg.SAY, language: 7, target: "x", message: "m" }), ProtocolError);
    assert.throws(() => clientChatMessageCodec.encode({ type: ChatMsg.CHANNEL, language: 7, message: "m" }), ProtocolError);
  });
});

describe("SMSG_MESSAGECHAT", () => {
  it("matches the captured monster, say, whisper and addon packets", () => {
    assertVector(serverChatMessageCodec, MONSTER_SAY, {
      type: ChatMsg.MONSTER_SAY, language: Language.UNIVERSAL, senderGuid: 0xf130000dbe01376bn, flags: 0,
      senderName: "Thomas Miller", receiverGuid: 0n, message: "", chatTag: ChatTag.NONE,
    });
    assertVector(serverChatMessageCodec, SAY, {
      type: ChatMsg.SAY, language: Language.COMMON, senderGuid: 1n, flags: 0, receiverGuid: 1n, message: "ay", chatTag: ChatTag.GM,
    });
    assertVector(serverChatMessageCodec, WHISPER, {
      type: ChatMsg.WHISPER, language: Language.UNIVERSAL, senderGuid: 1n, flags: 0, receiverGuid: 1n, message: "ayte", chatTag: ChatTag.GM,
    });
    assertVector(serverChatMessageCodec, GUILD_ADDON, {
      type: ChatMsg.GUILD, language: Language.ADDON, senderGuid: 0x15n, flags: 0, receiverGuid: 0n,
      message: "Crb\tS% fa692e 7b5D}'$s'7*Wisplol", chatTag: ChatTag.NONE,
    });
  });

  it("writes every per-type layout of AzerothCore's BuildChatPacket", () => {
    const base = { language: Language.UNIVERSAL, senderGuid: 0x0700000000000002n, flags: 0, message: "text", chatTag: 0 };
    const creature = 0xf130000dbe01376bn;
    const cases: ServerChatMessage[] = [
      { ...base, type: ChatMsg.SYSTEM, senderGuid: 0n, receiverGuid: 0n },
      { ...base, type: ChatMsg.YELL, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.WHISPER_INFORM, receiverGuid: 0x0700000000000003n },
      { ...base, type: ChatMsg.PARTY, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.RAID, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.RAID_LEADER, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.RAID_WARNING, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.OFFICER, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.EMOTE, receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.CHANNEL, channelName: "world", receiverGuid: base.senderGuid },
      { ...base, type: ChatMsg.WHISPER_FOREIGN, senderName: "Eco", receiverGuid: 1n },
      { ...base, type: ChatMsg.MONSTER_WHISPER, senderGuid: creature, senderName: "Thrall", receiverGuid: 1n },
      { ...base, type: ChatMsg.MONSTER_YELL, senderGuid: creature, senderName: "Thrall", receiverGuid: creature, receiverName: "Jaina" },
      { ...base, type: ChatMsg.MONSTER_EMOTE, senderGuid: creature, senderName: "Thrall", receiverGuid: 0xf14000000000002an },
      { ...base, type: ChatMsg.BG_SYSTEM_HORDE, senderGuid: 0n, receiverGuid: creature, receiverName: "Herald" },
      { ...base, type: ChatMsg.BG_SYSTEM_NEUTRAL, senderGuid: 0n, receiverGuid: 0n },
      { ...base, type: ChatMsg.ACHIEVEMENT, receiverGuid: base.senderGuid, achievementId: 6 },
      { ...base, type: ChatMsg.GUILD_ACHIEVEMENT, receiverGuid: base.senderGuid, achievementId: 1563 },
    ];
    for (const message of cases) assertRoundTrip(serverChatMessageCodec, message);
    // CHAT_MSG_CHANNEL: type, language, sender, flags, channel name, receiver, text (AzerothCore Channel::Say).
    assert.deepEqual(
      [...serverChatMessageCodec.encode(cases[9] as ServerChatMessage)],
      [...hex("11 00000000 0200000000000007 00000000 776f726c6400 0200000000000007 05000000 7465787400 00")],
    );
    // A pet receiver gets no name (IsPet), a creature receiver does.
    assert.equal(serverChatMessageCodec.encode(cases[13] as ServerChatMessage).length, serverChatMessageCodec.encode({ ...(cases[13] as ServerChatMessage), receiverGuid: 1n }).length);
  });

  it("refuses fields a type does not carry and missing ones it needs", () => {
    const say = serverChatMessageCodec.decode(SAY);
    assert.throws(() => serverChatMessageCodec.encode({ ...say, senderName: "x" }), /senderName must be absent/);
    assert.throws(() => serverChatMessageCodec.encode({ ...say, type: ChatMsg.CHANNEL }), /channelName must be given/);
    assert.throws(() => serverChatMessageCodec.encode({ ...say, type: ChatMsg.ACHIEVEMENT }), /achievementId must be given/);
    const badLength = SAY.slice();
    badLength[25] = 4; // length field says 4, "ay\0" is 3
    assert.throws(() => serverChatMessageCodec.decode(badLength), /length field/);
  });

  it("throws only ProtocolError on mutated packets", () => {
    for (const valid of [MONSTER_SAY, SAY, GUILD_ADDON]) assertFuzz(serverChatMessageCodec, valid, 100);
    const monsterWithReceiver = serverChatMessageCodec.encode({
      type: ChatMsg.MONSTER_SAY, language: 0, senderGuid: 0xf130000000000001n, flags: 0, senderName: "A",
      receiverGuid: 0xf130000000000002n, receiverName: "B", message: "m", chatTag: 0,
    });
    assertFuzz(serverChatMessageCodec, monsterWithReceiver, 100);
  });
});

describe("SMSG_GM_MESSAGECHAT", () => {
  it("matches the captured GM party addon message (sender name in the default layout)", () => {
    assertVector(gmChatMessageCodec, GM_PARTY_ADDON, {
      type: ChatMsg.PARTY, language: Language.ADDON, senderGuid: 1n, flags: 0, senderName: "Act", receiverGuid: 0n,
      message: "DBMv4-Ver\tHi!", chatTag: ChatTag.GM,
    });
    assertFuzz(gmChatMessageCodec, GM_PARTY_ADDON, 100);
  });
});

describe("SMSG_CHAT_PLAYER_NOT_FOUND", () => {
  it("is the name alone (AzerothCore SendPlayerNotFoundNotice)", () => {
    assertVector(chatPlayerNotFoundCodec, hex("4e6f626f647900"), { name: "Nobody" });
    assertFuzz(chatPlayerNotFoundCodec, hex("4e6f626f647900"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import type { MessageCodec } from "../../../src/wow/world/message-codec.js";
import {
  channelAnnouncementsCodec,
  channelBanCodec,
  ChannelFlag,
  channelInviteCodec,
  channelKickCodec,
  channelListCodec,
  channelListRequestCodec,
  ChannelMemberFlag,
  channelModerateCodec,
  channelModeratorCodec,
  channelMuteCodec,
  channelNotifyCodec,
  channelNotifyKind,
  channelOwnerCodec,
  channelPasswordCodec,
  channelSetOwnerCodec,
  channelUnbanCodec,
  channelUnmoderatorCodec,
  channelUnmuteCodec,
  ChatNotify,
  joinChannelCodec,
  leaveChannelCodec,
  type ChannelNotify,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, hex, latin1, serverPayload } from "./codec-check.js";

describe("joining and leaving", () => {
  it("CMSG_JOIN_CHANNEL / CMSG_LEAVE_CHANNEL in AzerothCore's read order", () => {
    // HandleJoinChannel: u32 channel id, u8, u8, name, password.
    const join = hex("01000000 00 00 47656e6572616c202d20456c77796e6e20466f7265737400 00");
    assertVector(joinChannelCodec, join, { channelId: 1, unknown1: 0, unknown2: 0, channelName: "General - Elwynn Forest", password: "" });
    // HandleLeaveChannel: u32 (ignored), name.
    const leave = hex("00000000 776f726c6400");
    assertVector(leaveChannelCodec, leave, { channelId: 0, channelName: "world" });
    assertFuzz(joinChannelCodec, join);
    assertFuzz(leaveChannelCodec, leave);
  });
});

describe("SMSG_CHANNEL_NOTIFY", () => {
  it("matches the captured 'you joined' notifies of an AzerothCore server", () => {
    // metal0/wlink @ 181f6d0d tests/world/packets/test_chat_packets.py (commented captures).
    const localDefense = serverPayload(
      latin1("\x00*\x99\x00\x02LocalDefense - Stormwind City\x00\x18\x16\x00\x00\x00\x00\x00\x00\x00"),
      Opcode.SMSG_CHANNEL_NOTIFY,
    );
    assertVector(channelNotifyCodec, localDefense, {
      kind: "you-joined", notify: ChatNotify.YOU_JOINED, channelName: "LocalDefense - Stormwind City",
      channelFlags: ChannelFlag.GENERAL | ChannelFlag.NOT_LFG, channelId: 22, unknown: 0,
    });
    const worldDefense = serverPayload(latin1("\x00\x19\x99\x00\x02WorldDefense\x00\x18\x17\x00\x00\x00\x00\x00\x00\x00"), Opcode.SMSG_CHANNEL_NOTIFY);
    assert.equal(channelNotifyCodec.decode(worldDefense).kind, "you-joined");
    assertFuzz(channelNotifyCodec, localDefense, 100);
  });

  it("writes each payload kind as AzerothCore's Channel::Make* functions do", () => {
    const name = "world";
    const cases: ChannelNotify[] = [
      { kind: "plain", notify: ChatNotify.WRONG_PASSWORD, channelName: name },
      { kind: "player", notify: ChatNotify.JOINED, channelName: name, guid: 7n },
      { kind: "player-name", notify: ChatNotify.CHANNEL_OWNER, channelName: name, name: "Nobody" },
      { kind: "moderation", notify: ChatNotify.PLAYER_BANNED, channelName: name, targetGuid: 8n, actorGuid: 7n },
      { kind: "mode-change", notify: ChatNotify.MODE_CHANGE, channelName: name, guid: 7n, oldFlags: ChannelMemberFlag.NONE, newFlags: ChannelMemberFlag.MODERATOR },
      { kind: "you-left", notify: ChatNotify.YOU_LEFT, channelName: name, channelId: 0, isConstant: false },
    ];
    for (const notify of cases) assertFuzz(channelNotifyCodec, assertRoundTrip(channelNotifyCodec, notify), 40);
    // MakeModeChange: guid, old flags, new flags.
    assert.deepEqual([...channelNotifyCodec.encode(cases[4] as ChannelNotify)], [...hex("0c 776f726c6400 0700000000000000 00 02")]);
    // MakePlayerKicked: the kicked player's GUID first, then the moderator's.
    assert.deepEqual(
      [...channelNotifyCodec.encode({ kind: "moderation", notify: ChatNotify.PLAYER_KICKED, channelName: "a", targetGuid: 2n, actorGuid: 1n })],
      [...hex("12 6100 0200000000000000 0100000000000000")],
    );
  });

  it("knows the payload of every AzerothCore notify type and refuses the rest", () => {
    for (const notify of Object.values(ChatNotify)) assert.ok(channelNotifyKind(notify), `notify 0x${notify.toString(16)}`);
    assert.equal(channelNotifyKind(0x24), undefined);
    assert.throws(() => channelNotifyCodec.decode(hex("24 6100")), /unknown notify type 0x24/);
    assert.throws(() => channelNotifyCodec.encode({ kind: "plain", notify: ChatNotify.JOINED, channelName: "a" }), ProtocolError);
  });
});

describe("channel list", () => {
  it("CMSG_CHANNEL_LIST is the name; SMSG_CHANNEL_LIST starts with AzerothCore's u8 1", () => {
    assertVector(channelListRequestCodec, hex("776f726c6400"), { channelName: "world" });
    // Channel::List: u8 1, name, channel flags, u32 count, { u64 guid, u8 member flags }.
    const list = hex("01 776f726c6400 01 02000000 0700000000000000 03 0800000000000000 00");
    assertVector(channelListCodec, list, {
      listType: 1,
      channelName: "world",
      channelFlags: ChannelFlag.CUSTOM,
      members: [
        { guid: 7n, flags: ChannelMemberFlag.OWNER | ChannelMemberFlag.MODERATOR },
        { guid: 8n, flags: ChannelMemberFlag.NONE },
      ],
    });
    assertFuzz(channelListCodec, list);
  });
});

describe("moderation commands", () => {
  it("each is a channel name, plus a player name or password where AzerothCore reads one", () => {
    const withPlayer: [MessageCodec<{ channelName: string; playerName: string }>, number][] = [
      [channelSetOwnerCodec, Opcode.CMSG_CHANNEL_SET_OWNER],
      [channelModeratorCodec, Opcode.CMSG_CHANNEL_MODERATOR],
      [channelUnmoderatorCodec, Opcode.CMSG_CHANNEL_UNMODERATOR],
      [channelMuteCodec, Opcode.CMSG_CHANNEL_MUTE],
      [channelUnmuteCodec, Opcode.CMSG_CHANNEL_UNMUTE],
      [channelInviteCodec, Opcode.CMSG_CHANNEL_INVITE],
      [channelKickCodec, Opcode.CMSG_CHANNEL_KICK],
      [channelBanCodec, Opcode.CMSG_CHANNEL_BAN],
      [channelUnbanCodec, Opcode.CMSG_CHANNEL_UNBAN],
    ];
    const payload = hex("776f726c6400 45636f00");
    for (const [codec, opcode] of withPlayer) {
      assert.equal(codec.opcode, opcode);
      assertVector(codec, payload, { channelName: "world", playerName: "Eco" });
    }
    const nameOnly: [MessageCodec<{ channelName: string }>, number][] = [
      [channelOwnerCodec, Opcode.CMSG_CHANNEL_OWNER],
      [channelAnnouncementsCodec, Opcode.CMSG_CHANNEL_ANNOUNCEMENTS],
      [channelModerateCodec, Opcode.CMSG_CHANNEL_MODERATE],
    ];
    for (const [codec, opcode] of nameOnly) {
      assert.equal(codec.opcode, opcode);
      assertVector(codec, hex("776f726c6400"), { channelName: "world" });
    }
    assertVector(channelPasswordCodec, hex("776f726c6400 73656372657400"), { channelName: "world", password: "secret" });
    assertFuzz(channelKickCodec, payload);
    assertFuzz(channelModerateCodec, hex("776f726c6400"));
    assertFuzz(channelPasswordCodec, hex("776f726c6400 73656300"));
  });
});

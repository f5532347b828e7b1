import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  addFriendCodec,
  addIgnoreCodec,
  contactListCodec,
  contactListRequestCodec,
  delFriendCodec,
  delIgnoreCodec,
  FriendsResult,
  FriendStatus,
  friendStatusCodec,
  setContactNotesCodec,
  SocialFlag,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, hex, latin1, serverPayload } from "./codec-check.js";

describe("contact list", () => {
  it("matches the captured empty SMSG_CONTACT_LIST", () => {
    // metal0/wlink @ 181f6d0d tests/world/packets/test_friendslist_packets.py.
    assertVector(contactListCodec, serverPayload(latin1("\x00\ng\x00\x07\x00\x00\x00\x00\x00\x00\x00"), Opcode.SMSG_CONTACT_LIST), {
      flags: SocialFlag.ALL,
      contacts: [],
    });
    assertVector(contactListRequestCodec, hex("07000000"), { flags: SocialFlag.ALL });
  });

  it("writes friends and ignores as AzerothCore's PlayerSocial::SendSocialList does", () => {
    // guid, u32 flags, note; friends add u8 status and, unless offline, u32 area, level, class.
    const payload = hex(`
      07000000 03000000
      0200000000000007 01000000 6d61696e00 01 ef050000 50000000 04000000
      0300000000000007 01000000 00 00
      0400000000000007 02000000 00`);
    assertVector(contactListCodec, payload, {
      flags: SocialFlag.ALL,
      contacts: [
        { guid: 0x0700000000000002n, flags: SocialFlag.FRIEND, note: "main", presence: { status: FriendStatus.ONLINE, area: 1519, level: 80, classId: 4 } },
        { guid: 0x0700000000000003n, flags: SocialFlag.FRIEND, note: "", presence: { status: FriendStatus.OFFLINE, area: 0, level: 0, classId: 0 } },
        { guid: 0x0700000000000004n, flags: SocialFlag.IGNORED, note: "" },
      ],
    });
    // AzerothCore sends area/level/class for AFK and DND too (wow_messages only for ONLINE).
    assertRoundTrip(contactListCodec, {
      flags: SocialFlag.FRIEND,
      contacts: [{ guid: 5n, flags: SocialFlag.FRIEND, note: "", presence: { status: FriendStatus.AFK, area: 12, level: 10, classId: 1 } }],
    });
    assert.throws(() => contactListCodec.encode({ flags: 1, contacts: [{ guid: 1n, flags: SocialFlag.FRIEND, note: "" }] }), ProtocolError);
    assertFuzz(contactListCodec, payload);
  });
});

describe("friend and ignore commands", () => {
  it("read in AzerothCore's order", () => {
    const add = hex("45636f00 6d61696e00");
    assertVector(addFriendCodec, add, { name: "Eco", note: "main" });
    assertVector(delFriendCodec, hex("0200000000000007"), { guid: 0x0700000000000002n });
    const notes = hex("0200000000000007 616c7400");
    assertVector(setContactNotesCodec, notes, { guid: 0x0700000000000002n, note: "alt" });
    assertVector(addIgnoreCodec, hex("45636f00"), { name: "Eco" });
    assertVector(delIgnoreCodec, hex("0200000000000007"), { guid: 0x0700000000000002n });
    assertFuzz(addFriendCodec, add);
    assertFuzz(setContactNotesCodec, notes);
    assertFuzz(delIgnoreCodec, hex("0200000000000007"));
  });
});

describe("SMSG_FRIEND_STATUS", () => {
  it("carries the note and presence per result, as SocialMgr::SendFriendStatus writes them", () => {
    const guid = 0x0700000000000002n;
    const presence = { status: FriendStatus.ONLINE, area: 1519, level: 80, classId: 4 };
    assertVector(friendStatusCodec, hex("06 0200000000000007 6d61696e00 01 ef050000 50000000 04000000"), {
      result: FriendsResult.ADDED_ONLINE, guid, note: "main", presence,
    });
    assertVector(friendStatusCodec, hex("07 0200000000000007 00"), { result: FriendsResult.ADDED_OFFLINE, guid, note: "" });
    assertVector(friendStatusCodec, hex("02 0200000000000007 01 ef050000 50000000 04000000"), { result: FriendsResult.ONLINE, guid, presence });
    assertVector(friendStatusCodec, hex("03 0200000000000007"), { result: FriendsResult.OFFLINE, guid });
    assertVector(friendStatusCodec, hex("0f 0200000000000007"), { result: FriendsResult.IGNORE_ADDED, guid });
    assert.throws(() => friendStatusCodec.encode({ result: FriendsResult.ONLINE, guid }), /presence is given exactly/);
    assert.throws(() => friendStatusCodec.encode({ result: FriendsResult.REMOVED, guid, note: "x" }), /note is given exactly/);
    assertFuzz(friendStatusCodec, hex("06 0200000000000007 6d61696e00 01 ef050000 50000000 04000000"));
  });
});

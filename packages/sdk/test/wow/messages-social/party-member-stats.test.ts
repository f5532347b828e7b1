// SMSG_PARTY_MEMBER_STATS(_FULL): vectors written out by hand from AzerothCore's
// WorldSession::BuildPartyMemberStatsChangedPacket and HandleRequestPartyMemberStatsOpcode
// (GroupHandler.cpp), including the offline answer and the pet/vehicle branches.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  cmsgRequestPartyMemberStatsCodec,
  GroupUpdateFlag,
  partyMemberStatsMask,
  smsgPartyMemberStatsCodec,
  smsgPartyMemberStatsFullCodec,
  type PartyMemberStats,
} from "../../../src/wow/world/messages/party-member-stats.js";
import { assertFuzzSafe, assertVector, cstr, hex, u32, u64 } from "./helpers.js";

describe("party member stats", () => {
  // Mask STATUS | CUR_HP | MAX_HP | LEVEL | ZONE | AURAS = 0x2C7; auras in slots 0 and 5.
  const changed: PartyMemberStats = {
    guid: 5n,
    status: 0x0001,
    currentHealth: 1500,
    maxHealth: 2000,
    level: 80,
    zoneId: 1519,
    auras: [
      { slot: 0, spellId: 48441, flags: 1 },
      { slot: 5, spellId: 1243, flags: 1 },
    ],
  };
  const changedBytes = hex(
    "01 05" + u32(0x2c7) + "0100" + u32(1500) + u32(2000) + "5000" + "ef05" +
      u64(0x21n) + u32(48441) + "01" + u32(1243) + "01",
  );

  test("SMSG_PARTY_MEMBER_STATS: packed guid, mask, then the masked fields in bit order", () => {
    assert.equal(partyMemberStatsMask(changed), 0x2c7);
    assertVector(smsgPartyMemberStatsCodec, changedBytes, changed);
  });

  test("every field with a pet and a vehicle seat", () => {
    const full: PartyMemberStats = {
      guid: 0x0700000000000009n,
      status: 0x0003,
      currentHealth: 10,
      maxHealth: 20,
      powerType: 3,
      currentPower: 50,
      maxPower: 100,
      level: 12,
      zoneId: 12,
      position: { x: 0xfe0c, y: 300 },
      auras: [],
      petGuid: 0xf140000000000011n,
      petName: "Wolf",
      petModelId: 903,
      petCurrentHealth: 5,
      petMaxHealth: 6,
      petPowerType: 2,
      petCurrentPower: 7,
      petMaxPower: 100,
      petAuras: [{ slot: 63, spellId: 24604, flags: 0x13 }],
      vehicleSeat: 281,
    };
    const bytes = hex(
      "81 09 07" + u32(0xfffff) + "0300" + u32(10) + u32(20) + "03" + "3200" + "6400" + "0c00" + "0c00" + "0cfe" + "2c01" +
        u64(0n) + u64(0xf140000000000011n) + cstr("Wolf") + "8703" + u32(5) + u32(6) + "02" + "0700" + "6400" +
        u64(1n << 63n) + u32(24604) + "13" + u32(281),
    );
    assert.equal(partyMemberStatsMask(full), 0xfffff);
    assertVector(smsgPartyMemberStatsCodec, bytes, full);
  });

  test("SMSG_PARTY_MEMBER_STATS_FULL starts with AzerothCore's extra byte; the offline answer", () => {
    // HandleRequestPartyMemberStatsOpcode for a player not found: u8 0, packed guid, STATUS, OFFLINE.
    const offline = hex("00" + "01 2a" + u32(GroupUpdateFlag.STATUS) + "0000");
    assertVector(smsgPartyMemberStatsFullCodec, offline, { leadingByte: 0, guid: 0x2an, status: 0 });
    assertVector(smsgPartyMemberStatsFullCodec, hex("00" + Buffer.from(changedBytes).toString("hex")), {
      leadingByte: 0,
      ...changed,
    });
    assertFuzzSafe(smsgPartyMemberStatsFullCodec, offline);
  });

  test("unknown mask bits and badly ordered aura slots are refused", () => {
    assert.throws(() => smsgPartyMemberStatsCodec.decode(hex("01 05" + u32(0x100000))), ProtocolError);
    assert.throws(
      () => smsgPartyMemberStatsCodec.encode({ guid: 1n, auras: [{ slot: 5, spellId: 1, flags: 0 }, { slot: 2, spellId: 1, flags: 0 }] }),
      ProtocolError,
    );
    assert.throws(() => smsgPartyMemberStatsCodec.encode({ guid: 1n, auras: [{ slot: 64, spellId: 1, flags: 0 }] }), ProtocolError);
  });

  test("CMSG_REQUEST_PARTY_MEMBER_STATS: u64 guid", () => {
    assertVector(cmsgRequestPartyMemberStatsCodec, hex(u64(0x2an)), { guid: 0x2an });
    assertFuzzSafe(cmsgRequestPartyMemberStatsCodec, hex(u64(0x2an)));
  });

  test("fuzz", () => {
    assertFuzzSafe(smsgPartyMemberStatsCodec, changedBytes);
  });
});

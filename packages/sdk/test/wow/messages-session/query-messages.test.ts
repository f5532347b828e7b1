import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  nameQueryCodec,
  nameQueryResponseCodec,
  whoRequestCodec,
  whoResponseCodec,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, clientPayload, hex, latin1, serverPayload } from "./codec-check.js";

describe("name query", () => {
  it("matches the captured CMSG_NAME_QUERY and SMSG_NAME_QUERY_RESPONSE", () => {
    // metal0/wlink @ 181f6d0d tests/world/packets/test_world_packets.py (AzerothCore server).
    assertVector(nameQueryCodec, clientPayload(latin1("\x00\x0cP\x00\x00\x00\x1f\x00\x00\x00\x00\x00\x00\x00"), Opcode.CMSG_NAME_QUERY), {
      guid: 0x1fn,
    });
    const found = serverPayload(latin1("\x00\x0eQ\x00\x01\x1f\x00Eco\x00\x00\x01\x01\x04\x00"), Opcode.SMSG_NAME_QUERY_RESPONSE);
    assertVector(nameQueryResponseCodec, found, { guid: 0x1fn, character: { name: "Eco", realmName: "", race: 1, gender: 1, classId: 4 } });
    assertFuzz(nameQueryResponseCodec, found);
    assertFuzz(nameQueryCodec, hex("1f00000000000000"));
  });

  it("writes the not-found form and declined names as AzerothCore's QueryPackets.cpp does", () => {
    // Packed GUID (mask 01, byte 1f) and NameUnknown = 1; nothing follows.
    assertVector(nameQueryResponseCodec, hex("011f01"), { guid: 0x1fn });
    const declined = assertRoundTrip(nameQueryResponseCodec, {
      guid: 0x0700000000000042n,
      character: { name: "Иван", realmName: "", race: 2, gender: 0, classId: 1, declinedNames: ["Ивана", "Ивану", "Ивана", "Иваном", "Иване"] },
    });
    assertFuzz(nameQueryResponseCodec, declined, 60);
    assert.throws(
      () => nameQueryResponseCodec.encode({ guid: 1n, character: { name: "A", realmName: "", race: 1, gender: 0, classId: 1, declinedNames: ["x"] } }),
      ProtocolError,
    );
  });
});

describe("who", () => {
  it("decodes the captured empty SMSG_WHO", () => {
    assertVector(whoResponseCodec, serverPayload(latin1("\x00\nc\x00\x00\x00\x00\x00\x00\x00\x00\x00"), Opcode.SMSG_WHO), {
      matchCount: 0,
      players: [],
    });
  });

  it("writes rows as AzerothCore's HandleWhoOpcode does: u32 level, class, race, u8 gender, u32 zone", () => {
    const payload = hex(`
      01000000 03000000
      45636f00 4d79204775696c6400 50000000 04000000 01000000 01 ef050000`);
    assertVector(whoResponseCodec, payload, {
      matchCount: 3,
      players: [{ name: "Eco", guildName: "My Guild", level: 80, classId: 4, race: 1, gender: 1, zone: 1519 }],
    });
    assertFuzz(whoResponseCodec, payload);
  });

  it("reads CMSG_WHO with zones and search strings, refusing more than 10 zones or 4 strings", () => {
    // Field order of AzerothCore's HandleWhoOpcode.
    const payload = hex(`
      01000000 50000000 00 00 ffffffff ffffffff
      01000000 ef050000
      01000000 65636f00`);
    assertVector(whoRequestCodec, payload, {
      minLevel: 1, maxLevel: 80, playerName: "", guildName: "", raceMask: 0xffffffff, classMask: 0xffffffff, zones: [1519], searchStrings: ["eco"],
    });
    assert.throws(() => whoRequestCodec.decode(hex("01000000 50000000 00 00 ffffffff ffffffff 0b000000")), /exceeds the limit of 10/);
    assert.throws(
      () => whoRequestCodec.encode({ minLevel: 1, maxLevel: 80, playerName: "", guildName: "", raceMask: 0, classMask: 0, zones: [], searchStrings: ["a", "b", "c", "d", "e"] }),
      ProtocolError,
    );
    assertFuzz(whoRequestCodec, payload);
  });
});

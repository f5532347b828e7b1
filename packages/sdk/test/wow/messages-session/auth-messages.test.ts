import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import { Opcode } from "../../../src/wow/opcodes/opcode-table.js";
import {
  ADDON_PUBLIC_KEY,
  authChallengeCodec,
  authResponseCodec,
  authSessionCodec,
  buildAddonInfoReply,
  createAddonInfoCodec,
  Expansion,
  ResponseCode,
  STANDARD_ADDON_CRC,
} from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz, assertRoundTrip, assertVector, clientPayload, hex, latin1, serverPayload, toHex } from "./codec-check.js";

// Real 3.3.5a traffic with an AzerothCore server, captured by metal0/wlink @
// 181f6d0d59a899c06ad8286bc8feca6011f501e5: tests/world/packets/test_auth_packets.py (challenge,
// session, response) and tests/world/packets/test_world_packets.py (SMSG_ADDON_INFO).
const CHALLENGE = serverPayload(
  hex("002aec01010000004c6f82e4ab892d3d480a9898d510f879f862479fad62c8815ff00fd85e5ab6b4031684e9"),
  Opcode.SMSG_AUTH_CHALLENGE,
);
const SESSION = clientPayload(
  hex(`
  011bed010000343000000000000041444d494e00000000005b41159d0000000000000000010000000200000000000000c98c9205
  d6cd9c0978507ee2fce00702b035a21b9e020000789c75d24d4ec4300c05e0700a36dc84159d91aa8ac98666d6c84d1eadd5c4a9
  d274feeec17d113b90dcf5673d5b4f7e36c634911f0f2ae1f3cd4f8c0b12a49e3bf394ae2f27f3cf0b8474d97ce52caa35540694
  75cacb0ed71af1c588c1b270a2451b62092ca31a70a008095434ca69a07acae3ae39dcaa82470cdbe8728eab826dbc2f937a4a6b
  0f13e9ddb5b6dfca05771d378ea1219955ed645de0f5d8ae22f5d9cfa87bf558f225abf2411c5470bf8deafb1c2758121aa1f5ed
  f20cfd095ca1807ee618f79805e5afbd7e1fdf7f00e127c88d`),
  Opcode.CMSG_AUTH_SESSION,
);
const ADDON_INFO = serverPayload(
  latin1(`\x00\xbe\xef\x02${"\x02\x01\x00\x00\x00\x00\x00\x00".repeat(23)}\x00\x00\x00\x00`),
  Opcode.SMSG_ADDON_INFO,
);
const AUTH_OK = serverPayload(hex("000DEE010C00000000000000000002"), Opcode.SMSG_AUTH_RESPONSE);

describe("SMSG_AUTH_CHALLENGE", () => {
  it("matches a real capture", () => {
    assertVector(authChallengeCodec, CHALLENGE, {
      unknown: 1,
      serverSeed: hex("4c6f82e4"),
      seed: hex("ab892d3d480a9898d510f879f862479fad62c8815ff00fd85e5ab6b4031684e9"),
    });
    assertFuzz(authChallengeCodec, CHALLENGE);
  });
});

describe("CMSG_AUTH_SESSION", () => {
  it("decodes a real 3.3.5a session with its 23 Blizzard addons and re-encodes it byte for byte", () => {
    const session = authSessionCodec.decode(SESSION);
    assert.equal(session.build, 12340);
    assert.equal(session.account, "ADMIN");
    assert.equal(session.realmId, 1);
    assert.equal(session.dosResponse, 2n);
    assert.equal(toHex(session.clientSeed), "5b41159d");
    assert.equal(session.addonInfo.addons.length, 23);
    assert.deepEqual(session.addonInfo.addons[0], { name: "Blizzard_AchievementUI", enabled: 1, crc: STANDARD_ADDON_CRC, urlCrc: 0 });
    assert.equal(session.addonInfo.lastBannedAddonTimestamp, 1262785851);
    assert.equal(toHex(authSessionCodec.encode(session)), toHex(SESSION));
  });

  it("recompresses the parsed addons when the raw block is dropped", () => {
    const { addonInfo, ...rest } = authSessionCodec.decode(SESSION);
    const recompressed = authSessionCodec.decode(
      authSessionCodec.encode({ ...rest, addonInfo: { addons: addonInfo.addons, lastBannedAddonTimestamp: addonInfo.lastBannedAddonTimestamp } }),
    );
    assert.deepEqual(recompressed.addonInfo.addons, addonInfo.addons);
    assert.equal(recompressed.addonInfo.lastBannedAddonTimestamp, addonInfo.lastBannedAddonTimestamp);
  });

  it("refuses a session without addon block, as AzerothCore does", () => {
    assert.throws(() => authSessionCodec.decode(SESSION.subarray(0, SESSION.length - 217)), /addon block is missing/);
  });

  it("throws only ProtocolError on mutated sessions", () => {
    assertFuzz(authSessionCodec, SESSION, 100);
  });
});

describe("SMSG_ADDON_INFO", () => {
  it("AzerothCore's reply to the captured addon list equals the captured reply", () => {
    const session = authSessionCodec.decode(SESSION);
    const codec = createAddonInfoCodec(session.addonInfo.addons.length);
    const reply = buildAddonInfoReply(session.addonInfo.addons);
    assert.equal(toHex(codec.encode(reply)), toHex(ADDON_INFO));
    assertVector(codec, ADDON_INFO, reply);
    assertFuzz(codec, ADDON_INFO, 100);
  });

  it("sends the public key for a non-standard CRC and round-trips banned addons and URLs", () => {
    const reply = buildAddonInfoReply([{ name: "MyAddon", enabled: 1, crc: 0x12345678, urlCrc: 0 }], [
      { id: 7, nameMd5: new Uint8Array(16).fill(1), versionMd5: new Uint8Array(16).fill(2), timestamp: 1700000000, isBanned: 1 },
    ]);
    assert.equal(reply.addons[0]?.keyCheck?.publicKey, ADDON_PUBLIC_KEY);
    assert.equal(ADDON_PUBLIC_KEY.length, 256);
    assert.equal(toHex(ADDON_PUBLIC_KEY.subarray(0, 4)), "c35b5084");
    const codec = createAddonInfoCodec(2);
    const bytes = assertRoundTrip(codec, { ...reply, addons: [...reply.addons, { state: 1, url: "https://example.org" }] });
    const fuzzCodec = createAddonInfoCodec(2);
    assertFuzz(fuzzCodec, bytes, 60);
    assert.throws(() => createAddonInfoCodec(3).encode(reply), ProtocolError);
  });
});

describe("SMSG_AUTH_RESPONSE", () => {
  const billing = { timeRemaining: 0, planFlags: 0, timeRested: 0, expansion: Expansion.WRATH_OF_THE_LICH_KING };

  it("matches the captured AUTH_OK", () => {
    assertVector(authResponseCodec, AUTH_OK, { result: ResponseCode.AUTH_OK, billing });
  });

  it("writes every form AzerothCore sends", () => {
    // WorldSocket::SendAuthResponseError: the code alone (also wow_messages' 1.12 AUTH_FAILED vector `0d`).
    assertVector(authResponseCodec, hex("0d"), { result: ResponseCode.AUTH_FAILED });
    // WorldSession::SendAuthResponse(AUTH_WAIT_QUEUE, false, 5): billing, then u32 position and u8 0.
    assertVector(authResponseCodec, hex("1b 00000000 00 00000000 02 05000000 00"), {
      result: ResponseCode.AUTH_WAIT_QUEUE,
      billing,
      queue: { position: 5, freeCharacterMigration: false },
    });
    // WorldSession::SendAuthWaitQueue(3) while queued, and SendAuthWaitQueue(0) (bare AUTH_OK) when through.
    assertVector(authResponseCodec, hex("1b 03000000 00"), { result: ResponseCode.AUTH_WAIT_QUEUE, queue: { position: 3, freeCharacterMigration: false } });
    assertVector(authResponseCodec, hex("0c"), { result: ResponseCode.AUTH_OK });
    assert.throws(() => authResponseCodec.encode({ result: ResponseCode.AUTH_OK, queue: { position: 1, freeCharacterMigration: false } }), ProtocolError);
    assert.throws(() => authResponseCodec.decode(hex("0c 01000000 00")), ProtocolError);
  });

  it("throws only ProtocolError on mutations", () => {
    assertFuzz(authResponseCodec, AUTH_OK);
    assertFuzz(authResponseCodec, hex("1b 00000000 00 00000000 02 05000000 00"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  AuthResult,
  AZEROTHCORE_ACCOUNT_FLAGS,
  AZEROTHCORE_VERSION_CHALLENGE,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  logonProofRequestCodec,
  logonProofResponseCodec,
  RealmFlag,
  realmListRequestCodec,
  realmListResponseCodec,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  type LogonChallengeSuccess,
} from "../../../src/wow/logon/index.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, "latin1"));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

// Real 3.3.5a traffic captured by metal0/wlink @ 181f6d0d59a899c06ad8286bc8feca6011f501e5,
// tests/auth/packets/test_packets.py.
const CAPTURED_CHALLENGE_REQUEST = hex("00082300576f57000303053430363878006e69570053556e65d4feffff0ab3cd730541444d494e");
const CAPTURED_CHALLENGE_REPLY = hex(`
  0000006f168b46a9cd26b0adb481c59d92ba2f8e5432918abb90f0805677cc085d6a07010720b79b3e2a87823cab8f5ebfbf8e
  b10108535006298b5badbd5b53e1895e644b89fb348ce3fd604ea01f910e12b900588375197e0172df0ae9df5fac2e22227ea6
  c5a970407fe7d52276c97e13e71695d300`);
const CAPTURED_PROOF_REQUEST = hex(`
  01aab3826c0963de7881f5741733d7b8c2fb98b6f14bf33a790e6d376793895a06f122681f01b74c8b4100f5856fbcc03d80da
  65f378f6fd38b5843abf6884d7ca207b4187b84ec6d10000`);
const CAPTURED_PROOF_REPLY = hex("0100503e596c7ffe437f1d87506014552473877fc2ff00008000000000000000");
const CAPTURED_REALM_LIST = latin1(
  "\x10g\x00\x00\x00\x00\x00\x02\x00\x01\x00\x04Frosthold\x0051.91.152.139:19090\x00\x00\x00\x00\x00\x01\x05\x04\x03\x03\x0540" +
    "\x01\x00\x04Frosthold Proxy\x0046.29.17.245:47212\x00\x00\x00\x00\x00\x00\x05\n\x03\x03\x0540\x10\x00",
);

// gtker/wow_messages @ e1c9e15a8b94fce76cbd433cf49bd67c376a99d7, wow_message_parser/wowm/login/**
// test blocks (login version 8 unless noted).
const WOWM_CHALLENGE_REQUEST_1_12 = hex("00031f00576f5700010c01f316363878006e69570042476e653c0000007f0000010141");
const WOWM_RECONNECT_REQUEST_16_CHARS = hex(
  "02022e00576f5700010c01f316363878006e69570042476e653c0000007f000001104142434445464748494a4b4c4d4e4f50",
);
const WOWM_CHALLENGE_PREFIX =
  "00000049d8c2bc685c2bce4af4fa070a479378587846b583d441829e24d887ceda3446010720b79b3e2a87823cab8f5ebfbf8eb1" +
  "0108535006298b5badbd5b53e1895e644b89c709877d8c655266a57db8653d6ea62bb554f20bcf74d64a77a7d33df3309087baa31e" +
  "99a00b2157fc373fb369cdd2f1";
const WOWM_PROOF_REQUEST_PREFIX =
  "01f13ee5d183c4c8a9500e3f5a5d8aee4e2e45e1f7cc8f1cf5ee8e11ced31dd7086b1e481b4d04a118d8f2de5c59d55c812e65ec3e" +
  "4ef52de1805e1a6715ecc841eeb8908a58bb00d0";
const WOWM_RECONNECT_PROOF = hex(
  "03eafab9c618150bf2f932ce27627996996b6d1a0df3a59e6a3802e70be12f0571ba478ca328a79e9a2428e682edecc7c9e86ef13b7be1e0f500",
);

describe("logon challenge request", () => {
  it("decodes and re-encodes a real 3.3.5a client challenge byte for byte", () => {
    const request = logonChallengeRequestCodec.decode(CAPTURED_CHALLENGE_REQUEST);
    assert.deepEqual(request, {
      protocolVersion: 8,
      gameName: "WoW",
      version: { major: 3, minor: 3, patch: 5, build: 12340 },
      platform: "x86",
      os: "Win",
      locale: "enUS",
      timezoneBias: -300,
      clientIp: "10.179.205.115",
      accountName: "ADMIN",
    });
    assert.equal(toHex(logonChallengeRequestCodec.encode(request)), toHex(CAPTURED_CHALLENGE_REQUEST));
  });

  it("reads the wow_messages 1.12 vector (same layout, protocol 3) and a 16-character reconnect challenge", () => {
    const request = logonChallengeRequestCodec.decode(WOWM_CHALLENGE_REQUEST_1_12);
    assert.equal(request.locale, "enGB");
    assert.equal(request.clientIp, "127.0.0.1");
    assert.equal(request.timezoneBias, 60);
    assert.equal(request.accountName, "A");
    const reconnect = reconnectChallengeRequestCodec.decode(WOWM_RECONNECT_REQUEST_16_CHARS);
    assert.equal(reconnect.accountName, "ABCDEFGHIJKLMNOP");
    assert.equal(toHex(reconnectChallengeRequestCodec.encode(reconnect)), toHex(WOWM_RECONNECT_REQUEST_16_CHARS));
  });

  it("refuses a name length that does not match size - 30, as AzerothCore does", () => {
    const broken = CAPTURED_CHALLENGE_REQUEST.slice();
    broken[33] = 4; // name length byte says 4, size says 35 - 30 = 5
    assert.throws(() => logonChallengeRequestCodec.decode(broken), /size - 30 == length/);
  });

  it("refuses challenges above AzerothCore's 51-byte limit and names longer than 17 bytes", () => {
    const request = logonChallengeRequestCodec.decode(CAPTURED_CHALLENGE_REQUEST);
    assert.throws(() => logonChallengeRequestCodec.encode({ ...request, accountName: "A".repeat(18) }), ProtocolError);
    const encoded17 = logonChallengeRequestCodec.encode({ ...request, accountName: "B".repeat(17) });
    assert.equal(encoded17.length, 51);
    assert.equal(logonChallengeRequestCodec.decode(encoded17).accountName, "B".repeat(17));
  });
});

describe("logon challenge reply", () => {
  it("decodes a real AzerothCore-style success reply (119 bytes, no two-factor)", () => {
    const reply = logonChallengeResponseCodec.decode(CAPTURED_CHALLENGE_REPLY);
    assert.equal(reply.kind, "success");
    const success = reply as LogonChallengeSuccess;
    assert.equal(toHex(success.generator), "07");
    assert.equal(toHex(success.largeSafePrime), "b79b3e2a87823cab8f5ebfbf8eb10108535006298b5badbd5b53e1895e644b89");
    assert.equal(success.pin, undefined);
    assert.equal(toHex(logonChallengeResponseCodec.encode(reply)), toHex(CAPTURED_CHALLENGE_REPLY));
  });

  it("round-trips every wow_messages two-factor form", () => {
    for (const suffix of ["00", "01efbeadde000102030405060708090a0b0c0d0e0f", "0401", "02ffeeddccdecafaefbeadde00", "06ffeeddccdecafaefbeadde0001"]) {
      const packet = hex(WOWM_CHALLENGE_PREFIX + suffix);
      const reply = logonChallengeResponseCodec.decode(packet);
      assert.equal(toHex(logonChallengeResponseCodec.encode(reply)), toHex(packet));
    }
    const pin = logonChallengeResponseCodec.decode(hex(`${WOWM_CHALLENGE_PREFIX}01efbeadde000102030405060708090a0b0c0d0e0f`));
    assert.equal(pin.kind === "success" && pin.pin?.gridSeed, 0xdeadbeef);
    const card = logonChallengeResponseCodec.decode(hex(`${WOWM_CHALLENGE_PREFIX}02ffeeddccdecafaefbeadde00`));
    assert.equal(card.kind === "success" && card.matrixCard?.seed, 0xdeadbeeffacaden);
  });

  it("encodes the 3-byte failure forms (wow_messages 00 00 05, AzerothCore's suspended 00 00 0c)", () => {
    assert.equal(toHex(logonChallengeResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_INCORRECT_PASSWORD })), "000005");
    assert.deepEqual(logonChallengeResponseCodec.decode(hex("00000c")), { kind: "failure", result: AuthResult.WOW_FAIL_SUSPENDED });
    assert.throws(() => logonChallengeResponseCodec.encode({ kind: "failure", result: 0 }), ProtocolError);
  });

  it("refuses unknown security flags and an N longer than 32 bytes", () => {
    assert.throws(() => logonChallengeResponseCodec.decode(hex(`${WOWM_CHALLENGE_PREFIX}08`)), /security flags/);
    const longPrime = CAPTURED_CHALLENGE_REPLY.slice();
    longPrime[37] = 33;
    assert.throws(() => logonChallengeResponseCodec.decode(longPrime), /largeSafePrime length 33/);
  });
});

describe("logon proof", () => {
  it("decodes and re-encodes a real 75-byte client proof", () => {
    const request = logonProofRequestCodec.decode(CAPTURED_PROOF_REQUEST);
    assert.equal(request.numberOfKeys, 0);
    assert.equal(toHex(request.clientPublicKey), toHex(CAPTURED_PROOF_REQUEST.subarray(1, 33)));
    assert.equal(toHex(logonProofRequestCodec.encode(request)), toHex(CAPTURED_PROOF_REQUEST));
  });

  it("reads wow_messages' PIN proof and writes an authenticator token after the 75 bytes", () => {
    const pinPacket = hex(`${WOWM_PROOF_REQUEST_PREFIX}0001${"000102030405060708090a0b0c0d0e0f"}${"000102030405060708090a0b0c0d0e0f10111213"}`);
    const pin = logonProofRequestCodec.decode(pinPacket);
    assert.equal(pin.pin?.salt.length, 16);
    assert.equal(toHex(logonProofRequestCodec.encode(pin)), toHex(pinPacket));
    const withToken = logonProofRequestCodec.encode({ ...logonProofRequestCodec.decode(CAPTURED_PROOF_REQUEST), authenticatorToken: "123456" });
    assert.equal(withToken.length, 75 + 1 + 6);
    assert.equal(withToken[74], 0x04);
    assert.equal(logonProofRequestCodec.decode(withToken).authenticatorToken, "123456");
  });

  it("decodes the real 32-byte success reply and the failure forms", () => {
    const reply = logonProofResponseCodec.decode(CAPTURED_PROOF_REPLY);
    assert.equal(reply.kind === "success" && reply.accountFlags, AZEROTHCORE_ACCOUNT_FLAGS);
    assert.equal(toHex(logonProofResponseCodec.encode(reply)), toHex(CAPTURED_PROOF_REPLY));
    assert.deepEqual(logonProofResponseCodec.decode(hex("01070000")), { kind: "failure", result: AuthResult.WOW_FAIL_NO_TIME, loginFlags: 0 });
    // AzerothCore: a wrong password is `01 04 00 00`, VERSION_INVALID only `01 09` (AuthSession.cpp).
    assert.equal(toHex(logonProofResponseCodec.encode({ kind: "failure", result: AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT, loginFlags: 0 })), "01040000");
    assert.deepEqual(logonProofResponseCodec.decode(hex("0109")), { kind: "failure", result: AuthResult.WOW_FAIL_VERSION_INVALID });
  });
});

describe("reconnect", () => {
  it("round-trips the wow_messages reconnect vectors", () => {
    const success = hex("0200000102030405060708090a0b0c0d0e0ffffefdfcfbfaf9f8f7f6f5f4f3f2f1f0");
    const reply = reconnectChallengeResponseCodec.decode(success);
    assert.equal(reply.kind, "success");
    assert.equal(toHex(reconnectChallengeResponseCodec.encode(reply)), toHex(success));
    assert.deepEqual(reconnectChallengeResponseCodec.decode(hex("0203")), { kind: "failure", result: AuthResult.WOW_FAIL_BANNED });
    const proof = reconnectProofRequestCodec.decode(WOWM_RECONNECT_PROOF);
    assert.equal(toHex(proof.clientData), "eafab9c618150bf2f932ce2762799699");
    assert.equal(toHex(reconnectProofRequestCodec.encode(proof)), toHex(WOWM_RECONNECT_PROOF));
    assert.deepEqual(reconnectProofResponseCodec.decode(hex("03000000")), { result: 0, loginFlags: 0 });
    assert.deepEqual(reconnectProofResponseCodec.decode(hex("03100000")), { result: AuthResult.WOW_FAIL_LOCKED_ENFORCED, loginFlags: 0 });
    assert.equal(toHex(reconnectProofResponseCodec.encode({ result: AuthResult.WOW_FAIL_VERSION_INVALID })), "0309");
  });

  it("writes AzerothCore's version challenge in a success reply", () => {
    const bytes = reconnectChallengeResponseCodec.encode({
      kind: "success",
      challengeData: new Uint8Array(16),
      versionChallenge: AZEROTHCORE_VERSION_CHALLENGE,
    });
    assert.equal(bytes.length, 34);
    assert.equal(toHex(bytes.subarray(18)), "baa31e99a00b2157fc373fb369cdd2f1");
  });
});

describe("realm list", () => {
  it("encodes the 5-byte request", () => {
    assert.equal(toHex(realmListRequestCodec.encode({})), "1000000000");
    assert.deepEqual(realmListRequestCodec.decode(hex("1000000000")), {});
  });

  it("decodes and re-encodes a real reply with version blocks and AzerothCore's 10 00 footer", () => {
    const reply = realmListResponseCodec.decode(CAPTURED_REALM_LIST);
    assert.equal(reply.realms.length, 2);
    assert.deepEqual(reply.realms[0], {
      type: 1,
      locked: false,
      flags: RealmFlag.SPECIFY_BUILD,
      name: "Frosthold",
      address: "51.91.152.139:19090",
      population: 0,
      characterCount: 1,
      timezone: 5,
      id: 4,
      build: { major: 3, minor: 3, patch: 5, build: 12340 },
    });
    assert.equal(toHex(realmListResponseCodec.encode(reply)), toHex(CAPTURED_REALM_LIST));
  });

  it("ignores wow_messages' 00 00 footer and writes AzerothCore's 10 00 instead", () => {
    const wowm = hex("101b00000000000100000004410041000000c843010002010c01f3160000");
    const reply = realmListResponseCodec.decode(wowm);
    assert.deepEqual(reply.realms[0]?.build, { major: 1, minor: 12, patch: 1, build: 5875 });
    assert.equal(reply.realms[0]?.population, 400);
    const encoded = realmListResponseCodec.encode(reply);
    assert.equal(toHex(encoded), `${toHex(wowm.subarray(0, wowm.length - 2))}1000`);
    const noBuild = realmListResponseCodec.decode(hex("101600000000000100000003410041000000c8430100020000"));
    assert.equal(noBuild.realms[0]?.flags, RealmFlag.VERSION_MISMATCH | RealmFlag.OFFLINE);
  });

  it("refuses a size field that disagrees with the bytes", () => {
    const broken = CAPTURED_REALM_LIST.slice();
    broken[1] = 0x66;
    assert.throws(() => realmListResponseCodec.decode(broken), /size field/);
  });
});

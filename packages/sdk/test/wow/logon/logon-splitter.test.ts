import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  createLogonSplitter,
  LogonCommand,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  logonProofRequestCodec,
  logonProofResponseCodec,
  measureClientPacket,
  measureServerPacket,
  realmListRequestCodec,
  realmListResponseCodec,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  type LogonCodec,
} from "../../../src/wow/logon/index.js";
import { assertOnlyProtocolErrors, mutations } from "../fuzz.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));

// Real captures (metal0/wlink @ 181f6d0d tests/auth/packets/test_packets.py) and gtker/wow_messages
// @ e1c9e15a login test blocks; see logon-codecs.test.ts.
const CHALLENGE_REQUEST = hex("00082300576f57000303053430363878006e69570053556e65d4feffff0ab3cd730541444d494e");
const PROOF_REQUEST = hex(
  "01aab3826c0963de7881f5741733d7b8c2fb98b6f14bf33a790e6d376793895a06f122681f01b74c8b4100f5856fbcc03d80da65f378f6fd38b5843abf6884d7ca207b4187b84ec6d10000",
);
const RECONNECT_PROOF = hex(
  "03eafab9c618150bf2f932ce27627996996b6d1a0df3a59e6a3802e70be12f0571ba478ca328a79e9a2428e682edecc7c9e86ef13b7be1e0f500",
);
const CHALLENGE_REPLY = hex(
  "0000006f168b46a9cd26b0adb481c59d92ba2f8e5432918abb90f0805677cc085d6a07010720b79b3e2a87823cab8f5ebfbf8eb10108535006298b5badbd5b53e1895e644b89fb348ce3fd604ea01f910e12b900588375197e0172df0ae9df5fac2e22227ea6c5a970407fe7d52276c97e13e71695d300",
);
const CHALLENGE_REPLY_2FA = hex(
  "00000049d8c2bc685c2bce4af4fa070a479378587846b583d441829e24d887ceda3446010720b79b3e2a87823cab8f5ebfbf8eb10108535006298b5badbd5b53e1895e644b89c709877d8c655266a57db8653d6ea62bb554f20bcf74d64a77a7d33df3309087baa31e99a00b2157fc373fb369cdd2f106ffeeddccdecafaefbeadde0001",
);
const PROOF_REPLY = hex("0100503e596c7ffe437f1d87506014552473877fc2ff00008000000000000000");
const RECONNECT_REPLY = hex("0200000102030405060708090a0b0c0d0e0ffffefdfcfbfaf9f8f7f6f5f4f3f2f1f0");
const REALM_LIST_REPLY = hex("101b00000000000100000004410041000000c843010002010c01f3160000");

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

describe("logon splitters", () => {
  it("cuts a client byte stream fed one byte at a time", () => {
    const stream = concat(CHALLENGE_REQUEST, PROOF_REQUEST, hex("1000000000"), CHALLENGE_REQUEST.map((byte, i) => (i === 0 ? 2 : byte)), RECONNECT_PROOF);
    const splitter = createLogonSplitter("client-to-server");
    const packets = [];
    for (const byte of stream) packets.push(...splitter.push(Uint8Array.of(byte)));
    assert.deepEqual(
      packets.map((packet) => [packet.command, packet.bytes.length]),
      [
        [LogonCommand.LOGON_CHALLENGE, 39],
        [LogonCommand.LOGON_PROOF, 75],
        [LogonCommand.REALM_LIST, 5],
        [LogonCommand.RECONNECT_CHALLENGE, 39],
        [LogonCommand.RECONNECT_PROOF, 58],
      ],
    );
    assert.equal(splitter.bufferedBytes, 0);
  });

  it("cuts a server byte stream including the short failure forms", () => {
    const failures = [hex("000005"), hex("01040000"), hex("0109"), hex("0203"), hex("03000000"), hex("0309")];
    const stream = concat(CHALLENGE_REPLY, CHALLENGE_REPLY_2FA, PROOF_REPLY, RECONNECT_REPLY, REALM_LIST_REPLY, ...failures);
    const splitter = createLogonSplitter("server-to-client");
    const lengths = [...splitter.push(stream)].map((packet) => packet.bytes.length);
    assert.deepEqual(lengths, [119, CHALLENGE_REPLY_2FA.length, 32, 34, REALM_LIST_REPLY.length, 3, 4, 2, 2, 4, 2]);
  });

  it("reports how many bytes are still needed", () => {
    assert.deepEqual(measureClientPacket(new Uint8Array(0)), { kind: "incomplete", needed: 1 });
    assert.deepEqual(measureClientPacket(CHALLENGE_REQUEST.subarray(0, 3)), { kind: "incomplete", needed: 4 });
    assert.deepEqual(measureClientPacket(CHALLENGE_REQUEST.subarray(0, 10)), { kind: "incomplete", needed: 39 });
    assert.deepEqual(measureClientPacket(PROOF_REQUEST.subarray(0, 40)), { kind: "incomplete", needed: 75 });
    const withToken = logonProofRequestCodec.encode({ ...logonProofRequestCodec.decode(PROOF_REQUEST), authenticatorToken: "654321" });
    assert.deepEqual(measureClientPacket(withToken.subarray(0, 75)), { kind: "incomplete", needed: 76 });
    assert.deepEqual(measureClientPacket(withToken), { kind: "complete", command: LogonCommand.LOGON_PROOF, length: 82 });
    assert.deepEqual(measureServerPacket(CHALLENGE_REPLY.subarray(0, 35)), { kind: "incomplete", needed: 36 });
    assert.deepEqual(measureServerPacket(REALM_LIST_REPLY.subarray(0, 3)), { kind: "incomplete", needed: REALM_LIST_REPLY.length });
  });

  it("refuses unknown commands and oversized challenges with a ProtocolError", () => {
    assert.throws(() => measureClientPacket(hex("30")), (error: unknown) => error instanceof ProtocolError && /unknown logon command 0x30/.test(error.message));
    assert.throws(() => measureServerPacket(hex("ff")), ProtocolError);
    const oversized = CHALLENGE_REQUEST.slice();
    oversized[2] = 48; // 4 + 48 = 52 > 51
    assert.throws(() => measureClientPacket(oversized), /above 51/);
    const splitter = createLogonSplitter("client-to-server");
    const pending = splitter.push(concat(hex("1000000000"), hex("77")));
    assert.equal(pending.next().value?.command, LogonCommand.REALM_LIST);
    assert.throws(() => pending.next(), (error: unknown) => error instanceof ProtocolError && error.offset === 5);
  });

  it("only ever throws ProtocolError from the measure functions", () => {
    for (const valid of [CHALLENGE_REQUEST, PROOF_REQUEST, RECONNECT_PROOF]) {
      assertOnlyProtocolErrors(measureClientPacket, mutations(valid, { randomCount: 100 }));
    }
    for (const valid of [CHALLENGE_REPLY_2FA, PROOF_REPLY, RECONNECT_REPLY, REALM_LIST_REPLY]) {
      assertOnlyProtocolErrors(measureServerPacket, mutations(valid, { randomCount: 100 }));
    }
  });
});

describe("logon decoders under fuzzing", () => {
  const cases: [string, LogonCodec<unknown>, Uint8Array][] = [
    ["logon challenge request", logonChallengeRequestCodec, CHALLENGE_REQUEST],
    ["reconnect challenge request", reconnectChallengeRequestCodec, CHALLENGE_REQUEST.map((byte, i) => (i === 0 ? 2 : byte))],
    ["logon challenge reply", logonChallengeResponseCodec, CHALLENGE_REPLY_2FA],
    ["logon proof request", logonProofRequestCodec, logonProofRequestCodec.encode({ ...logonProofRequestCodec.decode(PROOF_REQUEST), authenticatorToken: "1" })],
    ["logon proof reply", logonProofResponseCodec, PROOF_REPLY],
    ["reconnect challenge reply", reconnectChallengeResponseCodec, RECONNECT_REPLY],
    ["reconnect proof request", reconnectProofRequestCodec, RECONNECT_PROOF],
    ["reconnect proof reply", reconnectProofResponseCodec, hex("03000000")],
    ["realm list request", realmListRequestCodec, hex("1000000000")],
    ["realm list reply", realmListResponseCodec, REALM_LIST_REPLY],
  ];
  for (const [name, codec, valid] of cases) {
    it(`${name}: decodes the valid packet and throws only ProtocolError on mutations`, () => {
      codec.decode(valid);
      const outcome = assertOnlyProtocolErrors((bytes) => codec.decode(bytes), mutations(valid));
      assert.ok(outcome.rejected > 0);
    });
  }
});

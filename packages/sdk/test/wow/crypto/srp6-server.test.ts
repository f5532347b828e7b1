import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTc9Error } from "../../../src/errors.js";
import { bigintFromLittleEndian } from "../../../src/wow/crypto/bytes.js";
import { SRP6_LARGE_SAFE_PRIME_BYTES } from "../../../src/wow/crypto/srp6-constants.js";
import { createReconnectChallenge, Srp6Server, verifyReconnectProof } from "../../../src/wow/crypto/srp6-server.js";
import { bytesToHex, column, hexToBytes, readVectorRows } from "./vector-file.js";

// walkline/ToCloud9 apps/authserver/crypto/srp6/srp6_test.go @ cc31fa84018e3dd2d400f828c37fe48ab6220e8e
// (TestSRP6VerifyChallengeResponse): account ADMIN, its stored salt/verifier, a fixed b and the
// A/M1 a real client sent.
const toCloud9Logon = {
  username: "ADMIN",
  salt: Uint8Array.of(39, 32, 164, 237, 123, 182, 213, 12, 150, 197, 10, 186, 141, 89, 23, 101, 226, 252, 166, 144, 1, 131, 4, 64, 92, 83, 201, 188, 117, 80, 67, 4),
  verifier: Uint8Array.of(218, 129, 159, 190, 228, 213, 162, 80, 37, 65, 81, 59, 148, 105, 211, 156, 133, 121, 201, 12, 248, 86, 42, 24, 39, 141, 72, 233, 232, 237, 93, 61),
  serverPrivateKey: Uint8Array.of(55, 32, 242, 56, 169, 54, 240, 113, 125, 40, 199, 165, 13, 232, 179, 155, 50, 170, 39, 210, 181, 252, 114, 188, 218, 210, 140, 194, 239, 71, 142, 45),
  clientPublicKey: Uint8Array.of(121, 83, 168, 57, 8, 98, 11, 103, 71, 189, 75, 152, 0, 119, 196, 218, 186, 114, 69, 107, 250, 94, 144, 57, 140, 22, 255, 93, 101, 62, 232, 66),
  clientProof: Uint8Array.of(130, 97, 204, 98, 61, 208, 36, 84, 197, 233, 128, 14, 233, 198, 82, 95, 2, 52, 128, 57),
};

// Same file, TestReconnectChallengeValid.
const toCloud9Reconnect = {
  username: "ADMIN",
  clientData: Uint8Array.of(233, 248, 19, 122, 141, 205, 37, 95, 0, 231, 254, 63, 7, 128, 206, 157),
  serverChallenge: Uint8Array.of(245, 75, 232, 199, 75, 73, 133, 142, 157, 29, 19, 101, 22, 210, 137, 91),
  sessionKey: Uint8Array.of(39, 91, 5, 20, 186, 53, 80, 110, 73, 20, 199, 246, 34, 235, 14, 23, 138, 84, 52, 215, 61, 120, 119, 1, 124, 0, 76, 23, 54, 217, 213, 136, 241, 140, 124, 12, 172, 101, 227, 124),
  clientProof: Uint8Array.of(132, 61, 17, 12, 194, 243, 44, 205, 171, 199, 208, 14, 129, 208, 167, 234, 153, 155, 19, 112),
};

const hasCode = (code: string) => (error: unknown) => isTc9Error(error) && error.code === code;

describe("Srp6Server", () => {
  it("accepts the A/M1 of ToCloud9's ADMIN logon vector and returns K and M2", () => {
    const server = new Srp6Server(toCloud9Logon);
    const result = server.verifyClientProof(toCloud9Logon.clientPublicKey, toCloud9Logon.clientProof);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.sessionKey.length, 40);
    assert.equal(result.serverProof.length, 20);
  });

  it("takes the stored name case-insensitively (basic Latin), like the upper-casing client", () => {
    const server = new Srp6Server({ ...toCloud9Logon, username: "admin" });
    assert.equal(server.verifyClientProof(toCloud9Logon.clientPublicKey, toCloud9Logon.clientProof).ok, true);
  });

  it("rejects a wrong M1 (wrong password) without a session key", () => {
    const wrongProof = Uint8Array.from(toCloud9Logon.clientProof);
    wrongProof[19] = (wrongProof[19] ?? 0) ^ 0x01;
    const result = new Srp6Server(toCloud9Logon).verifyClientProof(toCloud9Logon.clientPublicKey, wrongProof);
    assert.deepEqual(result, { ok: false, reason: "client-proof-mismatch" });
  });

  it("rejects A = 0 and A = N (A ≡ 0 mod N)", () => {
    for (const clientPublicKey of [new Uint8Array(32), Uint8Array.from(SRP6_LARGE_SAFE_PRIME_BYTES)]) {
      const result = new Srp6Server(toCloud9Logon).verifyClientProof(clientPublicKey, toCloud9Logon.clientProof);
      assert.deepEqual(result, { ok: false, reason: "client-public-key-invalid" });
    }
  });

  it("verifies only once per instance", () => {
    const server = new Srp6Server(toCloud9Logon);
    server.verifyClientProof(toCloud9Logon.clientPublicKey, toCloud9Logon.clientProof);
    assert.throws(
      () => server.verifyClientProof(toCloud9Logon.clientPublicKey, toCloud9Logon.clientProof),
      hasCode("TC9_ERR_CRYPTO_SRP6_SERVER_REUSED"),
    );
  });

  it("refuses salts, verifiers and keys of the wrong length", () => {
    assert.throws(() => new Srp6Server({ ...toCloud9Logon, salt: new Uint8Array(31) }), hasCode("TC9_ERR_CRYPTO_INPUT_LENGTH"));
    assert.throws(() => new Srp6Server({ ...toCloud9Logon, verifier: new Uint8Array(33) }), hasCode("TC9_ERR_CRYPTO_INPUT_LENGTH"));
    assert.throws(
      () => new Srp6Server(toCloud9Logon).verifyClientProof(new Uint8Array(31), toCloud9Logon.clientProof),
      hasCode("TC9_ERR_CRYPTO_INPUT_LENGTH"),
    );
  });

  it("always sends B as 32 bytes, keeping high zero bytes", () => {
    // Walk deterministic private keys until B < 2^248, i.e. its last little-endian byte is 0
    // (about 1 in 137 keys); ToCloud9 once sent such a B one byte short.
    let shortB: Uint8Array | undefined;
    for (let seed = 0; seed < 5000 && shortB === undefined; seed++) {
      const serverPrivateKey = new Uint8Array(32);
      serverPrivateKey[0] = seed & 0xff;
      serverPrivateKey[1] = seed >> 8;
      serverPrivateKey[31] = (seed * 17) & 0xff;
      const { serverPublicKey } = new Srp6Server({ ...toCloud9Logon, serverPrivateKey });
      assert.equal(serverPublicKey.length, 32);
      if (serverPublicKey[31] === 0) shortB = serverPublicKey;
    }
    assert.ok(shortB, "expected to meet a B below 2^248");
    assert.ok(bigintFromLittleEndian(shortB) < 1n << 248n);
  });

  it("draws a fresh random b for every instance", () => {
    const first = new Srp6Server({ ...toCloud9Logon, serverPrivateKey: undefined });
    const second = new Srp6Server({ ...toCloud9Logon, serverPrivateKey: undefined });
    assert.notEqual(bytesToHex(first.serverPublicKey), bytesToHex(second.serverPublicKey));
  });
});

describe("reconnect proof (server side)", () => {
  it("accepts ToCloud9's reconnect vector", () => {
    assert.equal(verifyReconnectProof(toCloud9Reconnect), true);
  });

  it("rejects a proof for another challenge or another name", () => {
    const otherChallenge = Uint8Array.from(toCloud9Reconnect.serverChallenge);
    otherChallenge[0] = (otherChallenge[0] ?? 0) ^ 0xff;
    assert.equal(verifyReconnectProof({ ...toCloud9Reconnect, serverChallenge: otherChallenge }), false);
    assert.equal(verifyReconnectProof({ ...toCloud9Reconnect, username: "ADMIM" }), false);
  });

  it("accepts wow_srp's reconnect vectors", () => {
    const rows = readVectorRows("srp6-reconnect-proof.txt", 5);
    for (const row of rows) {
      const check = {
        username: column(row, 0),
        clientData: hexToBytes(column(row, 1)),
        serverChallenge: hexToBytes(column(row, 2)),
        sessionKey: hexToBytes(column(row, 3)),
        clientProof: hexToBytes(column(row, 4)),
      };
      assert.equal(verifyReconnectProof(check), true, row.join(" "));
    }
  });

  it("creates 16-byte random challenges", () => {
    const first = createReconnectChallenge();
    const second = createReconnectChallenge();
    assert.equal(first.length, 16);
    assert.notEqual(bytesToHex(first), bytesToHex(second));
  });
});

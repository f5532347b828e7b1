import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTc9Error } from "../../../src/errors.js";
import { makeRegistrationData } from "../../../src/wow/crypto/account-credentials.js";
import { SRP6_GENERATOR_BYTES, SRP6_LARGE_SAFE_PRIME_BYTES } from "../../../src/wow/crypto/srp6-constants.js";
import { createReconnectProof, Srp6Client } from "../../../src/wow/crypto/srp6-client.js";
import { STANDARD_SRP6_GROUP, srp6GroupFromWire } from "../../../src/wow/crypto/srp6-group.js";
import { createReconnectChallenge, Srp6Server, verifyReconnectProof } from "../../../src/wow/crypto/srp6-server.js";
import { bytesToHex } from "./vector-file.js";

const hasCode = (code: string) => (error: unknown) => isTc9Error(error) && error.code === code;

/** Registers an account, then runs one logon challenge → proof exchange between the two halves. */
function logon(registered: { username: string; password: string }, typed: { username: string; password: string }) {
  const account = makeRegistrationData(registered.username, registered.password);
  const server = new Srp6Server({ username: account.username, salt: account.salt, verifier: account.verifier });
  const client = new Srp6Client({
    username: typed.username,
    password: typed.password,
    salt: server.salt,
    serverPublicKey: server.serverPublicKey,
    generator: SRP6_GENERATOR_BYTES,
    largeSafePrime: SRP6_LARGE_SAFE_PRIME_BYTES,
  });
  return { client, result: server.verifyClientProof(client.clientPublicKey, client.clientProof) };
}

describe("SRP6 client ↔ server round trip", () => {
  it("logs in, agrees on K and lets the client verify M2", () => {
    const { client, result } = logon({ username: "Tester", password: "Secret123" }, { username: "TESTER", password: "SECRET123" });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(bytesToHex(result.sessionKey), bytesToHex(client.sessionKey));
    assert.equal(client.verifyServerProof(result.serverProof), true);
  });

  it("upper-cases the typed name and password like the real client", () => {
    const { result } = logon({ username: "TESTER", password: "SECRET" }, { username: "tester", password: "secret" });
    assert.equal(result.ok, true);
  });

  it("rejects a wrong password", () => {
    const { result } = logon({ username: "TESTER", password: "SECRET" }, { username: "TESTER", password: "SECRET!" });
    assert.deepEqual(result, { ok: false, reason: "client-proof-mismatch" });
  });

  it("does not upper-case non-Latin letters, so 'é' and 'É' stay different passwords", () => {
    const { result } = logon({ username: "TESTER", password: "café" }, { username: "TESTER", password: "CAFÉ" });
    assert.equal(result.ok, false);
  });

  it("refuses an M2 that is not the server's", () => {
    const { client, result } = logon({ username: "A", password: "B" }, { username: "A", password: "B" });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    const forged = Uint8Array.from(result.serverProof);
    forged[0] = (forged[0] ?? 0) ^ 0x80;
    assert.equal(client.verifyServerProof(forged), false);
  });

  it("computes the same A and M1 for the same injected private key", () => {
    const options = {
      username: "ALICE",
      password: "PW",
      salt: new Uint8Array(32).fill(7),
      serverPublicKey: new Uint8Array(32).fill(9),
      clientPrivateKey: new Uint8Array(32).fill(3),
    };
    const first = new Srp6Client(options);
    const second = new Srp6Client(options);
    assert.equal(bytesToHex(first.clientPublicKey), bytesToHex(second.clientPublicKey));
    assert.equal(bytesToHex(first.clientProof), bytesToHex(second.clientProof));
  });

  it("refuses a server whose B ≡ 0 (mod N)", () => {
    for (const serverPublicKey of [new Uint8Array(32), Uint8Array.from(SRP6_LARGE_SAFE_PRIME_BYTES)]) {
      assert.throws(
        () => new Srp6Client({ username: "A", password: "B", salt: new Uint8Array(32), serverPublicKey }),
        hasCode("TC9_ERR_CRYPTO_SRP6_PUBLIC_KEY_INVALID"),
      );
    }
  });

  it("recognises the standard group from its wire bytes and refuses a degenerate one", () => {
    assert.equal(srp6GroupFromWire(SRP6_GENERATOR_BYTES, SRP6_LARGE_SAFE_PRIME_BYTES), STANDARD_SRP6_GROUP);
    assert.throws(() => srp6GroupFromWire(Uint8Array.of(1), SRP6_LARGE_SAFE_PRIME_BYTES), hasCode("TC9_ERR_CRYPTO_SRP6_GROUP_INVALID"));
  });
});

describe("reconnect proof round trip", () => {
  it("is accepted by the server for the session key of the last logon", () => {
    const { result } = logon({ username: "TESTER", password: "SECRET" }, { username: "TESTER", password: "SECRET" });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    const serverChallenge = createReconnectChallenge();
    const proof = createReconnectProof({ username: "tester", serverChallenge, sessionKey: result.sessionKey });
    assert.equal(proof.clientData.length, 16);
    assert.equal(
      verifyReconnectProof({ username: "TESTER", serverChallenge, sessionKey: result.sessionKey, ...proof }),
      true,
    );
    const staleKey = Uint8Array.from(result.sessionKey);
    staleKey[39] = (staleKey[39] ?? 0) ^ 0x01;
    assert.equal(verifyReconnectProof({ username: "TESTER", serverChallenge, sessionKey: staleKey, ...proof }), false);
  });
});

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import {
  computeClientProof,
  computeClientPublicKey,
  computeClientSharedSecret,
  computePasswordHash,
  computeReconnectProof,
  computeScramblingParameter,
  computeServerProof,
  computeServerPublicKey,
  computeServerSharedSecret,
  computeVerifier,
  interleaveSessionKey,
} from "../../../src/wow/crypto/srp6-math.js";
import { SRP6_GROUP_HASH, SRP6_LARGE_SAFE_PRIME_BYTES } from "../../../src/wow/crypto/srp6-constants.js";
import { bytesToHex, column, hexToBytes, littleEndianFromBigEndianHex as le, readVectorRows } from "./vector-file.js";

// Row-by-row checks against gtker/wow_srp's generated vectors (see each file's header line).

describe("SRP6 constants", () => {
  it("encodes N little-endian as on the wire", () => {
    assert.equal(bytesToHex(SRP6_LARGE_SAFE_PRIME_BYTES), "b79b3e2a87823cab8f5ebfbf8eb10108535006298b5badbd5b53e1895e644b89");
  });

  it("computes H(N) xor H(g) equal to wow_srp's precomputed constant", () => {
    assert.equal(bytesToHex(SRP6_GROUP_HASH), "dd7bb03a38ac731103987c5a506fca966c7bc2a7");
  });
});

describe("SRP6 formulas against wow_srp vectors", () => {
  it("x from username and password (fixed salt)", () => {
    const salt = le("CAC94AF32D817BA64B13F18FDEDEF92AD4ED7EF7AB0E19E9F2AE13C828AEAF57", 32);
    const rows = readVectorRows("srp6-x-by-credentials.txt", 3);
    for (const row of rows) {
      const x = computePasswordHash(column(row, 0), column(row, 1), salt);
      assert.equal(bytesToHex(x), bytesToHex(le(column(row, 2), 20)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("x from salt (fixed credentials)", () => {
    const rows = readVectorRows("srp6-x-by-salt.txt", 2);
    for (const row of rows) {
      const x = computePasswordHash("USERNAME123", "PASSWORD123", le(column(row, 0), 32));
      assert.equal(bytesToHex(x), bytesToHex(le(column(row, 1), 20)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("verifier v = g^x mod N", () => {
    const rows = readVectorRows("srp6-verifier.txt", 4);
    for (const row of rows) {
      const v = computeVerifier(column(row, 0), column(row, 1), le(column(row, 2), 32));
      assert.equal(bytesToHex(v), bytesToHex(le(column(row, 3), 32)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("server public key B = 3v + g^b", () => {
    const rows = readVectorRows("srp6-server-public-key.txt", 3);
    for (const row of rows) {
      const publicKey = computeServerPublicKey(le(column(row, 0), 32), le(column(row, 1), 32));
      assert.equal(bytesToHex(publicKey), bytesToHex(le(column(row, 2), 32)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("client public key A = g^a", () => {
    const rows = readVectorRows("srp6-client-public-key.txt", 2);
    for (const row of rows) {
      const publicKey = computeClientPublicKey(le(column(row, 0), 32));
      assert.equal(bytesToHex(publicKey), bytesToHex(le(column(row, 1), 32)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("scrambling parameter u = SHA1(A | B)", () => {
    const rows = readVectorRows("srp6-scrambling-parameter.txt", 3);
    for (const row of rows) {
      const u = computeScramblingParameter(le(column(row, 0), 32), le(column(row, 1), 32));
      assert.equal(bytesToHex(u), bytesToHex(le(column(row, 2), 20)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("server S = (A * v^u)^b", () => {
    const rows = readVectorRows("srp6-server-shared-secret.txt", 5);
    for (const row of rows) {
      const secret = computeServerSharedSecret(
        le(column(row, 0), 32),
        le(column(row, 1), 32),
        le(column(row, 2), 20),
        le(column(row, 3), 32),
      );
      assert.equal(bytesToHex(secret), bytesToHex(le(column(row, 4), 32)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("client S = (B - 3g^x)^(a + ux)", () => {
    const rows = readVectorRows("srp6-client-shared-secret.txt", 5);
    for (const row of rows) {
      const secret = computeClientSharedSecret(
        le(column(row, 0), 32),
        le(column(row, 2), 20),
        le(column(row, 1), 32),
        le(column(row, 3), 20),
      );
      assert.equal(bytesToHex(secret), bytesToHex(le(column(row, 4), 32)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("session key K = SHA1-interleave(S)", () => {
    const rows = readVectorRows("srp6-interleaved-session-key.txt", 2);
    for (const row of rows) {
      assert.equal(bytesToHex(interleaveSessionKey(hexToBytes(column(row, 0)))), column(row, 1).toLowerCase(), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("session key from A, v and b through B, u and S", () => {
    const rows = readVectorRows("srp6-session-key.txt", 4);
    for (const row of rows) {
      const clientPublicKey = hexToBytes(column(row, 0));
      const verifier = hexToBytes(column(row, 1));
      const serverPrivateKey = hexToBytes(column(row, 2));
      const serverPublicKey = computeServerPublicKey(verifier, serverPrivateKey);
      const u = computeScramblingParameter(clientPublicKey, serverPublicKey);
      const secret = computeServerSharedSecret(clientPublicKey, verifier, u, serverPrivateKey);
      assert.equal(bytesToHex(interleaveSessionKey(secret)), column(row, 3).toLowerCase(), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("client proof M1", () => {
    const rows = readVectorRows("srp6-client-proof.txt", 6);
    for (const row of rows) {
      const proof = computeClientProof(
        column(row, 0),
        hexToBytes(column(row, 1)),
        le(column(row, 2), 32),
        le(column(row, 3), 32),
        le(column(row, 4), 32),
      );
      assert.equal(bytesToHex(proof), bytesToHex(le(column(row, 5), 20)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("server proof M2 = SHA1(A | M1 | K)", () => {
    const rows = readVectorRows("srp6-server-proof.txt", 4);
    for (const row of rows) {
      const proof = computeServerProof(le(column(row, 0), 32), le(column(row, 1), 20), hexToBytes(column(row, 2)));
      assert.equal(bytesToHex(proof), bytesToHex(le(column(row, 3), 20)), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("reconnect proof R2 = SHA1(USER | R1 | challenge | K)", () => {
    const rows = readVectorRows("srp6-reconnect-proof.txt", 5);
    for (const row of rows) {
      const proof = computeReconnectProof(
        column(row, 0),
        hexToBytes(column(row, 1)),
        hexToBytes(column(row, 2)),
        hexToBytes(column(row, 3)),
      );
      assert.equal(bytesToHex(proof), column(row, 4).toLowerCase(), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });
});

describe("SHA1 interleave with leading zero bytes (AzerothCore SRP6::SHA1Interleave)", () => {
  const sha1 = (bytes: Uint8Array): Buffer => createHash("sha1").update(bytes).digest();
  /** The interleave written out long-hand for a key that starts at `start` (already even). */
  const expectedFrom = (secret: Uint8Array, start: number): string => {
    const rest = secret.subarray(start);
    const even = sha1(rest.filter((_, index) => index % 2 === 0));
    const odd = sha1(rest.filter((_, index) => index % 2 === 1));
    const key = Buffer.alloc(40);
    for (let index = 0; index < 20; index++) {
      key[2 * index] = even[index] ?? 0;
      key[2 * index + 1] = odd[index] ?? 0;
    }
    return key.toString("hex");
  };
  const secretWithLeadingZeros = (zeroCount: number): Uint8Array => {
    const secret = new Uint8Array(32);
    for (let index = zeroCount; index < 32; index++) secret[index] = (index * 37 + 11) & 0xff || 1;
    return secret;
  };

  it("skips an even number of leading zeros as is", () => {
    const secret = secretWithLeadingZeros(2);
    assert.equal(bytesToHex(interleaveSessionKey(secret)), expectedFrom(secret, 2));
  });

  it("rounds an odd number of leading zeros up, dropping the first non-zero byte", () => {
    const secret = secretWithLeadingZeros(3);
    assert.equal(bytesToHex(interleaveSessionKey(secret)), expectedFrom(secret, 4));
    assert.notEqual(bytesToHex(interleaveSessionKey(secret)), expectedFrom(secret, 2));
  });

  it("hashes two empty halves for an all-zero S", () => {
    assert.equal(bytesToHex(interleaveSessionKey(new Uint8Array(32))), expectedFrom(new Uint8Array(0), 0));
  });
});

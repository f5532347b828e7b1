import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTc9Error } from "../../../src/errors.js";
import { computeAuthSessionDigest, verifyAuthSessionDigest } from "../../../src/wow/crypto/auth-session-digest.js";
import { toUpperLatinOnly } from "../../../src/wow/crypto/srp6-identity.js";
import { bytesToHex, column, hexToBytes, readVectorRows, u32LittleEndian } from "./vector-file.js";

// Fixed logins from gtker/wow_srp src/wrath_header/mod.rs @5428c4fd722005ea1be2e866d6f0e5d3000b7cd4:
// verify_headers (a real 3.3.5a client capture), verify_login and verify_errors. Seeds there are
// u32 values; on the wire they are their little-endian bytes.
const realCapture = {
  account: "A",
  sessionKey: Uint8Array.of(
    1, 51, 81, 113, 146, 209, 181, 133, 131, 129, 50, 206, 122, 228, 208, 115, 52, 15, 132, 54,
    189, 17, 178, 157, 178, 3, 35, 186, 202, 151, 226, 58, 162, 188, 65, 174, 60, 18, 152, 7,
  ),
  clientSeed: u32LittleEndian(3567746900),
  serverSeed: u32LittleEndian(3818341363),
  digest: Uint8Array.of(145, 164, 79, 1, 159, 98, 226, 16, 5, 12, 237, 65, 135, 95, 214, 190, 65, 92, 15, 77),
};
const verifyLogin = {
  account: "A",
  sessionKey: Uint8Array.of(
    115, 0, 100, 222, 18, 15, 156, 194, 27, 1, 216, 229, 165, 207, 78, 233, 183, 241, 248, 73,
    190, 142, 14, 89, 44, 235, 153, 190, 103, 206, 34, 88, 45, 199, 104, 175, 79, 108, 93, 48,
  ),
  clientSeed: u32LittleEndian(1266519981),
  serverSeed: u32LittleEndian(0xdeadbeef),
  digest: Uint8Array.of(202, 54, 102, 180, 90, 87, 9, 107, 217, 97, 235, 56, 221, 203, 108, 19, 109, 141, 137, 7),
};
const verifyErrors = {
  account: "A",
  sessionKey: hexToBytes("2efee7b0c177ebbdff6676c56efc2339be9cad14bf8b54bb5a86fbf81f6d424aa23cc9a3149fb175"),
  clientSeed: u32LittleEndian(0),
  serverSeed: u32LittleEndian(0xdeadbeef),
  digest: Uint8Array.of(171, 16, 181, 52, 139, 193, 19, 213, 173, 100, 0, 37, 65, 184, 70, 148, 36, 169, 17, 228),
};

describe("CMSG_AUTH_SESSION digest", () => {
  it("matches the digest of the real 3.3.5a capture and the fixed logins", () => {
    for (const login of [realCapture, verifyLogin, verifyErrors]) {
      assert.equal(bytesToHex(computeAuthSessionDigest(login)), bytesToHex(login.digest));
      assert.equal(verifyAuthSessionDigest(login, login.digest), true);
    }
  });

  it("rejects a digest for another client seed, session key, account or digest byte", () => {
    const flipFirst = (bytes: Uint8Array) => {
      const copy = Uint8Array.from(bytes);
      copy[0] = (copy[0] ?? 0) ^ 0x01;
      return copy;
    };
    assert.equal(verifyAuthSessionDigest({ ...verifyErrors, clientSeed: u32LittleEndian(1) }, verifyErrors.digest), false);
    assert.equal(verifyAuthSessionDigest({ ...verifyErrors, sessionKey: flipFirst(verifyErrors.sessionKey) }, verifyErrors.digest), false);
    assert.equal(verifyAuthSessionDigest({ ...verifyErrors, account: "B" }, verifyErrors.digest), false);
    assert.equal(verifyAuthSessionDigest(verifyErrors, flipFirst(verifyErrors.digest)), false);
  });

  it("hashes the account as received, without changing its case", () => {
    assert.equal(verifyAuthSessionDigest({ ...realCapture, account: "a" }, realCapture.digest), false);
  });

  it("matches wow_srp's world server proof vectors", () => {
    const rows = readVectorRows("auth-session-digest.txt", 5);
    for (const row of rows) {
      const digest = computeAuthSessionDigest({
        // The client sends the name upper-cased; wow_srp's vectors leave that step to the reader.
        account: toUpperLatinOnly(column(row, 0)),
        sessionKey: hexToBytes(column(row, 1)),
        serverSeed: hexToBytes(column(row, 2)),
        clientSeed: hexToBytes(column(row, 3)),
      });
      assert.equal(bytesToHex(digest), column(row, 4).toLowerCase(), row.join(" "));
    }
    assert.ok(rows.length >= 300);
  });

  it("refuses seeds that are not 4 bytes", () => {
    assert.throws(
      () => computeAuthSessionDigest({ ...realCapture, clientSeed: new Uint8Array(8) }),
      (error: unknown) => isTc9Error(error) && error.code === "TC9_ERR_CRYPTO_INPUT_LENGTH",
    );
  });
});

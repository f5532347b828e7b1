import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTc9Error } from "../../../src/errors.js";
import {
  checkPassword,
  makeRegistrationData,
  MAX_ACCOUNT_NAME_LENGTH,
  MAX_ACCOUNT_PASSWORD_LENGTH,
  normalizeAccountCredentials,
} from "../../../src/wow/crypto/account-credentials.js";
import { toUpperLatinOnly } from "../../../src/wow/crypto/srp6-identity.js";
import { bytesToHex, column, hexToBytes, littleEndianFromBigEndianHex as le, readVectorRows } from "./vector-file.js";

const hasCode = (code: string) => (error: unknown) => isTc9Error(error) && error.code === code;

describe("toUpperLatinOnly (AzerothCore Utf8ToUpperOnlyLatin)", () => {
  it("upper-cases a-z and nothing else", () => {
    assert.equal(toUpperLatinOnly("admin_01-x"), "ADMIN_01-X");
    assert.equal(toUpperLatinOnly("ádmin straße ñ ж"), "áDMIN STRAßE ñ ж");
  });
});

describe("makeRegistrationData / checkPassword", () => {
  it("stores the upper-case name, a random 32-byte salt and a 32-byte verifier", () => {
    const first = makeRegistrationData("player", "hunter2");
    const second = makeRegistrationData("player", "hunter2");
    assert.equal(first.username, "PLAYER");
    assert.equal(first.salt.length, 32);
    assert.equal(first.verifier.length, 32);
    assert.notEqual(bytesToHex(first.salt), bytesToHex(second.salt));
    assert.notEqual(bytesToHex(first.verifier), bytesToHex(second.verifier));
  });

  it("checks the password case-insensitively for Latin letters and rejects a wrong one", () => {
    const { salt, verifier } = makeRegistrationData("Player", "Hunter2");
    assert.equal(checkPassword("PLAYER", "HUNTER2", salt, verifier), true);
    assert.equal(checkPassword("player", "hunter2", salt, verifier), true);
    assert.equal(checkPassword("player", "hunter3", salt, verifier), false);
    assert.equal(checkPassword("player2", "hunter2", salt, verifier), false);
  });

  it("accepts wow_srp's verifier vectors as stored accounts", () => {
    const rows = readVectorRows("srp6-verifier.txt", 4).slice(0, 100);
    for (const row of rows) {
      const salt = le(column(row, 2), 32);
      const verifier = le(column(row, 3), 32);
      assert.equal(checkPassword(column(row, 0).toLowerCase(), column(row, 1), salt, verifier), true, row.join(" "));
    }
  });

  it("accepts salt/verifier pairs produced by another AzerothCore registration tool", () => {
    // iBubbleGun/SRP-6_WOW_3.3.5a_RegistrationData README: login MyLogin, password MyPassword,
    // SALT and VERIFIER printed as the bytes stored in account.salt / account.verifier.
    const pairs = [
      ["3B75CFAD1FB0A58674C2EB8B2158501152F246A3C5E0C358C1E24D5941DB7F70", "DE06638F6BA8794EBFE05445825EDACA30FEA76F4879775ED65FB1B6CE884B4C"],
      ["9B13522F583EC15581BA35DBC1D50E68E79DDFA447CF3F876F267645E83F7494", "6AFED3AD4EAD37D2364BAA88BCA9019B76D59E6A2838A968CB691C71AB5D5746"],
    ] as const;
    for (const [salt, verifier] of pairs) {
      assert.equal(checkPassword("MyLogin", "MyPassword", hexToBytes(salt), hexToBytes(verifier)), true);
    }
  });

  it("enforces AzerothCore's limits of 17 name and 16 password characters, counted in code points", () => {
    assert.equal(MAX_ACCOUNT_NAME_LENGTH, 17);
    assert.equal(MAX_ACCOUNT_PASSWORD_LENGTH, 16);
    assert.equal(normalizeAccountCredentials("a".repeat(17), "p".repeat(16)).username, "A".repeat(17));
    assert.equal(normalizeAccountCredentials("é".repeat(17), "ü".repeat(16)).password, "ü".repeat(16));
    assert.throws(() => makeRegistrationData("a".repeat(18), "pw"), hasCode("TC9_ERR_CRYPTO_ACCOUNT_NAME_TOO_LONG"));
    assert.throws(() => makeRegistrationData("name", "p".repeat(17)), hasCode("TC9_ERR_CRYPTO_PASSWORD_TOO_LONG"));
  });

  it("refuses an empty name or password", () => {
    assert.throws(() => makeRegistrationData("", "pw"), hasCode("TC9_ERR_CRYPTO_ACCOUNT_NAME_EMPTY"));
    assert.throws(() => makeRegistrationData("name", ""), hasCode("TC9_ERR_CRYPTO_PASSWORD_EMPTY"));
  });

  it("refuses a salt or verifier of the wrong length", () => {
    assert.throws(() => checkPassword("a", "b", new Uint8Array(20), new Uint8Array(32)), hasCode("TC9_ERR_CRYPTO_INPUT_LENGTH"));
  });
});

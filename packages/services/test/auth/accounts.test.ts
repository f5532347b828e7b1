// The account calls `tc9 account` makes, checked in the database and by logging in with the
// headless client.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AuthResult } from "@tc9/sdk/wow";
import { LogonClientError, logon } from "@tc9/sdk/testing";
import {
  ACCOUNT_ERROR_CODES,
  AccountError,
  banAccount,
  changePassword,
  createAccount,
  setGmLevel,
  unbanAccount,
} from "../../src/auth/index.js";
import { startAuthRealm, type AuthRealm } from "./support/auth-realm.js";

function accountError(code: string): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof AccountError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

describe("account calls", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm();
    await realm.db.execute("INSERT INTO realmlist (id, name, gamebuild) VALUES (2, 'Second', 12340)");
  });
  after(() => realm.stop());

  const canLogIn = async (username: string, password: string): Promise<number> => {
    try {
      await logon({ host: realm.host, port: realm.port, username, password });
      return AuthResult.WOW_SUCCESS;
    } catch (error) {
      if (error instanceof LogonClientError && error.result !== undefined) return error.result;
      throw error;
    }
  };

  it("creates an account AzerothCore's way: upper-cased, default row values, a zero count per realm; it can log in", async () => {
    const created = await createAccount(realm.db, { username: "Ivy", password: "Poison", email: "ivy@example.org" });
    assert.equal(created.username, "IVY");
    const row = await realm.db.queryOne<Record<string, unknown>>(
      "SELECT username, email, reg_mail, expansion, locked, failed_logins, session_key, joindate IS NOT NULL AS joined, LENGTH(salt) AS salt_length FROM account WHERE id = ?",
      [created.id],
    );
    assert.deepEqual(
      { ...row, joined: Number(row?.["joined"]), salt_length: Number(row?.["salt_length"]) },
      { username: "IVY", email: "IVY@EXAMPLE.ORG", reg_mail: "IVY@EXAMPLE.ORG", expansion: 2, locked: 0, failed_logins: 0, session_key: null, joined: 1, salt_length: 32 },
    );
    const counts = await realm.db.queryRows<{ realmid: number; numchars: number }>(
      "SELECT realmid, numchars FROM realmcharacters WHERE acctid = ? ORDER BY realmid",
      [created.id],
    );
    assert.deepEqual(counts, [{ realmid: 1, numchars: 0 }, { realmid: 2, numchars: 0 }]);
    assert.equal(await canLogIn("ivy", "poison"), AuthResult.WOW_SUCCESS);
  });

  it("refuses taken names (whatever their case), names over 17 and passwords over 16 characters", async () => {
    await createAccount(realm.db, { username: "jack", password: "beanstalk", expansion: 1 });
    await assert.rejects(createAccount(realm.db, { username: "JACK", password: "other" }), accountError(ACCOUNT_ERROR_CODES.nameTaken));
    await assert.rejects(createAccount(realm.db, { username: "Jack", password: "other" }), accountError(ACCOUNT_ERROR_CODES.nameTaken));
    await assert.rejects(createAccount(realm.db, { username: "A".repeat(18), password: "pw" }), accountError(ACCOUNT_ERROR_CODES.nameTooLong));
    await assert.rejects(createAccount(realm.db, { username: "kate", password: "p".repeat(17) }), accountError(ACCOUNT_ERROR_CODES.passwordTooLong));
    await assert.rejects(createAccount(realm.db, { username: "", password: "pw" }), accountError(ACCOUNT_ERROR_CODES.nameEmpty));
    await assert.rejects(createAccount(realm.db, { username: "kate", password: "pw", expansion: 3 }), accountError(ACCOUNT_ERROR_CODES.expansionInvalid));
    const longest = await createAccount(realm.db, { username: "B".repeat(17), password: "p".repeat(16) });
    assert.equal(longest.username.length, 17);
    assert.equal(await canLogIn("B".repeat(17), "p".repeat(16)), AuthResult.WOW_SUCCESS);
    const jack = await realm.db.queryOne<{ expansion: number }>("SELECT expansion FROM account WHERE username = 'JACK'");
    assert.equal(jack?.expansion, 1);
  });

  it("changes a password: the old one stops working, the new one works", async () => {
    await createAccount(realm.db, { username: "liam", password: "before" });
    await changePassword(realm.db, { username: "Liam", newPassword: "after" });
    assert.equal(await canLogIn("liam", "before"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await canLogIn("liam", "after"), AuthResult.WOW_SUCCESS);
    await assert.rejects(changePassword(realm.db, { username: "nobody", newPassword: "x" }), accountError(ACCOUNT_ERROR_CODES.notFound));
    await assert.rejects(changePassword(realm.db, { username: "liam", newPassword: "x".repeat(17) }), accountError(ACCOUNT_ERROR_CODES.passwordTooLong));
  });

  it("sets GM levels in account_access, per realm or for all realms, and removes them with level 0", async () => {
    const { id } = await createAccount(realm.db, { username: "mia", password: "pw" });
    const access = (): Promise<Array<{ gmlevel: number; RealmID: number }>> =>
      realm.db.queryRows("SELECT gmlevel, RealmID FROM account_access WHERE id = ? ORDER BY RealmID", [id]);
    await setGmLevel(realm.db, { username: "mia", level: 3, realmId: -1 });
    assert.deepEqual(await access(), [{ gmlevel: 3, RealmID: -1 }]);
    await setGmLevel(realm.db, { username: "mia", level: 1, realmId: 2 });
    assert.deepEqual(await access(), [{ gmlevel: 1, RealmID: 2 }]);
    await setGmLevel(realm.db, { username: "mia", level: 2, realmId: 1 });
    assert.deepEqual(await access(), [{ gmlevel: 2, RealmID: 1 }, { gmlevel: 1, RealmID: 2 }]);
    await setGmLevel(realm.db, { username: "mia", level: 0, realmId: -1 });
    assert.deepEqual(await access(), []);
    await assert.rejects(setGmLevel(realm.db, { username: "mia", level: 4, realmId: -1 }), accountError(ACCOUNT_ERROR_CODES.gmLevelInvalid));
    await assert.rejects(setGmLevel(realm.db, { username: "mia", level: 1, realmId: 0 }), accountError(ACCOUNT_ERROR_CODES.realmInvalid));
  });

  it("bans and unbans: one active row, a new ban replaces the old, logons follow", async () => {
    const { id } = await createAccount(realm.db, { username: "noah", password: "ark" });
    await banAccount(realm.db, { username: "noah", durationSeconds: 600, reason: "first", bannedBy: "GM" });
    assert.equal(await canLogIn("noah", "ark"), AuthResult.WOW_FAIL_SUSPENDED);
    await banAccount(realm.db, { username: "noah", permanent: true, reason: "second", bannedBy: "GM" });
    const rows = await realm.db.queryRows<{ banreason: string; active: number }>(
      "SELECT banreason, active FROM account_banned WHERE id = ? AND active = 1",
      [id],
    );
    assert.deepEqual(rows, [{ banreason: "second", active: 1 }]);
    assert.equal(await canLogIn("noah", "ark"), AuthResult.WOW_FAIL_BANNED);
    assert.equal(await unbanAccount(realm.db, { username: "noah" }), true);
    assert.equal(await canLogIn("noah", "ark"), AuthResult.WOW_SUCCESS);
    await assert.rejects(
      banAccount(realm.db, { username: "noah", durationSeconds: 0, reason: "r", bannedBy: "GM" }),
      accountError(ACCOUNT_ERROR_CODES.banInvalid),
    );
    await assert.rejects(
      banAccount(realm.db, { username: "nobody", permanent: true, reason: "r", bannedBy: "GM" }),
      accountError(ACCOUNT_ERROR_CODES.notFound),
    );
  });
});

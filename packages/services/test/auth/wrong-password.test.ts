// AzerothCore's WrongPass model: failed_logins counted when MaxCount > 0, then an account or IP
// auto-ban for BanTime seconds (0 = permanent) that expires on its own; optional logging.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { AuthResult } from "@tc9/sdk/wow";
import { LogonClientError, logon } from "@tc9/sdk/testing";
import { AUTO_BAN_AUTHOR, AUTO_BAN_REASON } from "../../src/auth/index.js";
import { addAccount, startAuthRealm, type AuthRealm } from "./support/auth-realm.js";

/** The AuthResult a logon attempt ends with (0 on success). */
async function attempt(realm: AuthRealm, username: string, password: string): Promise<number> {
  try {
    await logon({ host: realm.host, port: realm.port, username, password });
    return AuthResult.WOW_SUCCESS;
  } catch (error) {
    if (error instanceof LogonClientError && error.result !== undefined) return error.result;
    throw error;
  }
}

async function failedLogins(realm: AuthRealm, username: string): Promise<number | undefined> {
  return (await realm.db.queryOne<{ failed_logins: number }>("SELECT failed_logins FROM account WHERE username = ?", [username]))
    ?.failed_logins;
}

describe("auth module: wrong passwords (WrongPass.MaxCount = 0, AzerothCore's default)", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm();
    await addAccount(realm.db, "bob", "builder");
  });
  after(() => realm.stop());

  it("answers WOW_FAIL_UNKNOWN_ACCOUNT and neither counts nor bans", async () => {
    for (let i = 0; i < 4; i++) assert.equal(await attempt(realm, "bob", "wrong"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await failedLogins(realm, "BOB"), 0);
    assert.equal(await attempt(realm, "bob", "builder"), AuthResult.WOW_SUCCESS);
  });
});

describe("auth module: account lockout (BanType account)", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm({ auth: { wrongPass: { maxCount: 3, banTime: 2, banType: "account", logging: true } } });
    await addAccount(realm.db, "carol", "correct");
    await addAccount(realm.db, "dave", "correct");
  });
  after(() => realm.stop());

  it("counts failed_logins, resets them on success, and logs each wrong password", async () => {
    assert.equal(await attempt(realm, "dave", "nope"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await attempt(realm, "dave", "nope"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await failedLogins(realm, "DAVE"), 2);
    const logged = await realm.db.queryRows<{ ip: string; type: number; systemnote: string }>(
      "SELECT ip, type, systemnote FROM logs_ip_actions WHERE account_id = (SELECT id FROM account WHERE username = 'DAVE')",
    );
    assert.equal(logged.length, 2);
    assert.deepEqual(logged[0], { ip: "127.0.0.1", type: 1, systemnote: "Login to WoW Failed - Incorrect Password" });
    assert.equal(await attempt(realm, "dave", "correct"), AuthResult.WOW_SUCCESS);
    assert.equal(await failedLogins(realm, "DAVE"), 0);
  });

  it("suspends the account after MaxCount wrong passwords until BanTime has passed", async () => {
    for (let i = 0; i < 3; i++) assert.equal(await attempt(realm, "carol", "wrong"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await failedLogins(realm, "CAROL"), 3);
    const bans = await realm.db.queryRows<{ bannedby: string; banreason: string; active: number; length: string }>(
      "SELECT bannedby, banreason, active, unbandate - bandate AS length FROM account_banned WHERE id = (SELECT id FROM account WHERE username = 'CAROL')",
    );
    assert.deepEqual(bans.map((ban) => ({ ...ban, length: Number(ban.length) })), [{ bannedby: AUTO_BAN_AUTHOR, banreason: AUTO_BAN_REASON, active: 1, length: 2 }]);
    assert.equal(await attempt(realm, "carol", "correct"), AuthResult.WOW_FAIL_SUSPENDED);
    assert.equal(await attempt(realm, "dave", "correct"), AuthResult.WOW_SUCCESS, "only the account is banned, not the IP");
    await sleep(3100);
    assert.equal(await attempt(realm, "carol", "correct"), AuthResult.WOW_SUCCESS);
    assert.equal(await failedLogins(realm, "CAROL"), 0);
  });
});

describe("auth module: IP lockout (BanType ip)", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm({ auth: { wrongPass: { maxCount: 2, banTime: 2, banType: "ip" } } });
    await addAccount(realm.db, "erin", "correct");
    await addAccount(realm.db, "frank", "correct");
  });
  after(() => realm.stop());

  it("bans the IP after MaxCount wrong passwords: every account from it is refused until it expires", async () => {
    assert.equal(await attempt(realm, "erin", "wrong"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    assert.equal(await attempt(realm, "erin", "wrong"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    const bans = await realm.db.queryRows<{ ip: string; bannedby: string; length: string }>(
      "SELECT ip, bannedby, unbandate - bandate AS length FROM ip_banned",
    );
    assert.deepEqual(bans.map((ban) => ({ ...ban, length: Number(ban.length) })), [{ ip: "127.0.0.1", bannedby: AUTO_BAN_AUTHOR, length: 2 }]);
    assert.equal(await attempt(realm, "erin", "correct"), AuthResult.WOW_FAIL_BANNED);
    assert.equal(await attempt(realm, "frank", "correct"), AuthResult.WOW_FAIL_BANNED);
    await sleep(3100);
    assert.equal(await attempt(realm, "frank", "correct"), AuthResult.WOW_SUCCESS);
  });
});

describe("auth module: permanent auto-ban (BanTime 0)", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm({ auth: { wrongPass: { maxCount: 1, banTime: 0, banType: "account" } } });
    await addAccount(realm.db, "gina", "correct");
  });
  after(() => realm.stop());

  it("writes unbandate = bandate and answers WOW_FAIL_BANNED", async () => {
    assert.equal(await attempt(realm, "gina", "wrong"), AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    const ban = await realm.db.queryOne<{ permanent: number | string }>("SELECT unbandate = bandate AS permanent FROM account_banned");
    assert.equal(Number(ban?.permanent), 1);
    assert.equal(await attempt(realm, "gina", "correct"), AuthResult.WOW_FAIL_BANNED);
  });
});

// The auth module's logon path with the headless client: SRP6 logon and what it writes back,
// reconnect, refusals (unknown account, wrong build, IP lock), and the realm list when the servers
// registry is down (every realm offline, addresses from realmlist).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AuthResult, RealmFlag, RealmType } from "@tc9/sdk/wow";
import { LOGON_CLIENT_ERROR_CODES, LogonClientError, logon, reconnect } from "@tc9/sdk/testing";
import { currentTotpToken, setGmLevel } from "../../src/auth/index.js";
import { addAccount, startAuthRealm, type AuthRealm } from "./support/auth-realm.js";

interface AccountRow {
  session_key: Buffer | null;
  last_ip: string;
  last_login: string | null;
  locale: number;
  os: string;
  failed_logins: number;
}

function rejectedWith(code: string, stage: string, result?: number): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof LogonClientError, String(error));
    assert.equal(error.code, code);
    assert.equal(error.stage, stage);
    assert.equal(error.result, result);
    return true;
  };
}

describe("auth module: logon", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm();
    await addAccount(realm.db, "alice", "wonderland");
  });
  after(() => realm.stop());
  const server = (): { host: string; port: number } => ({ host: realm.host, port: realm.port });

  it("logs in with SRP6 and writes the session key, IP, locale, OS and login time back", async () => {
    await realm.db.execute("UPDATE account SET failed_logins = 2 WHERE username = 'ALICE'");
    const result = await logon({ ...server(), username: "alice", password: "WONDERLAND", locale: "frFR", os: "OSX" });
    const row = await realm.db.queryOne<AccountRow>(
      "SELECT session_key, last_ip, last_login, locale, os, failed_logins FROM account WHERE username = 'ALICE'",
    );
    assert.ok(row?.session_key);
    assert.deepEqual(new Uint8Array(row.session_key), result.sessionKey);
    assert.equal(row.last_ip, "127.0.0.1");
    assert.ok(row.last_login !== null);
    assert.equal(row.locale, 2);
    assert.equal(row.os, "OSX");
    assert.equal(row.failed_logins, 0);
    assert.equal(result.accountFlags, 0x00800000);
  });

  it("maps locales as AzerothCore does (enGB and unknown → enUS)", async () => {
    const localeAfter = async (locale: string): Promise<number | undefined> => {
      await logon({ ...server(), username: "alice", password: "wonderland", locale });
      return (await realm.db.queryOne<{ locale: number }>("SELECT locale FROM account WHERE username = 'ALICE'"))?.locale;
    };
    assert.equal(await localeAfter("ruRU"), 8);
    assert.equal(await localeAfter("enGB"), 0);
    assert.equal(await localeAfter("deDE"), 3);
  });

  it("lists realms as offline with their realmlist address while the registry is down", async () => {
    const { realms } = await logon({ ...server(), username: "alice", password: "wonderland" });
    assert.deepEqual(realms, [
      {
        type: RealmType.PVP,
        locked: false,
        flags: RealmFlag.OFFLINE,
        name: "Tc9Test",
        address: "127.0.0.1:8085",
        population: 0,
        characterCount: 0,
        timezone: 1,
        id: 1,
      },
    ]);
  });

  it("locks realms above the account's GM level, per realm as account_access says", async () => {
    await realm.db.execute("UPDATE realmlist SET allowedSecurityLevel = 2 WHERE id = 1");
    try {
      const locked = await logon({ ...server(), username: "alice", password: "wonderland" });
      assert.equal(locked.realms[0]?.locked, true);
      await setGmLevel(realm.db, { username: "alice", level: 2, realmId: 1 });
      const unlocked = await logon({ ...server(), username: "alice", password: "wonderland" });
      assert.equal(unlocked.realms[0]?.locked, false);
      await setGmLevel(realm.db, { username: "alice", level: 0, realmId: -1 });
      await setGmLevel(realm.db, { username: "alice", level: 2, realmId: 7 });
      const otherRealm = await logon({ ...server(), username: "alice", password: "wonderland" });
      assert.equal(otherRealm.realms[0]?.locked, true);
      await realm.db.execute(
        "INSERT INTO account_access (id, gmlevel, RealmID) SELECT id, 3, -1 FROM account WHERE username = 'ALICE' " +
          "UNION ALL SELECT id, 1, 1 FROM account WHERE username = 'ALICE'",
      );
      const ownRowWins = await logon({ ...server(), username: "alice", password: "wonderland" });
      assert.equal(ownRowWins.realms[0]?.locked, true, "the realm's own row (1) beats the every-realm row (3)");
    } finally {
      await realm.db.execute("UPDATE realmlist SET allowedSecurityLevel = 0 WHERE id = 1");
    }
  });

  it("counts the account's characters per realm from realmcharacters", async () => {
    await realm.db.execute("UPDATE realmcharacters SET numchars = 3 WHERE realmid = 1 AND acctid = (SELECT id FROM account WHERE username = 'ALICE')");
    const { realms } = await logon({ ...server(), username: "alice", password: "wonderland" });
    assert.equal(realms[0]?.characterCount, 3);
  });

  it("reconnects with the stored session key and refuses a wrong one without a reply", async () => {
    const { sessionKey } = await logon({ ...server(), username: "alice", password: "wonderland" });
    const again = await reconnect({ ...server(), username: "alice", sessionKey });
    assert.equal(again.realms[0]?.name, "Tc9Test");
    const wrongKey = Uint8Array.from(sessionKey, (byte) => byte ^ 0xff);
    await assert.rejects(
      reconnect({ ...server(), username: "alice", sessionKey: wrongKey }),
      rejectedWith(LOGON_CLIENT_ERROR_CODES.connectionClosed, "reconnect-proof"),
    );
  });

  it("refuses a reconnect for an account that never logged in", async () => {
    await addAccount(realm.db, "fresh", "fresh");
    await assert.rejects(
      reconnect({ ...server(), username: "fresh", sessionKey: new Uint8Array(40) }),
      rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "reconnect-challenge", AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT),
    );
  });

  it("answers an unknown account with WOW_FAIL_UNKNOWN_ACCOUNT", async () => {
    await assert.rejects(
      logon({ ...server(), username: "nobody", password: "x" }),
      rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "challenge", AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT),
    );
  });

  it("accepts build 12340 only, even when build_info knows another build", async () => {
    await realm.db.execute("INSERT INTO build_info (build, majorVersion, minorVersion, bugfixVersion) VALUES (8606, 2, 4, 3)");
    for (const build of [8606, 12339, 5875]) {
      await assert.rejects(
        logon({ ...server(), username: "alice", password: "wonderland", build }),
        rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "challenge", AuthResult.WOW_FAIL_VERSION_INVALID),
      );
    }
    const { sessionKey } = await logon({ ...server(), username: "alice", password: "wonderland" });
    await assert.rejects(
      reconnect({ ...server(), username: "alice", sessionKey, build: 8606 }),
      rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "reconnect-challenge", AuthResult.WOW_FAIL_VERSION_INVALID),
    );
  });

  it("refuses an account locked to another IP, and accepts it from its own", async () => {
    await addAccount(realm.db, "locked", "locked");
    await realm.db.execute("UPDATE account SET locked = 1, last_ip = '10.9.8.7' WHERE username = 'LOCKED'");
    await assert.rejects(
      logon({ ...server(), username: "locked", password: "locked" }),
      rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "challenge", AuthResult.WOW_FAIL_LOCKED_ENFORCED),
    );
    await realm.db.execute("UPDATE account SET last_ip = '127.0.0.1' WHERE username = 'LOCKED'");
    const result = await logon({ ...server(), username: "locked", password: "locked" });
    assert.equal(result.sessionKey.length, 40);
  });

  it("asks for an authenticator token when the account has a TOTP secret, and checks it", async () => {
    await addAccount(realm.db, "totp", "totp");
    const secret = Buffer.from("12345678901234567890");
    await realm.db.execute("UPDATE account SET totp_secret = ? WHERE username = 'TOTP'", [secret]);
    const proofRefused = rejectedWith(LOGON_CLIENT_ERROR_CODES.rejected, "proof", AuthResult.WOW_FAIL_UNKNOWN_ACCOUNT);
    await assert.rejects(logon({ ...server(), username: "totp", password: "totp" }), proofRefused);
    const now = Math.floor(Date.now() / 1000);
    const wrong = String((Number(currentTotpToken(secret, now)) + 1) % 1_000_000).padStart(6, "0");
    await assert.rejects(logon({ ...server(), username: "totp", password: "totp", authenticatorToken: wrong }), proofRefused);
    const result = await logon({ ...server(), username: "totp", password: "totp", authenticatorToken: currentTotpToken(secret, now) });
    assert.equal(result.sessionKey.length, 40);
  });
});

// Bans written by hand or by banAccount: a permanent account ban is WOW_FAIL_BANNED, a temporary one
// WOW_FAIL_SUSPENDED, an expired or lifted one nothing; a banned IP is refused as soon as it connects.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AuthResult, LogonCommand } from "@tc9/sdk/wow";
import { LogonClientError, logon, reconnect } from "@tc9/sdk/testing";
import { banAccount, unbanAccount } from "../../src/auth/index.js";
import { addAccount, startAuthRealm, type AuthRealm } from "./support/auth-realm.js";
import { openRaw } from "./support/raw-connection.js";

describe("auth module: bans", () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm();
    for (const name of ["perma", "temp", "expired", "lifted"]) await addAccount(realm.db, name, "password");
  });
  after(() => realm.stop());

  const resultOf = async (username: string): Promise<number> => {
    try {
      await logon({ host: realm.host, port: realm.port, username, password: "password" });
      return AuthResult.WOW_SUCCESS;
    } catch (error) {
      if (error instanceof LogonClientError && error.result !== undefined) return error.result;
      throw error;
    }
  };

  it("answers WOW_FAIL_BANNED for a permanent account ban and WOW_FAIL_SUSPENDED for a temporary one", async () => {
    const permanent = await banAccount(realm.db, { username: "perma", permanent: true, reason: "botting", bannedBy: "GM Anna" });
    assert.equal(permanent.unbandate, permanent.bandate);
    const temporary = await banAccount(realm.db, { username: "temp", durationSeconds: 3600, reason: "spam", bannedBy: "GM Anna" });
    assert.equal(temporary.unbandate - temporary.bandate, 3600);
    assert.equal(await resultOf("perma"), AuthResult.WOW_FAIL_BANNED);
    assert.equal(await resultOf("temp"), AuthResult.WOW_FAIL_SUSPENDED);
  });

  it("ignores expired and inactive bans", async () => {
    await realm.db.execute(
      "INSERT INTO account_banned (id, bandate, unbandate, bannedby, banreason, active) " +
        "SELECT id, UNIX_TIMESTAMP() - 100, UNIX_TIMESTAMP() - 10, 'GM', 'old', 1 FROM account WHERE username = 'EXPIRED'",
    );
    assert.equal(await resultOf("expired"), AuthResult.WOW_SUCCESS);
    await banAccount(realm.db, { username: "lifted", permanent: true, reason: "mistake", bannedBy: "GM" });
    assert.equal(await resultOf("lifted"), AuthResult.WOW_FAIL_BANNED);
    assert.equal(await unbanAccount(realm.db, { username: "lifted" }), true);
    assert.equal(await unbanAccount(realm.db, { username: "lifted" }), false);
    assert.equal(await resultOf("lifted"), AuthResult.WOW_SUCCESS);
  });

  it("refuses a reconnect of a banned account", async () => {
    const { sessionKey } = await logon({ host: realm.host, port: realm.port, username: "expired", password: "password" });
    await banAccount(realm.db, { username: "expired", durationSeconds: 60, reason: "later", bannedBy: "GM" });
    await assert.rejects(reconnect({ host: realm.host, port: realm.port, username: "expired", sessionKey }), (error: unknown) => {
      assert.ok(error instanceof LogonClientError);
      assert.equal(error.result, AuthResult.WOW_FAIL_SUSPENDED);
      return true;
    });
  });

  it("refuses a banned IP when it connects, before any packet, and lets it in once the ban is gone", async () => {
    await realm.db.execute("INSERT INTO ip_banned (ip, bandate, unbandate, bannedby, banreason) VALUES ('127.0.0.1', UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 600, 'GM', 'flood')");
    try {
      const silent = await openRaw(realm.port);
      const outcome = await silent.outcome();
      assert.deepEqual([...outcome.received], [LogonCommand.LOGON_CHALLENGE, 0, AuthResult.WOW_FAIL_BANNED]);
      assert.equal(outcome.closedByServer, true);
      assert.equal(await resultOf("temp"), AuthResult.WOW_FAIL_BANNED);
    } finally {
      await realm.db.execute("DELETE FROM ip_banned");
    }
    assert.equal(await resultOf("lifted"), AuthResult.WOW_SUCCESS);
  });
});

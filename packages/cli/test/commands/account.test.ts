import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createScratchDatabase, fixturesAvailable, type ScratchDatabase } from "@tc9/sdk/testing";
import { checkPassword } from "@tc9/sdk/wow";
import { runInProcess, spawnCli } from "../cli-harness.js";

interface AccountRow {
  id: number;
  username: string;
  salt: Buffer;
  verifier: Buffer;
  email: string;
  expansion: number;
}

describe("tc9 account", () => {
  let auth: ScratchDatabase;
  const tc9 = (...argv: string[]) => runInProcess([...argv, "--auth-db", auth.url]);
  const accountRow = (name: string) =>
    auth.db.queryOne<AccountRow>("SELECT id, username, salt, verifier, email, expansion FROM account WHERE username = ?", [name]);

  before(async () => {
    auth = await createScratchDatabase({ schema: "auth" });
  });
  after(async () => {
    await auth.drop();
  });

  it("creates an account with an e-mail, an expansion and a password the logon server accepts", async () => {
    const run = await tc9("account", "create", "alice", "s3cret", "--email", "alice@example.com", "--expansion", "1");
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^✔ created account ALICE \(id \d+\)\n$/);
    const row = await accountRow("ALICE");
    assert.ok(row);
    assert.equal(row.email, "ALICE@EXAMPLE.COM");
    assert.equal(row.expansion, 1);
    assert.equal(checkPassword("alice", "s3cret", row.salt, row.verifier), true);
  });

  it("creates a GM account on every realm and prints JSON", async () => {
    const run = await tc9("account", "create", "admin", "l0ngpass", "--gm", "3", "--realm", "-1", "--json");
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { ok: boolean; account: { id: number; username: string }; gm: { level: number; realmId: number } };
    assert.equal(result.ok, true);
    assert.equal(result.account.username, "ADMIN");
    assert.deepEqual(result.gm, { level: 3, realmId: -1 });
    const access = await auth.db.queryRows<{ gmlevel: number; RealmID: number }>("SELECT gmlevel, RealmID FROM account_access WHERE id = ?", [result.account.id]);
    assert.deepEqual(access, [{ gmlevel: 3, RealmID: -1 }]);
  });

  it("reads a password given as - from stdin", async () => {
    const run = await runInProcess(["account", "create", "piped", "-", "--auth-db", auth.url], { input: "fr0m-stdin\nignored\n" });
    assert.equal(run.code, 0, run.stderr);
    const row = await accountRow("PIPED");
    assert.ok(row);
    assert.equal(checkPassword("piped", "fr0m-stdin", row.salt, row.verifier), true);
  });

  it("refuses a taken name with one error line naming the fix, exit 1", async () => {
    const run = await tc9("account", "create", "Alice", "other");
    assert.equal(run.code, 1);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, 'error: an account named "ALICE" already exists; choose another name (TC9_ERR_ACCOUNT_NAME_TAKEN)\n');
    const json = await tc9("account", "create", "alice", "other", "--json");
    assert.equal(json.code, 1);
    assert.deepEqual(JSON.parse(json.stdout), {
      ok: false,
      error: { code: "TC9_ERR_ACCOUNT_NAME_TAKEN", message: 'an account named "ALICE" already exists; choose another name' },
    });
  });

  it("passes the account calls' input checks through as AccountError codes", async () => {
    const run = await tc9("account", "create", "waytoolongaccountname", "pw", "--json");
    assert.equal(run.code, 1);
    assert.equal((JSON.parse(run.stdout) as { error: { code: string } }).error.code, "TC9_ERR_ACCOUNT_NAME_TOO_LONG");
  });

  it("changes a password", async () => {
    const run = await tc9("account", "password", "alice", "n3w-pass");
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, "✔ changed the password of ALICE\n");
    const row = await accountRow("ALICE");
    assert.ok(row);
    assert.equal(checkPassword("alice", "n3w-pass", row.salt, row.verifier), true);
    assert.equal(checkPassword("alice", "s3cret", row.salt, row.verifier), false);
  });

  it("sets a GM level on one realm, then back to player", async () => {
    const id = (await accountRow("ALICE"))?.id;
    assert.ok(id !== undefined);
    const set = await tc9("account", "gm", "alice", "2", "--realm", "1", "--json");
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(JSON.parse(set.stdout), { ok: true, username: "ALICE", level: 2, realmId: 1 });
    assert.deepEqual(await auth.db.queryRows("SELECT gmlevel, RealmID FROM account_access WHERE id = ?", [id]), [{ gmlevel: 2, RealmID: 1 }]);
    const reset = await tc9("account", "gm", "alice", "0");
    assert.equal(reset.stdout, "✔ ALICE has GM level 0 on every realm\n");
    assert.deepEqual(await auth.db.queryRows("SELECT gmlevel FROM account_access WHERE id = ?", [id]), []);
  });

  it("bans for a duration, bans permanently, and unbans", async () => {
    const timed = await tc9("account", "ban", "alice", "--duration", "2h", "--reason", "spamming", "--json");
    assert.equal(timed.code, 0, timed.stderr);
    const ban = JSON.parse(timed.stdout) as { bandate: number; unbandate: number; permanent: boolean; bannedBy: string };
    assert.equal(ban.unbandate - ban.bandate, 7200);
    assert.equal(ban.permanent, false);
    assert.equal(ban.bannedBy, "Server");

    const permanent = await tc9("account", "ban", "alice", "--permanent", "--reason", "gold selling", "--by", "Hallgrim");
    assert.equal(permanent.code, 0, permanent.stderr);
    assert.equal(permanent.stdout, "✔ banned ALICE permanently (reason: gold selling)\n");
    const active = await auth.db.queryRows<{ bandate: number; unbandate: number; bannedby: string }>(
      "SELECT a.bandate, a.unbandate, a.bannedby FROM account_banned a JOIN account ON account.id = a.id WHERE username = 'ALICE' AND active = 1",
    );
    assert.equal(active.length, 1);
    assert.equal(active[0]?.bannedby, "Hallgrim");
    assert.equal(active[0]?.unbandate, active[0]?.bandate);

    const unban = await tc9("account", "unban", "alice", "--json");
    assert.deepEqual(JSON.parse(unban.stdout), { ok: true, username: "ALICE", wasBanned: true });
    const again = await tc9("account", "unban", "alice");
    assert.equal(again.stdout, "✔ ALICE was not banned; nothing changed\n");
  });

  it("treats a missing or conflicting ban length and bad values as usage errors, exit 2", async () => {
    const missing = await tc9("account", "ban", "alice", "--reason", "x");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /give either --duration <time> or --permanent/);
    assert.match(missing.stderr, /run tc9 account ban --help/);
    assert.equal((await tc9("account", "ban", "alice", "--reason", "x", "--duration", "2h", "--permanent")).code, 2);
    assert.equal((await tc9("account", "ban", "alice", "--reason", "x", "--duration", "soon")).code, 2);
    assert.equal((await tc9("account", "gm", "alice", "7")).code, 2);
    assert.equal((await tc9("account", "create", "x", "y", "--realm", "1")).code, 2);
  });

  it("names the unknown account", async () => {
    const run = await tc9("account", "unban", "nobody");
    assert.equal(run.code, 1);
    assert.match(run.stderr, /there is no account "NOBODY"; check the name or create it first \(TC9_ERR_ACCOUNT_NOT_FOUND\)/);
  });

  it("says how to configure the auth database when none is given", async () => {
    const run = await runInProcess(["account", "unban", "alice"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: no auth database is configured; pass --auth-db .* or set TC9_AUTH_DB \(TC9_ERR_CLI_DATABASE_NOT_CONFIGURED\)\n$/);
  });

  it("runs as a process: finds the database in TC9_AUTH_DB, and exits 1 with one line when MariaDB is unreachable", async () => {
    const [created, unreachable] = await Promise.all([
      spawnCli(["account", "create", "spawned", "pw"], { env: { TC9_AUTH_DB: auth.url } }),
      spawnCli(["account", "create", "spawned", "pw", "--auth-db", "mysql://root@127.0.0.1:1/acore_auth"]),
    ]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /created account SPAWNED/);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.stderr, /^error: Database 127\.0\.0\.1:1\/acore_auth is unavailable: .*Check that MariaDB is running.* \(TC9_ERR_STORAGE_UNAVAILABLE\)\n$/);
  });
});

describe("tc9 account on AzerothCore's own auth schema", { skip: !fixturesAvailable() && "AzerothCore fixtures not found" }, () => {
  let auth: ScratchDatabase;

  before(async () => {
    auth = await createScratchDatabase({ schema: "auth", source: "azerothcore-fixtures" });
  });
  after(async () => {
    await auth?.drop();
  });

  it("creates, promotes, bans and unbans an account", async () => {
    const tc9 = (...argv: string[]) => runInProcess([...argv, "--auth-db", auth.url, "--json"]);
    const created = await tc9("account", "create", "acore", "pw", "--gm", "1", "--realm", "1");
    assert.equal(created.code, 0, created.stdout);
    assert.equal((await tc9("account", "password", "acore", "pw2")).code, 0);
    assert.equal((await tc9("account", "ban", "acore", "--duration", "30m", "--reason", "test")).code, 0);
    assert.deepEqual(JSON.parse((await tc9("account", "unban", "acore")).stdout), { ok: true, username: "ACORE", wasBanned: true });
    const row = await auth.db.queryOne<{ salt: Buffer; verifier: Buffer; gmlevel: number }>(
      "SELECT salt, verifier, gmlevel FROM account JOIN account_access USING (id) WHERE username = 'ACORE'",
    );
    assert.ok(row);
    assert.equal(row.gmlevel, 1);
    assert.equal(checkPassword("acore", "pw2", row.salt, row.verifier), true);
  });
});

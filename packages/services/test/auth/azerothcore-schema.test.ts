// The auth module on AzerothCore's own auth schema (the real dump with its seed rows: build_info,
// realm 1 "AzerothCore" with flag 2), unchanged: create an account, log in, reconnect, realm list.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RealmFlag } from "@tc9/sdk/wow";
import { fixturesAvailable, logon, reconnect } from "@tc9/sdk/testing";
import { createAccount } from "../../src/auth/index.js";
import { startAuthRealm, type AuthRealm } from "./support/auth-realm.js";

describe("auth module on AzerothCore's auth schema", { skip: fixturesAvailable() ? false : "AzerothCore fixtures are not on this machine" }, () => {
  let realm: AuthRealm;
  before(async () => {
    realm = await startAuthRealm({ source: "azerothcore-fixtures", seedRealm: false });
  });
  after(() => realm?.stop());

  it("logs in, writes the session key, reconnects and lists AzerothCore's seeded realm", async () => {
    await createAccount(realm.db, { username: "acore", password: "acore" });
    const result = await logon({ host: realm.host, port: realm.port, username: "acore", password: "acore", locale: "esMX" });
    const row = await realm.db.queryOne<{ session_key: Buffer; locale: number; last_ip: string }>(
      "SELECT session_key, locale, last_ip FROM account WHERE username = 'ACORE'",
    );
    assert.deepEqual(new Uint8Array(row?.session_key ?? []), result.sessionKey);
    assert.equal(row?.locale, 7);
    assert.equal(row?.last_ip, "127.0.0.1");
    assert.deepEqual(
      result.realms.map(({ id, name, flags, address, characterCount }) => ({ id, name, flags, address, characterCount })),
      [{ id: 1, name: "AzerothCore", flags: RealmFlag.OFFLINE, address: "127.0.0.1:8085", characterCount: 0 }],
    );
    const again = await reconnect({ host: realm.host, port: realm.port, username: "acore", sessionKey: result.sessionKey });
    assert.equal(again.realms.length, 1);
  });
});

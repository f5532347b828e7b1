// The embedded realm on fresh databases: what preparation creates, the realm list it serves, a
// character's way into the world and back, and a restart that leaves the operator's data alone.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { createLogger, toSafeInteger, type DatabaseInteger } from "@tc9/sdk";
import { HeadlessClient, logon, testServerUrl } from "@tc9/sdk/testing";
import { ResponseCode } from "@tc9/sdk/wow";
import { createAccount } from "../../src/auth/index.js";
import { startEmbeddedRealm, type EmbeddedRealm } from "../../src/embedded/index.js";
import { dropDatabases, existingDatabases, openTestDatabase, uniqueDatabaseNames } from "./support/database-names.js";

const quiet = createLogger({ level: "silent" });
const names = uniqueDatabaseNames();
const start = (): Promise<EmbeddedRealm> =>
  startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), realm: { id: 3, name: "Embedded" }, authPort: 0, gatewayPort: 0, logger: quiet });

async function countOf(realm: EmbeddedRealm, database: "auth" | "characters" | "world", sql: string): Promise<number> {
  const row = await realm.databases[database].queryOne<{ n: DatabaseInteger }>(sql);
  return toSafeInteger(row?.n ?? 0);
}

describe("embedded realm on fresh databases", () => {
  let realm: EmbeddedRealm;

  before(async () => {
    await dropDatabases(names);
    realm = await start();
    await createAccount(realm.databases.auth, { username: "ember", password: "glow" });
  });

  after(async () => {
    await realm.stop();
    await dropDatabases(names);
  });

  it("creates the three databases with tc9's tables, build 12340, tc9's migrations and the starting places", async () => {
    assert.deepEqual(await existingDatabases(names), [names.authDatabase, names.charactersDatabase, names.worldDatabase].sort());
    assert.equal(await countOf(realm, "auth", "SELECT COUNT(*) AS n FROM build_info WHERE build = 12340"), 1);
    const migrationFiles = (await readdir(new URL("../../../../migrations/characters/", import.meta.url))).filter((file) => file.endsWith(".sql"));
    assert.equal(await countOf(realm, "characters", "SELECT COUNT(*) AS n FROM tc9_schema_migrations WHERE kind = 'characters'"), migrationFiles.length);
    assert.equal(await countOf(realm, "world", "SELECT COUNT(*) AS n FROM playercreateinfo"), 62);
    assert.equal(await countOf(realm, "world", "SELECT COUNT(*) AS n FROM playercreateinfo WHERE class = 6 AND map = 609"), 10);
  });

  it("writes the realm's realmlist row with the gateway's port and the advertised host", async () => {
    const row = await realm.databases.auth.queryOne("SELECT id, name, address, port, icon, flag, timezone, gamebuild FROM realmlist");
    assert.deepEqual(row, { id: 3, name: "Embedded", address: "127.0.0.1", port: realm.gatewayAddress.port, icon: 0, flag: 2, timezone: 1, gamebuild: 12340 });
  });

  it("lists the realm online at its gateway", async () => {
    const { realms } = await logon({ host: "127.0.0.1", port: realm.authAddress.port, username: "ember", password: "glow" });
    assert.deepEqual(
      realms.map(({ id, name, address, flags }) => ({ id, name, address, flags })),
      [{ id: 3, name: "Embedded", address: `127.0.0.1:${realm.gatewayAddress.port}`, flags: 0 }],
    );
  });

  it("takes a new character into the simulated world and saves it there on logout", async () => {
    const client = new HeadlessClient({ auth: { host: "127.0.0.1", port: realm.authAddress.port }, username: "ember", password: "glow", timeoutMs: 5_000 });
    try {
      const [entry] = (await client.logon()).realms;
      assert.ok(entry);
      await client.connectWorld(entry);
      assert.equal(await client.createCharacter({ name: "Cinder", race: 2, classId: 1 }), ResponseCode.CHAR_CREATE_SUCCESS);
      const [cinder] = await client.characters();
      assert.ok(cinder);
      const location = await client.enterWorld(cinder.guid);
      assert.deepEqual([location.map, Math.round(location.position.x)], [1, -619], "an orc warrior starts in the Valley of Trials");
      await client.teleport(-600, -4200, 40);
      await client.logout();
      const saved = await realm.databases.characters.queryOne<{ x: number; online: number }>("SELECT position_x AS x, online FROM characters WHERE guid = ?", [cinder.guid]);
      assert.deepEqual(saved, { x: -600, online: 0 });
    } finally {
      client.close();
    }
  });

  it("keeps the operator's data when it starts again on the same databases", async () => {
    await realm.stop();
    const auth = openTestDatabase(names.authDatabase);
    const world = openTestDatabase(names.worldDatabase);
    try {
      await auth.execute("UPDATE realmlist SET name = 'Renamed', port = 9999 WHERE id = 3");
      await world.execute("DELETE FROM playercreateinfo WHERE class = 6");
    } finally {
      await auth.close();
      await world.close();
    }
    realm = await start();
    assert.deepEqual(await realm.databases.auth.queryOne("SELECT name, port FROM realmlist WHERE id = 3"), { name: "Renamed", port: 9999 });
    assert.equal(await countOf(realm, "auth", "SELECT COUNT(*) AS n FROM account WHERE username = 'EMBER'"), 1);
    assert.equal(await countOf(realm, "characters", "SELECT COUNT(*) AS n FROM characters WHERE name = 'Cinder'"), 1);
    assert.equal(await countOf(realm, "world", "SELECT COUNT(*) AS n FROM playercreateinfo"), 52, "a table with rows is not refilled");
    const { realms } = await logon({ host: "127.0.0.1", port: realm.authAddress.port, username: "ember", password: "glow" });
    assert.deepEqual(
      realms.map(({ name, address }) => ({ name, address })),
      [{ name: "Renamed", address: `127.0.0.1:${realm.gatewayAddress.port}` }],
      "the realm list follows the registered gateway, not the row's port",
    );
  });
});

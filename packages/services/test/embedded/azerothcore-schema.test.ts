// The embedded realm on databases AzerothCore created (its real schema dumps): nothing of theirs
// is changed, the realm list shows AzerothCore's realm row, and a player gets into the world.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, toSafeInteger, type DatabaseInteger } from "@tc9/sdk";
import { createScratchDatabase, fixturesAvailable, HeadlessClient, testServerUrl } from "@tc9/sdk/testing";
import { ResponseCode } from "@tc9/sdk/wow";
import { createAccount } from "../../src/auth/index.js";
import { startEmbeddedRealm, type EmbeddedRealm } from "../../src/embedded/index.js";

type ScratchDatabase = Awaited<ReturnType<typeof createScratchDatabase>>;

const quiet = createLogger({ level: "silent" });

describe("embedded realm on AzerothCore's own schema", { skip: !fixturesAvailable() && "AzerothCore fixtures not found" }, () => {
  let scratch: ScratchDatabase[] = [];
  let realm: EmbeddedRealm | undefined;
  let buildRowsBefore: number;

  before(async () => {
    scratch = await Promise.all(
      (["auth", "characters", "world"] as const).map((schema) => createScratchDatabase({ schema, source: "azerothcore-fixtures" })),
    );
    const [auth, characters, world] = scratch;
    assert.ok(auth && characters && world);
    buildRowsBefore = toSafeInteger((await auth.db.queryOne<{ n: DatabaseInteger }>("SELECT COUNT(*) AS n FROM build_info"))?.n ?? 0);
    realm = await startEmbeddedRealm({
      mysqlUrl: testServerUrl(),
      authDatabase: auth.name,
      charactersDatabase: characters.name,
      worldDatabase: world.name,
      authPort: 0,
      gatewayPort: 0,
      logger: quiet,
    });
    await createAccount(realm.databases.auth, { username: "azeroth", password: "core" });
  });

  after(async () => {
    await realm?.stop();
    await Promise.all(scratch.map((database) => database.drop()));
  });

  it("keeps AzerothCore's realmlist row and build_info rows", async () => {
    assert.ok(realm);
    assert.deepEqual(await realm.databases.auth.queryOne("SELECT id, name, port FROM realmlist"), { id: 1, name: "AzerothCore", port: 8085 });
    const buildRows = await realm.databases.auth.queryOne<{ n: DatabaseInteger }>("SELECT COUNT(*) AS n FROM build_info");
    assert.equal(toSafeInteger(buildRows?.n ?? 0), buildRowsBefore);
  });

  it("lists AzerothCore's realm at the gateway and takes a new character into the world", async () => {
    assert.ok(realm);
    const client = new HeadlessClient({ auth: { host: "127.0.0.1", port: realm.authAddress.port }, username: "azeroth", password: "core", timeoutMs: 5_000 });
    try {
      const [entry] = (await client.logon()).realms;
      assert.deepEqual([entry?.name, entry?.address], ["AzerothCore", `127.0.0.1:${realm.gatewayAddress.port}`]);
      assert.ok(entry);
      await client.connectWorld(entry);
      assert.equal(await client.createCharacter({ name: "Forge", race: 3, classId: 2 }), ResponseCode.CHAR_CREATE_SUCCESS);
      const [forge] = await client.characters();
      assert.ok(forge);
      const location = await client.enterWorld(forge.guid);
      assert.deepEqual([location.map, Math.round(location.position.y)], [0, 331], "a dwarf paladin starts in Coldridge Valley");
      await client.logout();
    } finally {
      client.close();
    }
  });
});

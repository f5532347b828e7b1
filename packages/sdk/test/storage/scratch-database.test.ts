import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Database, StorageUnavailableError, azerothCoreSchemaTables } from "../../src/storage/index.js";
import {
  FixturesUnavailableError,
  createScratchDatabase,
  fixturesAvailable,
  fixturesDir,
} from "../../src/storage/testing.js";

async function tableCount(db: Database): Promise<number> {
  const row = await db.queryOne<{ total: string }>(
    "SELECT COUNT(*) AS total FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
    [db.name],
  );
  return Number(row?.total);
}

describe("createScratchDatabase", () => {
  it("creates tc9_test_<pid>_<random> with tc9's schema files and drops it again", async () => {
    const scratch = await createScratchDatabase({ schema: "world" });
    assert.match(scratch.name, new RegExp(`^tc9_test_${process.pid}_[0-9a-f]{8}$`));
    assert.equal(await tableCount(scratch.db), (await azerothCoreSchemaTables("world")).length);
    await scratch.drop();
    await scratch.drop();
    const probe = new Database(scratch.url);
    await assert.rejects(probe.ping(), StorageUnavailableError, "the database is gone");
    await probe.close();
  });

  it("creates an empty database when no schema is asked for", async () => {
    const scratch = await createScratchDatabase();
    try {
      assert.equal(await tableCount(scratch.db), 0);
    } finally {
      await scratch.drop();
    }
  });

  it(
    "loads AzerothCore's full dumps, mysqldump comments, LOCK TABLES and seed rows included",
    { skip: fixturesAvailable() ? false : `AzerothCore fixtures not found in ${fixturesDir()}` },
    async () => {
      const [auth, characters, world] = await Promise.all([
        createScratchDatabase({ schema: "auth", source: "azerothcore-fixtures" }),
        createScratchDatabase({ schema: "characters", source: "azerothcore-fixtures" }),
        createScratchDatabase({ schema: "world", source: "azerothcore-fixtures" }),
      ]);
      try {
        assert.deepEqual(
          await Promise.all([tableCount(auth.db), tableCount(characters.db), tableCount(world.db)]),
          [22, 108, 11],
        );
        const realm = await auth.db.queryOne<{ name: string; gamebuild: number }>("SELECT name, gamebuild FROM realmlist");
        assert.equal(realm?.gamebuild, 12340);
      } finally {
        await Promise.all([auth.drop(), characters.drop(), world.drop()]);
      }
    },
  );

  it("fails with FixturesUnavailableError when the fixture folder is missing", async () => {
    const saved = process.env["TC9_AZEROTHCORE_FIXTURES"];
    process.env["TC9_AZEROTHCORE_FIXTURES"] = "/nonexistent/tc9-fixtures";
    try {
      assert.equal(fixturesAvailable(), false);
      await assert.rejects(
        createScratchDatabase({ schema: "auth", source: "azerothcore-fixtures" }),
        (error: unknown) => error instanceof FixturesUnavailableError && error.code === "TC9_ERR_STORAGE_FIXTURES_MISSING",
      );
    } finally {
      if (saved === undefined) delete process.env["TC9_AZEROTHCORE_FIXTURES"];
      else process.env["TC9_AZEROTHCORE_FIXTURES"] = saved;
    }
  });
});

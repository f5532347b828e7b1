import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  DatabaseSet,
  StorageConfigError,
  StorageUnavailableError,
  UnknownRealmError,
} from "../../src/storage/index.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/storage/testing.js";
import { closedPort } from "./support/network.js";

describe("DatabaseSet", () => {
  let auth: ScratchDatabase;
  let characters: ScratchDatabase;
  let world: ScratchDatabase;

  before(async () => {
    [auth, characters, world] = await Promise.all([
      createScratchDatabase({ schema: "auth" }),
      createScratchDatabase({ schema: "characters" }),
      createScratchDatabase({ schema: "world" }),
    ]);
  });

  after(async () => {
    await Promise.all([auth?.drop(), characters?.drop(), world?.drop()]);
  });

  it("opens one pool per distinct URL and routes realms to their databases", async () => {
    const set = new DatabaseSet({
      auth: auth.url,
      realms: { "1": { characters: characters.url, world: world.url }, "2": { characters: characters.url, world: world.url } },
    });
    try {
      assert.deepEqual(set.realmIds, [1, 2]);
      assert.equal(set.auth.name, auth.name);
      assert.equal(set.characters(1).name, characters.name);
      assert.equal(set.world(2), set.world(1), "realms sharing a world database share its pool");
      await set.ping();
      const build = await set.auth.queryOne<{ build: number }>("SELECT build FROM build_info WHERE build = ?", [12340]);
      assert.deepEqual(build, { build: 12340 }, "tc9's auth schema seeds the 3.3.5a build row");
      await set.characters(2).execute(
        "INSERT INTO characters (guid, account, name, taximask, innTriggerId) VALUES (?, ?, ?, ?, ?)",
        [42, 1, "Gamma", "", 0],
      );
      const row = await set.characters(1).queryOne<{ name: string }>("SELECT name FROM characters WHERE guid = ?", [42]);
      assert.deepEqual(row, { name: "Gamma" });
    } finally {
      await set.close();
    }
  });

  it("names the missing realm and the fix in UnknownRealmError", () => {
    const set = new DatabaseSet({ auth: auth.url, realms: { "1": { characters: characters.url, world: world.url } } });
    assert.throws(
      () => set.characters(3),
      (error: unknown) =>
        error instanceof UnknownRealmError &&
        error.code === "TC9_ERR_STORAGE_UNKNOWN_REALM" &&
        error.realmId === 3 &&
        /configured realms: 1\)\. Add realms\.3\.characters/.test(error.message),
    );
  });

  it("refuses realm keys that are not realm ids", () => {
    assert.throws(
      () => new DatabaseSet({ auth: auth.url, realms: { main: { characters: characters.url, world: world.url } } }),
      StorageConfigError,
    );
  });

  it("reports an unreachable member database from ping()", async () => {
    const port = await closedPort();
    const set = new DatabaseSet({
      auth: auth.url,
      realms: { "1": { characters: `mysql://root@127.0.0.1:${port}/acore_characters`, world: world.url } },
    });
    try {
      await assert.rejects(set.ping(), (error: unknown) => error instanceof StorageUnavailableError && error.target.endsWith("/acore_characters"));
    } finally {
      await set.close();
    }
  });
});

/**
 * The guid module on AzerothCore's own characters schema (the fixture dump, unchanged): its
 * migration applies, and each kind is seeded from AzerothCore's `characters`, `item_instance`
 * and `instance` tables.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GuidType } from "@tc9/sdk/contracts";
import { createScratchDatabase, fixturesAvailable } from "@tc9/sdk/testing";
import { startGuidNode, type GuidNode } from "./support/guid-node.js";
import type { ScratchDatabase } from "./support/high-water-db.js";
import { seedCharacters, seedInstances, seedItems } from "./support/seed.js";

const skip = fixturesAvailable() ? false : "the AzerothCore fixtures (shared/fixtures/azerothcore) are not on this machine";

describe("guid module on AzerothCore's schema", { skip }, () => {
  let scratch: ScratchDatabase;
  let cluster: GuidNode;

  before(async () => {
    scratch = await createScratchDatabase({ schema: "characters", source: "azerothcore-fixtures" });
    await seedCharacters(scratch.db, [1, 2, 40]);
    await seedItems(scratch.db, [12, 3000]);
    await seedInstances(scratch.db, [9]);
    cluster = await startGuidNode([{ id: 1, charactersUrl: scratch.url }]);
  });
  after(async () => {
    await cluster?.node.stop();
    await scratch?.drop();
  });

  it("seeds from AzerothCore's tables and hands out the GUIDs above them", async () => {
    const ask = async (guidType: GuidType, size: bigint): Promise<unknown> =>
      (await cluster.guids.getGUIDPool({ realmID: 1, guidType, desiredPoolSize: size })).receiverGUID;
    assert.deepEqual(await ask(GuidType.Character, 2n), [{ start: 41n, end: 42n }]);
    assert.deepEqual(await ask(GuidType.Item, 100n), [{ start: 3001n, end: 3100n }]);
    assert.deepEqual(await ask(GuidType.Instance, 1n), [{ start: 10n, end: 10n }]);
    const marks = await scratch.db.queryRows<{ guid_type: number }>(
      "SELECT guid_type FROM tc9_guid_high_water WHERE realm_id = 1 ORDER BY guid_type",
    );
    assert.deepEqual(marks.map((mark) => mark.guid_type), [GuidType.Character, GuidType.Item, GuidType.Instance]);
  });
});

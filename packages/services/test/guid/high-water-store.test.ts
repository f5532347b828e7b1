/** HighWaterStore on MariaDB: seeding, rising only, clamping at the ceiling, concurrent reservations. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Database } from "@tc9/sdk";
import { GUID_KINDS, HighWaterStore, type GuidKind, type GuidRange } from "../../src/guid/index.js";
import { migratedCharacters, type ScratchDatabase } from "./support/high-water-db.js";
import { seedCharacters, seedItems } from "./support/seed.js";

const [character, item, instance] = GUID_KINDS as [GuidKind, GuidKind, GuidKind];

describe("HighWaterStore", () => {
  let scratch: ScratchDatabase;

  before(async () => {
    scratch = await migratedCharacters();
  });
  after(() => scratch?.drop());

  it("seeds from the table's maximum, then only rises", async () => {
    const store = new HighWaterStore(scratch.db, 1);
    await seedCharacters(scratch.db, [7, 12]);
    assert.equal(await store.seed(character), 12n);
    assert.equal(await store.seed(instance), 0n, "an empty table seeds 0");
    assert.deepEqual(await store.reserve(character, 3n), { start: 13n, end: 15n });
    assert.equal(await store.seed(character), 15n, "seeding again keeps the reserved mark");
    await seedCharacters(scratch.db, [40]);
    assert.equal(await store.seed(character), 40n, "ids written outside the cluster raise the mark");
    await scratch.db.execute("DELETE FROM characters");
    assert.equal(await store.seed(character), 40n, "deleting rows never lowers it");
  });

  it("stops at the column's ceiling", async () => {
    const store = new HighWaterStore(scratch.db, 2);
    await seedItems(scratch.db, [Number(item.ceiling) - 3]);
    await store.seed(item);
    assert.deepEqual(await store.reserve(item, 10n), { start: item.ceiling - 2n, end: item.ceiling });
    assert.equal(await store.reserve(item, 1n), undefined);
  });

  it("gives disjoint ranges to reservations racing on separate connections", async () => {
    const other = new Database({ url: scratch.url, poolSize: 8 });
    try {
      const stores = [new HighWaterStore(scratch.db, 3), new HighWaterStore(other, 3)];
      await stores[0]?.seed(instance);
      const ranges = await Promise.all(
        Array.from({ length: 100 }, (_, index) => stores[index % 2]?.reserve(instance, BigInt(1 + (index % 9)))),
      );
      const granted = ranges.filter((range): range is GuidRange => range !== undefined).sort((a, b) => (a.start < b.start ? -1 : 1));
      assert.equal(granted.length, 100);
      let next = 1n;
      for (const range of granted) {
        assert.equal(range.start, next, "each range starts right after the previous one");
        next = range.end + 1n;
      }
    } finally {
      await other.close();
    }
  });
});

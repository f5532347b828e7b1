/**
 * The guid module through `node.use(GuidService)` on real MariaDB: seeding from the realm's
 * tables, inclusive contiguous ranges, independent realms and kinds, request checks, the column
 * ceiling, restarts, and how rarely a call reaches the database.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RpcError, RpcStatus, type Client } from "@tc9/sdk";
import { GuidType, type GuidService } from "@tc9/sdk/contracts";
import { createScratchDatabase } from "@tc9/sdk/testing";
import type { GuidRange } from "../../src/guid/index.js";
import { startGuidNode, type GuidNode } from "./support/guid-node.js";
import type { ScratchDatabase } from "./support/high-water-db.js";
import { seedCharacters, seedInstances, seedItems } from "./support/seed.js";

type Guids = Client<typeof GuidService>;
const INT_UNSIGNED_MAX = 0xffff_ffffn;

/** Every GUID of the ranges, in order. */
function expand(ranges: readonly GuidRange[]): bigint[] {
  return ranges.flatMap((range) => Array.from({ length: Number(range.end - range.start + 1n) }, (_, i) => range.start + BigInt(i)));
}

async function draw(guids: Guids, realmID: number, guidType: GuidType, size: number): Promise<bigint[]> {
  const { receiverGUID } = await guids.getGUIDPool({ realmID, guidType, desiredPoolSize: BigInt(size) });
  for (const range of receiverGUID) assert.ok(range.start <= range.end, `range ${range.start}-${range.end} is inclusive`);
  return expand(receiverGUID);
}

function rpcStatus(status: RpcStatus): (error: unknown) => boolean {
  return (error) => error instanceof RpcError && error.status === status;
}

async function reservationCount(node: GuidNode): Promise<number> {
  const metric = await node.node.metrics.registry.getSingleMetric("tc9_guid_reservations_total")?.get();
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

describe("guid module", () => {
  let realm1: ScratchDatabase;
  let realm2: ScratchDatabase;
  let cluster: GuidNode;
  const realms = (): Array<{ id: number; charactersUrl: string }> => [
    { id: 1, charactersUrl: realm1.url },
    { id: 2, charactersUrl: realm2.url },
  ];

  before(async () => {
    [realm1, realm2] = await Promise.all([
      createScratchDatabase({ schema: "characters" }),
      createScratchDatabase({ schema: "characters" }),
    ]);
    await seedCharacters(realm1.db, [3, 17]);
    await seedItems(realm1.db, [5, 900, 42]);
    await seedCharacters(realm2.db, [1000]);
    await seedInstances(realm2.db, [77]);
    cluster = await startGuidNode(realms(), { maxPoolSize: 5000 });
  });
  after(async () => {
    await cluster?.node.stop();
    await Promise.all([realm1?.drop(), realm2?.drop()]);
  });

  it("seeds each realm and kind from the largest id in its table", async () => {
    assert.deepEqual(await draw(cluster.guids, 1, GuidType.Character, 2), [18n, 19n]);
    assert.deepEqual(await draw(cluster.guids, 1, GuidType.Item, 1), [901n]);
    assert.deepEqual(await draw(cluster.guids, 1, GuidType.Instance, 3), [1n, 2n, 3n]);
    assert.deepEqual(await draw(cluster.guids, 2, GuidType.Character, 1), [1001n]);
    assert.deepEqual(await draw(cluster.guids, 2, GuidType.Item, 1), [1n]);
    assert.deepEqual(await draw(cluster.guids, 2, GuidType.Instance, 1), [78n]);
  });

  it("hands out inclusive ranges that follow each other without gaps or overlaps", async () => {
    const first = await draw(cluster.guids, 1, GuidType.Item, 1);
    const drawn = [...first];
    for (let size = 1; size <= 60; size++) {
      const guids = await draw(cluster.guids, 1, GuidType.Item, size);
      assert.equal(guids.length, size);
      drawn.push(...guids);
    }
    const start = first[0] ?? 0n;
    assert.deepEqual(drawn, drawn.map((_, index) => start + BigInt(index)));
  });

  it("keeps realms and kinds apart", async () => {
    const before1 = await draw(cluster.guids, 1, GuidType.Character, 1);
    const before2 = await draw(cluster.guids, 2, GuidType.Character, 1);
    await draw(cluster.guids, 2, GuidType.Character, 500);
    await draw(cluster.guids, 1, GuidType.Item, 700);
    assert.deepEqual(await draw(cluster.guids, 1, GuidType.Character, 1), [(before1[0] ?? 0n) + 1n]);
    assert.equal((await draw(cluster.guids, 2, GuidType.Character, 1))[0], (before2[0] ?? 0n) + 501n);
  });

  it("reaches the database for a small share of the calls", async () => {
    const before = await reservationCount(cluster);
    for (let call = 0; call < 200; call++) await draw(cluster.guids, 1, GuidType.Instance, 10);
    const reservations = (await reservationCount(cluster)) - before;
    assert.ok(reservations <= 50, `200 calls made ${reservations} reservations`);
  });

  it("refuses realms it does not serve, unknown types and pool sizes out of range", async () => {
    const ask = (realmID: number, guidType: number, desiredPoolSize: bigint): Promise<unknown> =>
      cluster.guids.getGUIDPool({ realmID, guidType: guidType as GuidType, desiredPoolSize });
    await assert.rejects(ask(9, GuidType.Item, 1n), rpcStatus(RpcStatus.NOT_FOUND));
    await assert.rejects(ask(1, 3, 1n), rpcStatus(RpcStatus.INVALID_ARGUMENT));
    await assert.rejects(ask(1, GuidType.Item, 0n), rpcStatus(RpcStatus.INVALID_ARGUMENT));
    await assert.rejects(ask(1, GuidType.Item, 5001n), rpcStatus(RpcStatus.INVALID_ARGUMENT));
    assert.equal((await draw(cluster.guids, 1, GuidType.Item, 5000)).length, 5000);
  });

  it("answers FAILED_PRECONDITION when a high-water row disappears under it", async () => {
    await realm2.db.execute("DELETE FROM tc9_guid_high_water WHERE realm_id = 2 AND guid_type = ?", [GuidType.Instance]);
    await assert.rejects(
      cluster.guids.getGUIDPool({ realmID: 2, guidType: GuidType.Instance, desiredPoolSize: 5000n }),
      rpcStatus(RpcStatus.FAILED_PRECONDITION),
    );
  });

  it("continues above the persisted high-water mark after a restart, reusing nothing", async () => {
    const drawn = await draw(cluster.guids, 1, GuidType.Character, 5);
    await cluster.node.stop();
    const mark = await realm1.db.queryOne<{ high: string }>(
      "SELECT high FROM tc9_guid_high_water WHERE realm_id = 1 AND guid_type = ?",
      [GuidType.Character],
    );
    const high = BigInt(mark?.high ?? "0");
    assert.ok(high > (drawn.at(-1) ?? 0n), "the mark also covers the GUIDs prefetched and never handed out");
    cluster = await startGuidNode(realms(), { maxPoolSize: 5000 });
    assert.deepEqual(await draw(cluster.guids, 1, GuidType.Character, 2), [high + 1n, high + 2n]);
  });

  it("never passes the column's ceiling: RESOURCE_EXHAUSTED once it is used up", async () => {
    await seedItems(realm2.db, [Number(INT_UNSIGNED_MAX - 5n)]);
    await cluster.node.stop();
    cluster = await startGuidNode(realms(), { maxPoolSize: 5000 });
    assert.deepEqual(await draw(cluster.guids, 2, GuidType.Item, 3), [INT_UNSIGNED_MAX - 4n, INT_UNSIGNED_MAX - 3n, INT_UNSIGNED_MAX - 2n]);
    await assert.rejects(
      cluster.guids.getGUIDPool({ realmID: 2, guidType: GuidType.Item, desiredPoolSize: 3n }),
      rpcStatus(RpcStatus.RESOURCE_EXHAUSTED),
    );
    assert.deepEqual(await draw(cluster.guids, 2, GuidType.Item, 2), [INT_UNSIGNED_MAX - 1n, INT_UNSIGNED_MAX]);
    await assert.rejects(
      cluster.guids.getGUIDPool({ realmID: 2, guidType: GuidType.Item, desiredPoolSize: 1n }),
      rpcStatus(RpcStatus.RESOURCE_EXHAUSTED),
    );
    assert.deepEqual(cluster.node.moduleInfo("guid")?.["pools"], [
      { realm: 1, type: "character", stock: 0, exhausted: false },
      { realm: 1, type: "item", stock: 0, exhausted: false },
      { realm: 1, type: "instance", stock: 0, exhausted: false },
      { realm: 2, type: "character", stock: 0, exhausted: false },
      { realm: 2, type: "item", stock: 0, exhausted: true },
      { realm: 2, type: "instance", stock: 0, exhausted: false },
    ]);
  });
});

// Weighted map assignment within a pool: explicit servers get exactly their maps, every-map servers
// split the rest of the 3.3.5a maps by weight, balanced, deterministic and stable; maps gained by a
// server that had maps are pending and their previous owner keeps them meanwhile.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { balanceMaps, planPool, restorePlan, type EveryMapServer } from "../../src/registry/map-assignment.js";
import { MAP_IDS_335A, mapWeight } from "../../src/registry/map-weights.js";
import type { GameServerRecord } from "../../src/registry/registry-store.js";

const weightOf = (maps: readonly number[]): number => maps.reduce((sum, map) => sum + mapWeight(map), 0);
const TOTAL = weightOf(MAP_IDS_335A);
const ids = (count: number, prefix = "s"): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** Runs the balancing for `serverIds`, each keeping what `previous` gave it. */
function balance(serverIds: readonly string[], previous = new Map<string, number[]>()): Map<string, number[]> {
  const servers: EveryMapServer[] = serverIds.map((id) => ({ id, assignedMaps: previous.get(id) ?? [] }));
  return balanceMaps(servers, MAP_IDS_335A);
}

/** Every map exactly once, and nothing else. */
function assertPartition(result: Map<string, number[]>, maps: readonly number[] = MAP_IDS_335A): void {
  const all = [...result.values()].flat().sort((a, b) => a - b);
  assert.deepEqual(all, [...maps].sort((a, b) => a - b));
}

/** The weight that changed owner between two assignments, counted on the servers present in both. */
function movedWeight(before: Map<string, number[]>, after: Map<string, number[]>): number {
  let moved = 0;
  for (const [id, maps] of before) {
    const now = after.get(id);
    if (now) moved += weightOf(maps.filter((map) => !now.includes(map)));
  }
  return moved;
}

/** The best possible largest load: a map heavier than the average sits alone, the rest is split evenly. */
function bestLargestLoad(servers: number): number {
  const weights = MAP_IDS_335A.map(mapWeight).sort((a, b) => b - a);
  return Math.max(weights[0] ?? 0, Math.ceil(TOTAL / servers));
}

describe("map weights", () => {
  it("lists the 3.3.5a maps once each, with ToCloud9's weights", () => {
    assert.equal(new Set(MAP_IDS_335A).size, MAP_IDS_335A.length);
    for (const map of [0, 1, 13, 169, 530, 571, 603, 609, 724]) assert.ok(MAP_IDS_335A.includes(map), `map ${map}`);
    assert.deepEqual([0, 1, 530, 571, 603, 609, 36, 9999].map(mapWeight), [100, 100, 50, 120, 2, 2, 1, 1]);
  });
});

describe("balanceMaps", () => {
  it("gives a single every-map server every map, including those ToCloud9's weight table lacks", () => {
    const result = balance(["only"]);
    assertPartition(result);
    for (const missingFromToCloud9 of [13, 25, 35, 169, 573, 718]) assert.ok(result.get("only")?.includes(missingFromToCloud9));
  });

  it("splits every map between 2 to 12 servers with no map dropped, as evenly as the weights allow", () => {
    for (let count = 2; count <= 12; count += 1) {
      const result = balance(ids(count));
      assertPartition(result);
      const loads = [...result.values()].map(weightOf);
      assert.ok(Math.max(...loads) <= bestLargestLoad(count) + 1, `${count} servers: loads ${loads.join(",")}`);
      const shared = [...result.values()].filter((maps) => maps.length > 1).map(weightOf);
      if (shared.length > 1) assert.ok(Math.max(...shared) - Math.min(...shared) <= 2, `${count} servers: loads ${loads.join(",")}`);
    }
  });

  it("is deterministic: the same servers in another order get the same maps", () => {
    const forward = balance(["a", "b", "c", "d"]);
    const backward = balanceMaps(["d", "c", "b", "a"].map((id) => ({ id, assignedMaps: [] })), [...MAP_IDS_335A].reverse());
    assert.deepEqual([...backward].sort(), [...forward].sort());
  });

  it("moves only the removed server's maps (and a few light maps to make room) when one leaves", () => {
    for (let count = 2; count <= 8; count += 1) {
      const before = balance(ids(count));
      for (const leaving of ids(count)) {
        const survivors = ids(count).filter((id) => id !== leaving);
        const after = balance(survivors, before);
        assertPartition(after);
        const lost = [...before].filter(([id]) => id !== leaving).flatMap(([id, maps]) => maps.filter((map) => !after.get(id)?.includes(map)));
        assert.ok(lost.every((map) => mapWeight(map) <= 2), `${leaving} of ${count}: survivors lost only light maps (no continent), lost ${lost.join(",")}`);
        assert.ok(weightOf(lost) <= weightOf(before.get(leaving) ?? []), `${leaving} of ${count}: survivors lost ${weightOf(lost)}`);
        const loads = [...after.values()].map(weightOf);
        assert.ok(Math.max(...loads) <= bestLargestLoad(count - 1) + 2, `${leaving} of ${count}: loads ${loads.join(",")}`);
      }
    }
  });

  it("moves about the newcomer's share when one server joins", () => {
    let previous = balance(["s0"]);
    for (let count = 2; count <= 8; count += 1) {
      const after = balance(ids(count), previous);
      assertPartition(after);
      const newcomer = weightOf(after.get(`s${count - 1}`) ?? []);
      const moved = movedWeight(previous, after);
      assert.ok(moved <= Math.ceil(newcomer * 1.15), `${count} servers: moved ${moved} for a newcomer carrying ${newcomer}`);
      const loads = [...after.values()].map(weightOf);
      assert.ok(Math.max(...loads) <= bestLargestLoad(count) + 2, `${count} servers: loads ${loads.join(",")}`);
      previous = after;
    }
  });

  it("changes nothing when the servers stay the same", () => {
    const before = balance(ids(5));
    assert.deepEqual(balance(ids(5), before), before);
  });
});

describe("planPool", () => {
  const server = (id: string, fields: Partial<GameServerRecord> = {}): GameServerRecord => ({
    id, address: `${id}:1`, healthCheckAddress: "", grpcAddress: "", alias: id, realmId: 1, isCrossRealm: false,
    availableMaps: [], assignedMaps: [], pendingMaps: [], releasingMaps: [], activeConnections: 0,
    delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded: false, ...fields,
  });

  it("restorePlan gives a returning server its previous maps (not ones an explicit server claimed since) and moves nothing else", () => {
    const pool = [
      server("a", { assignedMaps: [0, 13, 30], pendingMaps: [30], releasingMaps: [] }),
      server("b", { assignedMaps: [1, 25, 33], pendingMaps: [33] }),
      server("x", { availableMaps: [36], assignedMaps: [36] }),
      server("r"),
    ];
    const plans = restorePlan(pool, "r", [30, 33, 36]);
    assert.deepEqual(plans.get("r"), { oldMaps: [], assignedMaps: [30, 33], pendingMaps: [], releasingMaps: [] }, "its maps as initial load, 36 stays claimed");
    assert.deepEqual(plans.get("a"), { oldMaps: [0, 13, 30], assignedMaps: [0, 13], pendingMaps: [], releasingMaps: [] });
    assert.deepEqual(plans.get("b"), { oldMaps: [1, 25, 33], assignedMaps: [1, 25], pendingMaps: [], releasingMaps: [] });
    assert.deepEqual(plans.get("x")?.assignedMaps, [36]);
  });

  it("gives explicit servers exactly their maps, even two servers the same map, and the rest to the every-map servers", () => {
    const plans = planPool([server("a", { availableMaps: [571, 9000] }), server("b", { availableMaps: [571] }), server("c"), server("d")]);
    assert.deepEqual(plans.get("a")?.assignedMaps, [571, 9000]);
    assert.deepEqual(plans.get("b")?.assignedMaps, [571]);
    const everyMap = [...(plans.get("c")?.assignedMaps ?? []), ...(plans.get("d")?.assignedMaps ?? [])].sort((x, y) => x - y);
    assert.deepEqual(everyMap, MAP_IDS_335A.filter((map) => map !== 571));
  });

  it("marks maps gained by a server that had maps as pending, and has their previous owner release them", () => {
    const owner = balance(["a", "b"]);
    const aMaps = owner.get("a") ?? [];
    const bMaps = owner.get("b") ?? [];
    const plans = planPool([server("a", { assignedMaps: aMaps }), server("b", { assignedMaps: bMaps, availableMaps: [] }), server("c", { availableMaps: bMaps })]);
    assert.deepEqual(plans.get("c")?.assignedMaps, bMaps, "c claims b's maps explicitly");
    assert.deepEqual(plans.get("c")?.pendingMaps, [], "c had no maps: its first assignment is not pending");
    const gainedByB = aMaps.filter((map) => !bMaps.includes(map) && plans.get("b")?.assignedMaps.includes(map));
    assert.ok(gainedByB.length > 0);
    assert.deepEqual(plans.get("b")?.pendingMaps, gainedByB);
    assert.deepEqual(plans.get("a")?.releasingMaps, gainedByB, "a keeps serving what b is loading");
    assert.deepEqual(plans.get("b")?.releasingMaps, [], "b's old maps went to c, which has them at once");
  });

  it("keeps still-pending maps pending, drops those taken away, and never makes the registering server's maps pending", () => {
    const plans = planPool([server("a", { assignedMaps: [0], pendingMaps: [0, 1] }), server("b", { availableMaps: [1], assignedMaps: [5] })], "b");
    assert.ok(plans.get("a")?.pendingMaps.includes(0));
    assert.ok(!plans.get("a")?.pendingMaps.includes(1), "map 1 now belongs to b");
    assert.deepEqual(plans.get("b")?.pendingMaps, []);
    assert.deepEqual(plans.get("a")?.oldMaps, [0]);
  });

  it("does not make a map pending on the server still releasing it when it gets it back", () => {
    const plans = planPool([server("a", { assignedMaps: [0], releasingMaps: [1] }), server("b", { availableMaps: [5], assignedMaps: [5] })]);
    assert.ok(plans.get("a")?.assignedMaps.includes(1), "b's taker is gone: map 1 goes back to a");
    assert.ok(!plans.get("a")?.pendingMaps.includes(1));
    assert.deepEqual(plans.get("a")?.releasingMaps, []);
  });
});

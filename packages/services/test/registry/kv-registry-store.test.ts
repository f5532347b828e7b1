/**
 * `KvRegistryStore` on the shared NATS: two stores on separate connections (as two registry
 * processes) write the same buckets concurrently and lose nothing; pool locks exclude each other;
 * group bindings agree on one winner.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createNatsBus, type Bus } from "@tc9/sdk";
import { uniqueSubjectPrefix } from "@tc9/sdk/testing";
import { GROUP_BINDING_TTL_MS } from "../../src/registry/registry-store.js";
import { KvRegistryStore, type GameServerRecord } from "../../src/registry/index.js";
import { NATS_URL } from "./helpers/registry-cluster.js";
import { deleteRegistryBuckets } from "./helpers/registry-node.js";

const prefix = uniqueSubjectPrefix("reg_store");

async function openStore(owner: string): Promise<{ bus: Bus; store: KvRegistryStore }> {
  const bus = createNatsBus({ servers: NATS_URL, name: `registry-store-${owner}`, subjectPrefix: prefix });
  const [servers, groups, removed, locks] = await Promise.all([
    bus.keyValue("registry"),
    bus.keyValue("registry-groups", { ttlMs: GROUP_BINDING_TTL_MS }),
    bus.keyValue("registry-removed", { ttlMs: 30_000 }),
    bus.keyValue("registry-lease", { ttlMs: 3_000 }),
  ]);
  return { bus, store: new KvRegistryStore({ servers, groups, removed, locks }, owner, 30_000) };
}

function server(id: string, realmId = 1): GameServerRecord {
  return {
    id, address: `127.0.0.1:${id}`, healthCheckAddress: `127.0.0.1:1${id}`, grpcAddress: `127.0.0.1:2${id}`, alias: `ws-${id}`,
    realmId, isCrossRealm: false, availableMaps: [], assignedMaps: [], pendingMaps: [], releasingMaps: [],
    activeConnections: 0, delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded: false,
  };
}

describe("KvRegistryStore shared by two processes", () => {
  let a: { bus: Bus; store: KvRegistryStore };
  let b: { bus: Bus; store: KvRegistryStore };

  before(async () => {
    [a, b] = await Promise.all([openStore("a"), openStore("b")]);
  });
  after(async () => {
    await Promise.all([a.bus.close(), b.bus.close()]);
    await deleteRegistryBuckets(prefix);
  });

  it("keeps every concurrent update of one record", async () => {
    await a.store.putGameServer(server("7001"));
    const bump = (store: KvRegistryStore) => store.updateGameServer("7001", (current) => ({ ...current, activeConnections: current.activeConnections + 1 }));
    await Promise.all(Array.from({ length: 40 }, (_, index) => bump(index % 2 === 0 ? a.store : b.store)));
    assert.equal((await b.store.gameServer("7001"))?.activeConnections, 40);
  });

  it("lists what either store wrote, by pool and id, and removes once", async () => {
    await Promise.all([a.store.putGameServer(server("7003", 2)), b.store.putGameServer(server("7002", 2)), b.store.putGameServer(server("7004", 3))]);
    assert.deepEqual((await a.store.gameServers({ realmId: 2, isCrossRealm: false })).map((s) => s.id), ["7002", "7003"]);
    const removals = await Promise.all([a.store.removeGameServer("7004"), b.store.removeGameServer("7004")]);
    assert.equal(removals.filter((removed) => removed !== undefined).length, 1, "one of two concurrent removals gets the record");
    assert.equal(await a.store.gameServer("7004"), undefined);
    assert.equal(await a.store.updateGameServer("7004", (current) => current), undefined, "an update does not bring a removed server back");
  });

  it("runs tasks under one lock name one at a time across stores", async () => {
    let inside = 0;
    let most = 0;
    const task = async (): Promise<void> => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? a.store : b.store).exclusive("realm-9", task)));
    assert.equal(most, 1);
  });

  it("agrees on one group binding when both bind at once, and refreshes it on read", async () => {
    const key = { realmId: 1, groupId: 42, mapId: 0 };
    const winners = await Promise.all([a.store.replaceGroupBinding(key, undefined, "7001"), b.store.replaceGroupBinding(key, undefined, "7002")]);
    assert.equal(winners[0], winners[1]);
    assert.equal(await b.store.groupBinding(key), winners[0]);
    assert.equal(await a.store.replaceGroupBinding(key, winners[0], "7003"), "7003", "a stale binding is replaced by compare-and-set");
  });

  it("remembers a removed server for the rejoin grace, once", async () => {
    await a.store.putRemovedGameServer({ server: server("7010"), removedAt: Date.now() });
    await a.store.putRemovedGameServer({ server: server("7011"), removedAt: Date.now() - 60_000 });
    assert.equal((await b.store.takeRemovedGameServer("7010"))?.server.id, "7010");
    assert.equal(await b.store.takeRemovedGameServer("7010"), undefined);
    assert.equal(await b.store.takeRemovedGameServer("7011"), undefined, "removed before the grace");
  });
});

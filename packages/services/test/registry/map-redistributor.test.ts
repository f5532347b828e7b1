// Redistributions as the registry runs them: the store is updated, sr.gs.maps.reassigned carries
// every server of the pool with its old and new maps on a real NATS bus, maps a server gains are
// pending (its previous owner serving them meanwhile) until GameServerMapsLoaded, and pools never mix.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, createNatsBus, registryGameServerMapsReassigned, registryGameServerRemoved, type Bus, type EventPayload } from "@tc9/sdk";
import { uniqueSubjectPrefix } from "@tc9/sdk/testing";
import { InMemoryRegistryStore, type GameServerRecord } from "../../src/registry/index.js";
import { MapRedistributor } from "../../src/registry/map-redistributor.js";
import { serversForMap } from "../../src/registry/map-routing.js";
import { MAP_IDS_335A } from "../../src/registry/map-weights.js";
import { RegistryEvents } from "../../src/registry/registry-events.js";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { NATS_URL } from "./helpers/registry-cluster.js";

type Reassigned = EventPayload<typeof registryGameServerMapsReassigned>;

function server(id: string, fields: Partial<GameServerRecord> = {}): GameServerRecord {
  return {
    id, address: `${id}.local:8085`, healthCheckAddress: `${id}.local:8901`, grpcAddress: `${id}.local:9501`, alias: `ws-${id}`,
    realmId: 1, isCrossRealm: false, availableMaps: [], assignedMaps: [], pendingMaps: [], releasingMaps: [], activeConnections: 0,
    delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded: false, ...fields,
  };
}

const sorted = (maps: Iterable<number>): number[] => [...maps].sort((a, b) => a - b);

describe("map redistribution", () => {
  let publisher: Bus;
  let observer: Bus;
  let store: InMemoryRegistryStore;
  let maps: MapRedistributor;
  let reassigned: EventRecorder<Reassigned>;
  let removed: EventRecorder<EventPayload<typeof registryGameServerRemoved>>;
  /** Every received event, in order of arrival, by subject. */
  const order: string[] = [];

  /** The `index`-th maps-reassigned event (0-based), waiting for it. */
  const reassignment = async (index: number): Promise<Reassigned> => {
    await eventually(`maps-reassigned event #${index + 1}`, async () => (reassigned.received.length > index ? true : undefined));
    const event = reassigned.received[index];
    assert.ok(event);
    return event;
  };
  const record = async (id: string): Promise<GameServerRecord> => {
    const found = await store.gameServer(id);
    assert.ok(found, `server ${id} is registered`);
    return found;
  };

  before(async () => {
    const subjectPrefix = uniqueSubjectPrefix("redistribution");
    publisher = createNatsBus({ servers: NATS_URL, name: "redistribution-test-publisher", subjectPrefix });
    observer = createNatsBus({ servers: NATS_URL, name: "redistribution-test-observer", subjectPrefix });
    await eventually("both buses reached NATS", async () => (publisher.ready() && observer.ready() ? true : undefined));
    reassigned = await EventRecorder.on(observer, registryGameServerMapsReassigned);
    removed = await EventRecorder.on(observer, registryGameServerRemoved);
    await observer.subscribe(registryGameServerMapsReassigned, () => void order.push("reassigned"));
    await observer.subscribe(registryGameServerRemoved, () => void order.push("removed"));
    store = new InMemoryRegistryStore();
    maps = new MapRedistributor(store, new RegistryEvents(publisher, createLogger({ level: "silent" })), createLogger({ level: "silent" }));
  });

  after(async () => {
    await reassigned.stop();
    await removed.stop();
    await Promise.all([publisher.close(), observer.close()]);
  });

  it("gives each every-map server a real list and announces every server of the pool with its old and new maps", async () => {
    const a = await maps.register(server("a"));
    assert.deepEqual(a.assignedMaps, MAP_IDS_335A);
    const first = await reassignment(0);
    assert.deepEqual(first.Servers, [{ ID: "a", Address: "a.local:8085", RealmID: 1, IsCrossRealm: false, AvailableMaps: [], OldAssignedMapsToHandle: [], NewAssignedMapsToHandle: [...MAP_IDS_335A] }]);

    await maps.register(server("b"));
    const c = await maps.register(server("c"));
    const third = await reassignment(2);
    assert.deepEqual(third.Servers.map((entry) => entry.ID), ["a", "b", "c"]);
    assert.deepEqual(third.Servers.find((entry) => entry.ID === "c")?.NewAssignedMapsToHandle, [...c.assignedMaps]);
    assert.deepEqual(sorted(third.Servers.flatMap((entry) => entry.NewAssignedMapsToHandle)), MAP_IDS_335A, "each map exactly once");
    for (const entry of third.Servers) assert.deepEqual((await record(entry.ID)).assignedMaps, entry.NewAssignedMapsToHandle);
    assert.deepEqual((await record("c")).pendingMaps, [], "the registering server's maps are its initial load, not pending");
    for (const entry of third.Servers.filter((candidate) => candidate.ID !== "c")) {
      const gained = entry.NewAssignedMapsToHandle.filter((map) => !entry.OldAssignedMapsToHandle.includes(map));
      assert.deepEqual((await record(entry.ID)).pendingMaps, gained, `${entry.ID}: what it gained from the others is pending`);
      await maps.mapsLoaded(entry.ID, gained);
    }
    for (const id of ["a", "b", "c"]) assert.deepEqual([(await record(id)).pendingMaps, (await record(id)).releasingMaps], [[], []], `${id} after the loads`);
  });

  it("does not reshuffle anything when a server registers again under the same id", async () => {
    const before = await Promise.all(["a", "b", "c"].map(record));
    await maps.register(server("b"));
    const event = await reassignment(3);
    for (const entry of event.Servers) assert.deepEqual(entry.NewAssignedMapsToHandle, entry.OldAssignedMapsToHandle, `server ${entry.ID}`);
    assert.deepEqual((await Promise.all(["a", "b", "c"].map(record))).map((found) => found.assignedMaps), before.map((found) => found.assignedMaps));
  });

  it("on removal publishes sr.gs.removed, then gives the maps to the rest as pending; a live previous owner serves them until they load", async () => {
    const gone = await record("c");
    order.length = 0;
    await maps.remove("c");
    const event = await reassignment(4);
    await eventually("both events arrived", async () => (order.length >= 2 ? true : undefined));
    assert.deepEqual(order.slice(0, 2), ["removed", "reassigned"]);
    assert.deepEqual((await removed.next((payload) => payload.GameServer.ID === "c")).GameServer.NewAssignedMapsToHandle, [...gone.assignedMaps]);
    assert.deepEqual(event.Servers.map((entry) => entry.ID), ["a", "b"]);
    assert.deepEqual(sorted(event.Servers.flatMap((entry) => entry.NewAssignedMapsToHandle)), MAP_IDS_335A);

    const [a, b] = [await record("a"), await record("b")];
    for (const survivor of [a, b]) {
      const entry = event.Servers.find((candidate) => candidate.ID === survivor.id);
      const gained = entry?.NewAssignedMapsToHandle.filter((map) => !entry.OldAssignedMapsToHandle.includes(map)) ?? [];
      assert.deepEqual(survivor.pendingMaps, gained, `${survivor.id}: everything it gained is pending`);
    }
    const fromDead = gone.assignedMaps[0];
    assert.ok(fromDead !== undefined);
    assert.deepEqual(serversForMap([a, b], fromDead), [], "the dead server's map waits for its new owner");

    const handedOver = a.releasingMaps.length > 0 ? { giver: a, taker: b } : { giver: b, taker: a };
    const [moving] = handedOver.giver.releasingMaps;
    assert.ok(moving !== undefined, "evening the two survivors out moved maps between them");
    assert.ok(handedOver.taker.pendingMaps.includes(moving));
    assert.deepEqual(serversForMap([a, b], moving).map((found) => found.id), [handedOver.giver.id], "the previous owner keeps it meanwhile");

    await maps.mapsLoaded(handedOver.taker.id, [...handedOver.taker.pendingMaps]);
    const [giver, taker] = [await record(handedOver.giver.id), await record(handedOver.taker.id)];
    assert.deepEqual([giver.releasingMaps, taker.pendingMaps], [[], []]);
    assert.deepEqual(serversForMap([giver, taker], moving).map((found) => found.id), [taker.id]);
    const owner = [giver, taker].find((found) => found.assignedMaps.includes(fromDead));
    assert.ok(owner);
    const expected = owner.pendingMaps.includes(fromDead) ? [] : [owner.id];
    assert.deepEqual(serversForMap([giver, taker], fromDead).map((found) => found.id), expected, "routable once its owner has loaded it");
  });

  it("keeps the cross-realm pool apart: its servers share all maps among themselves and its events name only them", async () => {
    const realmBefore = await Promise.all(["a", "b"].map(record));
    const x = await maps.register(server("x", { realmId: 0, isCrossRealm: true }));
    assert.deepEqual(x.assignedMaps, MAP_IDS_335A);
    const event = await reassignment(5);
    assert.deepEqual(event.Servers.map((entry) => [entry.ID, entry.IsCrossRealm, entry.RealmID]), [["x", true, 0]]);
    assert.deepEqual((await Promise.all(["a", "b"].map(record))).map((found) => found.assignedMaps), realmBefore.map((found) => found.assignedMaps));
    assert.deepEqual((await store.gameServers({ realmId: 0, isCrossRealm: true })).map((found) => found.id), ["x"]);
  });

  it("redistributes the pool a server leaves when it registers again in another pool", async () => {
    await maps.register(server("b", { realmId: 0, isCrossRealm: true }));
    await reassignment(7);
    assert.deepEqual((await record("a")).assignedMaps, MAP_IDS_335A, "a alone in realm 1 now");
    const cross = await store.gameServers({ realmId: 0, isCrossRealm: true });
    assert.deepEqual(cross.map((found) => found.id), ["b", "x"]);
    assert.deepEqual(sorted(cross.flatMap((found) => found.assignedMaps)), MAP_IDS_335A);
  });
});

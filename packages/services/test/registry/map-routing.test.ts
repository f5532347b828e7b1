// Which servers may take a new player on a map, and where a player (or a group) is placed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RpcError, RpcStatus } from "@tc9/sdk";
import { bindGroup, placePlayer } from "../../src/registry/group-placement.js";
import { InMemoryRegistryStore } from "../../src/registry/index.js";
import { serversForMap } from "../../src/registry/map-routing.js";
import type { GameServerRecord } from "../../src/registry/registry-store.js";

interface ServerFields {
  readonly assigned?: number[];
  readonly explicit?: boolean;
  readonly load?: number;
  readonly pending?: number[];
  readonly releasing?: number[];
  readonly degraded?: boolean;
  readonly crossRealm?: boolean;
}

function server(id: string, fields: ServerFields = {}): GameServerRecord {
  const assignedMaps = fields.assigned ?? [];
  return {
    id, address: `${id}.local:8085`, healthCheckAddress: "", grpcAddress: "", alias: `ws-${id}`,
    realmId: fields.crossRealm ? 0 : 1, isCrossRealm: fields.crossRealm ?? false,
    availableMaps: fields.explicit ? assignedMaps : [], assignedMaps, pendingMaps: fields.pending ?? [], releasingMaps: fields.releasing ?? [],
    activeConnections: fields.load ?? 0, delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded: fields.degraded ?? false,
  };
}

const idsOf = (servers: readonly GameServerRecord[]): string[] => servers.map((candidate) => candidate.id);

describe("serversForMap", () => {
  it("names the owners of a map that have it loaded, least loaded first", () => {
    const pool = [server("a", { assigned: [0, 1], explicit: true, load: 5 }), server("b", { assigned: [1], explicit: true, load: 2 }), server("c", { assigned: [1], explicit: true, pending: [1] }), server("d", { assigned: [530] })];
    assert.deepEqual(idsOf(serversForMap(pool, 1)), ["b", "a"]);
    assert.deepEqual(idsOf(serversForMap(pool, 530)), ["d"]);
    assert.deepEqual(serversForMap([], 0), []);
  });

  it("keeps sending players to the previous owner while the new owner loads the map, and nowhere when there is none", () => {
    const pool = [server("old", { assigned: [0], releasing: [1] }), server("new", { assigned: [1], pending: [1] })];
    assert.deepEqual(idsOf(serversForMap(pool, 1)), ["old"]);
    assert.deepEqual(serversForMap([server("new", { assigned: [1], pending: [1] })], 1), []);
    const loaded = [server("old", { assigned: [0], releasing: [1] }), server("new", { assigned: [1] })];
    assert.deepEqual(idsOf(serversForMap(loaded, 1)), ["new"], "the owner wins once it has the map loaded");
  });

  it("gives a map nobody is assigned (a custom id) to one every-map server, the same one each time", () => {
    const pool = [server("a", { assigned: [0] }), server("b", { assigned: [1] }), server("c", { assigned: [530], explicit: true })];
    const [owner] = idsOf(serversForMap(pool, 9000));
    assert.ok(owner === "a" || owner === "b");
    assert.deepEqual(idsOf(serversForMap([...pool].reverse(), 9000)), [owner]);
    const owners = new Set([9000, 9001, 9002, 9003, 9004, 9005, 9006, 9007].map((map) => serversForMap(pool, map)[0]?.id));
    assert.deepEqual([...owners].sort(), ["a", "b"], "custom maps spread over the every-map servers");
  });

  it("drains a degraded owner: its healthy co-owners take the map, else the healthy every-map servers, least loaded first", () => {
    const everyMap = [server("e1", { assigned: [0], load: 4 }), server("e2", { assigned: [1], load: 1 })];
    const degradedOwner = server("a", { assigned: [571], explicit: true, degraded: true });
    assert.deepEqual(idsOf(serversForMap([degradedOwner, server("b", { assigned: [571], explicit: true, load: 9 }), ...everyMap], 571)), ["b"]);
    assert.deepEqual(idsOf(serversForMap([degradedOwner, ...everyMap], 571)), ["e2", "e1"]);
    assert.deepEqual(idsOf(serversForMap([degradedOwner, server("e1", { degraded: true }), server("e2", { load: 7 })], 571)), ["e2"]);
    assert.deepEqual(serversForMap([degradedOwner, server("e1", { degraded: true })], 571), []);
  });

  it("falls back when an owner is degraded and the healthy one is still loading, but waits when nobody is degraded", () => {
    const loading = server("b", { assigned: [1], explicit: true, pending: [1] });
    assert.deepEqual(idsOf(serversForMap([server("a", { assigned: [1], explicit: true, degraded: true }), loading, server("e")], 1)), ["e"]);
    assert.deepEqual(serversForMap([loading, server("e")], 1), []);
  });
});

describe("placePlayer and bindGroup", () => {
  async function storeWith(servers: readonly GameServerRecord[]): Promise<InMemoryRegistryStore> {
    const store = new InMemoryRegistryStore();
    for (const candidate of servers) await store.putGameServer(candidate);
    return store;
  }
  const ask = { realmId: 1, mapId: 571, isCrossRealm: false, groupId: 0, preferredAlias: "" };

  it("answers one server for a realm: the least loaded, or the preferred alias or address, or none when that is not a candidate", async () => {
    const store = await storeWith([server("a", { assigned: [571], explicit: true, load: 3 }), server("b", { assigned: [571], explicit: true, load: 1 }), server("c", { assigned: [0], explicit: true })]);
    assert.deepEqual(idsOf(await placePlayer(store, ask)), ["b"]);
    assert.deepEqual(idsOf(await placePlayer(store, { ...ask, preferredAlias: " WS-A " })), ["a"]);
    assert.deepEqual(idsOf(await placePlayer(store, { ...ask, preferredAlias: "A.Local:8085" })), ["a"]);
    assert.deepEqual(await placePlayer(store, { ...ask, preferredAlias: "ws-c" }), [], "c does not host Northrend");
    assert.deepEqual(await placePlayer(store, { ...ask, mapId: 1 }), [], "nobody hosts Kalimdor");
  });

  it("keeps a group on the server it was bound to, binds it to the least loaded otherwise, and rebinds when that server cannot take it", async () => {
    const store = await storeWith([server("a", { assigned: [571], explicit: true, load: 3 }), server("b", { assigned: [571], explicit: true, load: 1 })]);
    const group = { ...ask, groupId: 77 };
    assert.deepEqual(idsOf(await placePlayer(store, group)), ["b"], "bound to the least loaded");
    await store.updateGameServer("b", (current) => ({ ...current, activeConnections: 50 }));
    assert.deepEqual(idsOf(await placePlayer(store, group)), ["b"], "the binding holds although b is busier now");
    assert.deepEqual(idsOf(await placePlayer(store, ask)), ["a"], "players outside the group go to the least loaded");
    assert.deepEqual(idsOf(await placePlayer(store, { ...group, mapId: 0 })), [], "bindings are per map");
    await store.updateGameServer("b", (current) => ({ ...current, healthDegraded: true }));
    assert.deepEqual(idsOf(await placePlayer(store, group)), ["a"], "rebound away from the degraded server");
    assert.equal(await store.groupBinding({ realmId: 1, groupId: 77, mapId: 571 }), "a");
  });

  it("lets every member asking at once land on the same server", async () => {
    const store = await storeWith([server("a", { assigned: [571], explicit: true }), server("b", { assigned: [571], explicit: true })]);
    const answers = await Promise.all(Array.from({ length: 8 }, () => placePlayer(store, { ...ask, groupId: 5 })));
    assert.deepEqual(new Set(answers.map((answer) => answer[0]?.id)).size, 1);
  });

  it("binds a group to a server that takes players on the map, and refuses other bindings with a message naming the fix", async () => {
    const store = await storeWith([server("a", { assigned: [571], explicit: true, load: 0 }), server("b", { assigned: [571], explicit: true, load: 9 }), server("c", { assigned: [0] })]);
    await bindGroup(store, { realmId: 1, groupId: 9, mapId: 571, serverId: "b" });
    assert.deepEqual(idsOf(await placePlayer(store, { ...ask, groupId: 9 })), ["b"]);
    const refused = (status: number, message: RegExp) => (error: unknown) => error instanceof RpcError && error.status === status && message.test(error.message);
    await assert.rejects(bindGroup(store, { realmId: 1, groupId: 9, mapId: 571, serverId: "c" }), refused(RpcStatus.FAILED_PRECONDITION, /does not take players on map 571/));
    await assert.rejects(bindGroup(store, { realmId: 1, groupId: 0, mapId: 571, serverId: "a" }), refused(RpcStatus.INVALID_ARGUMENT, /groupID and gameServerID are required/));
  });

  it("lists every candidate of the cross-realm pool and never a realm's server", async () => {
    const store = await storeWith([server("x1", { assigned: [489], crossRealm: true, load: 2 }), server("x2", { assigned: [489], crossRealm: true, explicit: true }), server("r", { assigned: [489] })]);
    assert.deepEqual(idsOf(await placePlayer(store, { ...ask, mapId: 489, isCrossRealm: true, groupId: 3 })), ["x2", "x1"]);
    assert.deepEqual(idsOf(await placePlayer(store, { ...ask, mapId: 489 })), ["r"]);
  });
});

// Cluster routing through the registry's RPCs on a real node: weighted map lists in
// RegisterGameServer and the listings, sr.gs.maps.reassigned on the bus, group placement and
// preferred aliases, and the cross-realm pool kept apart.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registryGameServerMapsReassigned, RpcError, RpcStatus, type EventPayload } from "@tc9/sdk";
import { MAP_IDS_335A } from "../../src/registry/map-weights.js";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { FakeHealthEndpoint } from "./helpers/fake-health-endpoint.js";
import { MapsConfirmer } from "./helpers/maps-confirmer.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

const sorted = (maps: Iterable<number>): number[] => [...maps].sort((a, b) => a - b);

describe("cluster routing", () => {
  let cluster: RegistryCluster;
  let reassigned: EventRecorder<EventPayload<typeof registryGameServerMapsReassigned>>;
  let confirmer: MapsConfirmer;
  const endpoints: FakeHealthEndpoint[] = [];

  async function register(gamePort: number, fields: { realmID?: number; isCrossRealm?: boolean; availableMaps?: string; activeConnections?: number } = {}) {
    const health = await FakeHealthEndpoint.start();
    health.activeConnections = fields.activeConnections ?? 0;
    endpoints.push(health);
    const response = await cluster.overGrpc.registerGameServer({
      gamePort, healthPort: health.port, grpcPort: gamePort + 1000, realmID: fields.realmID ?? (fields.isCrossRealm ? 0 : 1),
      isCrossRealm: fields.isCrossRealm ?? false, availableMaps: fields.availableMaps ?? "", preferredHostName: "",
    });
    return { ...response, health };
  }
  const listed = async (realmID: number, isCrossRealm = false) => (await cluster.inProcess.listGameServersForRealm({ realmID, isCrossRealm })).gameServers;
  const placement = async (request: { realmID?: number; mapID: number; isCrossRealm?: boolean; groupID?: number; preferredGameServerAlias?: string }) =>
    (await cluster.overGrpc.availableGameServersForMapAndRealm({ realmID: 1, ...request })).gameServers.map((server) => server.ID);

  before(async () => {
    cluster = await startRegistryCluster({ intervalMs: 100, timeoutMs: 300, failuresToRemove: 2 });
    reassigned = await EventRecorder.on(cluster.observer, registryGameServerMapsReassigned);
    confirmer = await MapsConfirmer.on(cluster.observer, cluster.overGrpc);
  });

  after(async () => {
    await reassigned.stop();
    await confirmer.stop();
    await cluster.stop();
    await Promise.all(endpoints.map((endpoint) => endpoint.close()));
  });

  it("answers every-map servers with their share of the weighted maps, lists it, and announces each redistribution", async () => {
    const first = await register(9701);
    assert.deepEqual(first.assignedMaps, MAP_IDS_335A);
    const second = await register(9702);
    assert.ok(second.assignedMaps.length > 0 && second.assignedMaps.length < MAP_IDS_335A.length);
    const servers = await listed(1);
    assert.deepEqual(sorted(servers.flatMap((server) => server.assignedMaps)), MAP_IDS_335A);
    assert.deepEqual(servers.find((server) => server.ID === second.id)?.assignedMaps, second.assignedMaps);
    const event = await reassigned.next((payload) => payload.Servers.some((server) => server.ID === second.id));
    assert.deepEqual(event.Servers.map((server) => server.ID).sort(), [first.id, second.id].sort());
    const firstEntry = event.Servers.find((server) => server.ID === first.id);
    assert.deepEqual(firstEntry?.OldAssignedMapsToHandle, [...MAP_IDS_335A]);
    assert.deepEqual(firstEntry?.NewAssignedMapsToHandle, servers.find((server) => server.ID === first.id)?.assignedMaps);
    const [northrendOwner] = await placement({ mapID: 571 });
    assert.ok(northrendOwner === first.id || northrendOwner === second.id);
  });

  it("takes an explicit server's maps away from the every-map servers and gives them back when it dies, routable once loaded", async () => {
    const explicit = await register(9703, { availableMaps: "571" });
    assert.deepEqual(explicit.assignedMaps, [571]);
    assert.deepEqual(await placement({ mapID: 571 }), [explicit.id]);
    assert.ok((await listed(1)).every((server) => server.ID === explicit.id || !server.assignedMaps.includes(571)));
    await explicit.health.close();
    await eventually("Northrend went back to an every-map server", async () =>
      (await listed(1)).find((server) => server.ID !== explicit.id && server.assignedMaps.includes(571)),
    );
    const owner = (await listed(1)).find((server) => server.assignedMaps.includes(571));
    assert.ok(owner);
    assert.deepEqual(await placement({ mapID: 571 }), [], "pending until its new owner has loaded it");
    const pendingGauge = "tc9_registry_game_server_pending_maps";
    assert.ok(((await cluster.gauge(pendingGauge)).get(owner.ID) ?? 0) >= 1, "operators see the pending map");
    await eventually("the reassignment reached the confirmer", async () => (confirmer.gained(owner.ID).includes(571) ? true : undefined));
    await confirmer.confirm(owner.ID);
    assert.deepEqual(await placement({ mapID: 571 }), [owner.ID]);
    assert.equal((await cluster.gauge(pendingGauge)).get(owner.ID), 0);
  });

  it("places a group on its bound server, binds new groups to the least loaded, and honours a preferred alias", async () => {
    const busy = await register(9711, { realmID: 2, availableMaps: "530", activeConnections: 9 });
    const idle = await register(9712, { realmID: 2, availableMaps: "530", activeConnections: 1 });
    await eventually("the loads were read", async () => {
      const loads = (await listed(2)).map((server) => server.activeConnections).sort((a, b) => a - b);
      return loads.join() === "1,9" ? true : undefined;
    });
    const realm2 = { realmID: 2, mapID: 530 };
    assert.deepEqual(await placement(realm2), [idle.id]);
    await cluster.overGrpc.bindGroupToGameServer({ realmID: 2, groupID: 41, mapID: 530, gameServerID: busy.id });
    assert.deepEqual(await placement({ ...realm2, groupID: 41 }), [busy.id], "the bound server although it is busier");
    assert.deepEqual(await placement({ ...realm2, groupID: 42 }), [idle.id], "a new group goes to the least loaded");
    idle.health.activeConnections = 20;
    await eventually("idle is the busier one now", async () => ((await listed(2)).find((server) => server.ID === idle.id)?.activeConnections === 20 ? true : undefined));
    assert.deepEqual(await placement({ ...realm2, groupID: 42 }), [idle.id], "group 42 stays where it was bound");
    assert.deepEqual(await placement({ ...realm2, preferredGameServerAlias: busy.alias.toUpperCase() }), [busy.id]);
    assert.deepEqual(await placement({ ...realm2, preferredGameServerAlias: "ws-nobody" }), []);
    await assert.rejects(
      cluster.overGrpc.bindGroupToGameServer({ realmID: 2, groupID: 41, mapID: 571, gameServerID: busy.id }),
      (error: unknown) => error instanceof RpcError && error.status === RpcStatus.FAILED_PRECONDITION && /does not take players on map 571/.test(error.message),
    );
    await busy.health.close();
    await eventually("group 41 moved to the surviving server", async () => ((await placement({ ...realm2, groupID: 41 })).join() === idle.id ? true : undefined));
  });

  it("keeps cross-realm servers in their own pool for assignment, placement and listings", async () => {
    const cross = await register(9721, { isCrossRealm: true });
    const crossExplicit = await register(9722, { isCrossRealm: true, availableMaps: "489" });
    assert.deepEqual(cross.assignedMaps, MAP_IDS_335A, "alone in its pool: the realms' servers do not reduce its share");
    const crossListed = await listed(0, true);
    assert.deepEqual(crossListed.map((server) => server.ID).sort(), [cross.id, crossExplicit.id].sort());
    assert.deepEqual(crossListed.find((server) => server.ID === cross.id)?.assignedMaps, MAP_IDS_335A.filter((map) => map !== 489));
    assert.ok((await listed(1)).every((server) => !server.isCrossRealm));
    assert.ok((await listed(1)).some((server) => server.assignedMaps.includes(489)), "realm 1 keeps its own Warsong Gulch owner");
    assert.deepEqual(await placement({ mapID: 489, isCrossRealm: true }), [crossExplicit.id]);
    const realmOwner = await placement({ mapID: 489 });
    assert.equal(realmOwner.length, 1);
    assert.ok(![cross.id, crossExplicit.id].includes(realmOwner[0] ?? ""));
    const event = await reassigned.next((payload) => payload.Servers.some((server) => server.ID === crossExplicit.id));
    assert.ok(event.Servers.every((server) => server.IsCrossRealm && server.RealmID === 0));
  });
});

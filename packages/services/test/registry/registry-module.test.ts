import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  registryGameServerAdded,
  registryGameServerRemoved,
  registryGatewayAdded,
  registryGatewayRemovedUnhealthy,
  RpcError,
  RpcStatus,
  type EventPayload,
} from "@tc9/sdk";
import { serverIdFor } from "../../src/registry/index.js";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { FakeHealthEndpoint } from "./helpers/fake-health-endpoint.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

const INTERVAL_MS = 100;

function isRpcError(status: number, message: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof RpcError && error.status === status && message.test(error.message);
}

describe("registry module", () => {
  let cluster: RegistryCluster;
  const endpoints: FakeHealthEndpoint[] = [];
  let added: EventRecorder<EventPayload<typeof registryGameServerAdded>>;
  let removed: EventRecorder<EventPayload<typeof registryGameServerRemoved>>;
  let gatewayAdded: EventRecorder<EventPayload<typeof registryGatewayAdded>>;
  let gatewayRemoved: EventRecorder<EventPayload<typeof registryGatewayRemovedUnhealthy>>;

  /** A healthy fake endpoint that stays up until the suite ends. */
  async function endpoint(activeConnections = 0): Promise<FakeHealthEndpoint> {
    const created = await FakeHealthEndpoint.start();
    created.activeConnections = activeConnections;
    endpoints.push(created);
    return created;
  }

  before(async () => {
    cluster = await startRegistryCluster({ intervalMs: INTERVAL_MS, timeoutMs: 500, failuresToRemove: 2 });
    added = await EventRecorder.on(cluster.observer, registryGameServerAdded);
    removed = await EventRecorder.on(cluster.observer, registryGameServerRemoved);
    gatewayAdded = await EventRecorder.on(cluster.observer, registryGatewayAdded);
    gatewayRemoved = await EventRecorder.on(cluster.observer, registryGatewayRemovedUnhealthy);
  });

  after(async () => {
    await cluster.stop();
    await Promise.all(endpoints.map((created) => created.close()));
  });

  it("registers a worldserver at the caller's IP, with ToCloud9's id, and announces it on sr.gs.added", async () => {
    const health = await endpoint();
    const response = await cluster.overGrpc.registerGameServer({
      gamePort: 9601, healthPort: health.port, grpcPort: 9501, realmID: 1, availableMaps: "1, 0", preferredHostName: "",
    });
    const address = "127.0.0.1:9601";
    assert.equal(response.id, serverIdFor(address));
    assert.deepEqual(response.assignedMaps, [0, 1]);
    assert.match(response.alias, /^ws-[0-9a-z]{6}$/);
    const [listed] = (await cluster.inProcess.listGameServersForRealm({ realmID: 1 })).gameServers.filter((s) => s.ID === response.id);
    assert.ok(listed);
    assert.equal(listed.address, address);
    assert.equal(listed.healthAddress, `127.0.0.1:${health.port}`);
    assert.equal(listed.grpcAddress, "127.0.0.1:9501");
    assert.deepEqual(listed.availableMaps, [0, 1]);
    const event = await added.next((payload) => payload.GameServer.ID === response.id);
    assert.deepEqual(event.GameServer, {
      ID: response.id, Address: address, RealmID: 1, IsCrossRealm: false,
      AvailableMaps: [0, 1], OldAssignedMapsToHandle: [], NewAssignedMapsToHandle: [0, 1],
    });
  });

  it("prefers the advertised host name, lower-cased in the address and the id", async () => {
    const health = await endpoint();
    const response = await cluster.inProcess.registerGameServer({
      gamePort: 9602, healthPort: health.port, grpcPort: 9502, realmID: 1, availableMaps: "530", preferredHostName: "World-Two.Local",
    });
    assert.equal(response.id, serverIdFor("world-two.local:9602"));
    const servers = (await cluster.inProcess.listAllGameServers({})).gameServers;
    assert.equal(servers.find((server) => server.ID === response.id)?.address, "world-two.local:9602");
  });

  it("routes a map to the least-loaded of its explicit owners, and other maps to the every-map servers of the realm", async () => {
    const busy = await endpoint(7);
    const idle = await endpoint(2);
    const everyMap = await endpoint(0);
    const base = { grpcPort: 9500, realmID: 2, preferredHostName: "" };
    const busyId = (await cluster.overGrpc.registerGameServer({ ...base, gamePort: 9611, healthPort: busy.port, availableMaps: "571" })).id;
    const idleId = (await cluster.overGrpc.registerGameServer({ ...base, gamePort: 9612, healthPort: idle.port, availableMaps: "571,1" })).id;
    const everyId = (await cluster.overGrpc.registerGameServer({ ...base, gamePort: 9613, healthPort: everyMap.port, availableMaps: "" })).id;
    await eventually("the metrics of the realm's servers were read", async () => {
      const servers = (await cluster.inProcess.listGameServersForRealm({ realmID: 2 })).gameServers;
      const load = (id: string): number | undefined => servers.find((server) => server.ID === id)?.activeConnections;
      return load(busyId) === 7 && load(idleId) === 2 ? servers : undefined;
    });
    const forMap = async (mapID: number): Promise<string[]> =>
      (await cluster.overGrpc.availableGameServersForMapAndRealm({ realmID: 2, mapID })).gameServers.map((server) => server.ID);
    assert.deepEqual(await forMap(571), [idleId], "a realm's answer names one server, the least loaded");
    assert.deepEqual(await forMap(1), [idleId]);
    assert.deepEqual(await forMap(0), [everyId]);
    const [found] = (await cluster.overGrpc.availableGameServersForMapAndRealm({ realmID: 2, mapID: 0 })).gameServers;
    assert.equal(found?.grpcAddress, "127.0.0.1:9500");
    assert.deepEqual((await cluster.inProcess.availableGameServersForMapAndRealm({ realmID: 3, mapID: 0 })).gameServers, []);
    const diff = (await cluster.inProcess.listGameServersForRealm({ realmID: 2 })).gameServers.find((server) => server.ID === busyId)?.diff;
    assert.deepEqual(diff, { mean: 12, median: 0, percentile95: 0, percentile99: 0, max: 40 });
  });

  it("keeps cross-realm servers in a pool of their own", async () => {
    const health = await endpoint();
    const id = (
      await cluster.inProcess.registerGameServer({
        gamePort: 9620, healthPort: health.port, grpcPort: 9520, realmID: 0, isCrossRealm: true, availableMaps: "489", preferredHostName: "",
      })
    ).id;
    const cross = (await cluster.inProcess.listGameServersForRealm({ isCrossRealm: true })).gameServers;
    assert.deepEqual(cross.map((server) => [server.ID, server.realmID, server.isCrossRealm]), [[id, 0, true]]);
    const found = await cluster.inProcess.availableGameServersForMapAndRealm({ isCrossRealm: true, mapID: 489 });
    assert.deepEqual(found.gameServers.map((server) => server.ID), [id]);
  });

  it("picks a random server of the realm, and answers without one for an empty realm", async () => {
    const random = await cluster.inProcess.randomGameServerForRealm({ realmID: 1 });
    assert.ok(random.gameServer?.address.endsWith(":9601") || random.gameServer?.address.endsWith(":9602"));
    assert.equal(random.gameServer?.realmID, 1);
    assert.equal((await cluster.inProcess.randomGameServerForRealm({ realmID: 9 })).gameServer, undefined);
  });

  it("accepts GameServerMapsLoaded from a registered server and refuses unknown ids", async () => {
    // A server of its own with a live health endpoint: one registered by another test may be
    // removed by the health probes in the meantime (world-two.local does not resolve).
    const health = await endpoint();
    const { id } = await cluster.inProcess.registerGameServer({ gamePort: 9650, healthPort: health.port, grpcPort: 9550, realmID: 1, availableMaps: "0" });
    await cluster.inProcess.gameServerMapsLoaded({ gameServerID: id, mapsLoaded: [0] });
    await assert.rejects(cluster.inProcess.gameServerMapsLoaded({ gameServerID: "404", mapsLoaded: [0] }), isRpcError(RpcStatus.NOT_FOUND, /no worldserver 404/));
  });

  it("refuses registrations without ports or realm", async () => {
    await assert.rejects(cluster.inProcess.registerGameServer({ gamePort: 0, healthPort: 1, grpcPort: 1, realmID: 1 }), isRpcError(RpcStatus.INVALID_ARGUMENT, /gamePort 0/));
    await assert.rejects(cluster.inProcess.registerGameServer({ gamePort: 1, healthPort: 1, grpcPort: 1, realmID: 0 }), isRpcError(RpcStatus.INVALID_ARGUMENT, /realmID is 0/));
    await assert.rejects(cluster.inProcess.registerGateway({ gamePort: 8085, healthPort: 0, realmID: 1 }), isRpcError(RpcStatus.INVALID_ARGUMENT, /healthPort 0/));
  });

  it("registers gateways, lists them, and gives each realm its least-loaded one", async () => {
    const loaded = await endpoint(3);
    const light = await endpoint(1);
    const loadedId = (await cluster.overGrpc.registerGateway({ gamePort: 8085, healthPort: loaded.port, realmID: 1, preferredHostName: "play.example" })).id;
    const lightId = (await cluster.overGrpc.registerGateway({ gamePort: 8086, healthPort: light.port, realmID: 1, preferredHostName: "" })).id;
    assert.equal(loadedId, serverIdFor(`127.0.0.1:${loaded.port}`));
    const event = await gatewayAdded.next((payload) => payload.ID === loadedId);
    assert.deepEqual(event, { ID: loadedId, Address: "play.example:8085", HealthCheckAddr: `127.0.0.1:${loaded.port}`, RealmID: 1 });
    await eventually("the gateways' loads were read", async () => {
      const listed = (await cluster.inProcess.listGatewaysForRealm({ realmID: 1 })).gateways;
      const load = (id: string): number | undefined => listed.find((gateway) => gateway.id === id)?.activeConnections;
      return load(loadedId) === 3 && load(lightId) === 1 ? listed : undefined;
    });
    const best = await cluster.inProcess.gatewaysForRealms({ realmIDs: [1, 2] });
    assert.deepEqual(best.gateways.map((gateway) => [gateway.address, gateway.realmID]), [["127.0.0.1:8086", 1]]);
    const listed = (await cluster.inProcess.listGatewaysForRealm({ realmID: 1 })).gateways.find((gateway) => gateway.id === lightId);
    assert.deepEqual(listed, { id: lightId, address: "127.0.0.1:8086", healthAddress: `127.0.0.1:${light.port}`, realmID: 1, activeConnections: 1 });
  });

  it("keeps a worldserver through one failed check and removes it after two in a row that find it broken, announcing sr.gs.removed", async () => {
    const flaky = await endpoint();
    const id = (await cluster.inProcess.registerGameServer({ gamePort: 9630, healthPort: flaky.port, grpcPort: 9530, realmID: 1, availableMaps: "13" })).id;
    const isListed = async (): Promise<boolean> => (await cluster.inProcess.listAllGameServers({})).gameServers.some((server) => server.ID === id);
    const failOnce = flaky.probes;
    flaky.health = "broken";
    await eventually("one failed probe", async () => (flaky.probes > failOnce ? true : undefined));
    flaky.health = "ok";
    const recovered = flaky.probes;
    await eventually("a good probe after the failure", async () => (flaky.probes > recovered + 1 ? true : undefined));
    assert.equal(await isListed(), true);
    flaky.health = "broken";
    const event = await removed.next((payload) => payload.GameServer.ID === id);
    assert.deepEqual(event.GameServer.OldAssignedMapsToHandle, [13]);
    assert.deepEqual(event.GameServer.NewAssignedMapsToHandle, [13]);
    assert.equal(await isListed(), false);
    assert.deepEqual((await cluster.inProcess.availableGameServersForMapAndRealm({ realmID: 1, mapID: 13 })).gameServers, []);
  });

  it("degrades a worldserver that answers 503 instead of removing it, and clears the flag on the next 200", async () => {
    const stalling = await endpoint();
    const id = (await cluster.inProcess.registerGameServer({ gamePort: 9640, healthPort: stalling.port, grpcPort: 9540, realmID: 2, availableMaps: "36" })).id;
    stalling.health = "stalled";
    await eventually("the worldserver is degraded", async () => (cluster.degradedGameServers().includes(id) ? true : undefined));
    assert.equal((await cluster.gauge("tc9_registry_game_server_degraded")).get(id), 1);
    const failedProbes = stalling.probes;
    await eventually("three more stalled probes", async () => (stalling.probes >= failedProbes + 3 ? true : undefined));
    const listed = (await cluster.inProcess.listGameServersForRealm({ realmID: 2 })).gameServers.find((server) => server.ID === id);
    assert.deepEqual(listed?.assignedMaps, [36], "still registered, still owning its map");
    assert.equal(removed.received.some((payload) => payload.GameServer.ID === id), false);
    stalling.health = "ok";
    await eventually("the worldserver recovered", async () => (cluster.degradedGameServers().includes(id) ? undefined : true));
    assert.equal((await cluster.gauge("tc9_registry_game_server_degraded")).get(id), 0);
    const owners = await cluster.inProcess.availableGameServersForMapAndRealm({ realmID: 2, mapID: 36 });
    assert.deepEqual(owners.gameServers.map((server) => server.ID), [id]);
  });

  it("removes a gateway that answers 503: only worldservers are degraded", async () => {
    const stalling = await endpoint();
    const id = (await cluster.inProcess.registerGateway({ gamePort: 8088, healthPort: stalling.port, realmID: 2 })).id;
    stalling.health = "stalled";
    await gatewayRemoved.next((payload) => payload.ID === id);
    assert.deepEqual((await cluster.inProcess.listGatewaysForRealm({ realmID: 2 })).gateways.filter((gateway) => gateway.id === id), []);
  });

  it("removes a gateway whose health endpoint is gone, announcing sr.gw.removed.unhealthy", async () => {
    const doomed = await FakeHealthEndpoint.start();
    const id = (await cluster.inProcess.registerGateway({ gamePort: 8087, healthPort: doomed.port, realmID: 2 })).id;
    await doomed.close();
    const event = await gatewayRemoved.next((payload) => payload.ID === id);
    assert.equal(event.RealmID, 2);
    assert.ok(event.EventTimeUnixNano > 0n);
    assert.deepEqual((await cluster.inProcess.listGatewaysForRealm({ realmID: 2 })).gateways, []);
  });

  it("answers the layering and matchmaking RPCs with UNIMPLEMENTED, pointing at AvailableGameServersForMapAndRealm", async () => {
    await assert.rejects(cluster.overGrpc.getLayerStats({ realmID: 1, mapID: 0 }), isRpcError(RpcStatus.UNIMPLEMENTED, /no map layering; ask AvailableGameServersForMapAndRealm/));
    await assert.rejects(cluster.inProcess.registerMatchmakingServer({ servicePort: 1 }), isRpcError(RpcStatus.UNIMPLEMENTED, /matchmaking/));
  });
});

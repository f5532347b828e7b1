// The registry with simulated worldservers: they register like ToCloud9's sidecar, the registry
// routes maps to them and reads their world-loop delay, and drops the one that dies (stalls are
// in degraded-placement.test.ts).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registryGameServerAdded, registryGameServerRemoved, type EventPayload } from "@tc9/sdk";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { MapsConfirmer } from "./helpers/maps-confirmer.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

describe("registry with worldserver simulators", () => {
  let cluster: RegistryCluster;
  let zero: WorldSimulator;
  let everything: WorldSimulator;
  let added: EventRecorder<EventPayload<typeof registryGameServerAdded>>;
  let removed: EventRecorder<EventPayload<typeof registryGameServerRemoved>>;
  let confirmer: MapsConfirmer;

  before(async () => {
    cluster = await startRegistryCluster({ intervalMs: 100, timeoutMs: 200, failuresToRemove: 2 });
    added = await EventRecorder.on(cluster.observer, registryGameServerAdded);
    removed = await EventRecorder.on(cluster.observer, registryGameServerRemoved);
    confirmer = await MapsConfirmer.on(cluster.observer, cluster.overGrpc);
    zero = await startWorldSimulator({ realmId: 1, registry: cluster.overGrpc, availableMaps: "0", tickMs: 10, worldDeadlineMs: 1_000 });
    everything = await startWorldSimulator({ realmId: 1, registry: cluster.overGrpc, tickMs: 10 });
  });

  after(async () => {
    await confirmer.stop();
    await zero.stop();
    await everything.stop();
    await cluster.stop();
  });

  it("lists each simulator under the id, addresses and maps it registered with", async () => {
    const servers = (await cluster.inProcess.listGameServersForRealm({ realmID: 1 })).gameServers;
    const listed = servers.find((server) => server.ID === zero.id);
    assert.deepEqual(
      [listed?.address, listed?.healthAddress, listed?.grpcAddress, listed?.assignedMaps],
      [zero.gameAddress, zero.healthAddress, zero.grpcAddress, [0]],
    );
    assert.deepEqual(zero.assignedMaps, [0]);
    await added.next((payload) => payload.GameServer.ID === everything.id);
  });

  it("routes map 0 to its explicit owner and other maps to the every-map simulator", async () => {
    const forMap = async (mapID: number): Promise<string[]> =>
      (await cluster.overGrpc.availableGameServersForMapAndRealm({ realmID: 1, mapID })).gameServers.map((server) => server.address);
    assert.deepEqual(await forMap(0), [zero.gameAddress]);
    assert.deepEqual(await forMap(571), [everything.gameAddress]);
  });

  it("reads the simulators' world-loop delay from /metrics", async () => {
    await eventually("a delay was read", async () => {
      const servers = (await cluster.inProcess.listAllGameServers({})).gameServers;
      return servers.find((server) => server.ID === zero.id && (server.diff?.max ?? 0) > 0);
    });
  });

  it("removes a simulator that dies and gives its map to the every-map simulator", async () => {
    await zero.die();
    const event = await removed.next((payload) => payload.GameServer.ID === zero.id);
    assert.deepEqual(event.GameServer.NewAssignedMapsToHandle, [0]);
    const servers = (await cluster.inProcess.listAllGameServers({})).gameServers;
    assert.deepEqual(servers.map((server) => server.ID), [everything.id]);
    await eventually("map 0 was handed to the every-map simulator", async () => (confirmer.gained(everything.id).includes(0) ? true : undefined));
    const owners = async (): Promise<string[]> =>
      (await cluster.inProcess.availableGameServersForMapAndRealm({ realmID: 1, mapID: 0 })).gameServers.map((server) => server.address);
    assert.deepEqual(await owners(), [], "pending until the every-map simulator has loaded it");
    assert.deepEqual(await confirmer.confirm(everything.id), [0]);
    assert.deepEqual(await owners(), [everything.gameAddress], "map 0 falls back to the every-map server");
  });
});

/**
 * Flaps, with real HTTP probes: a worldserver removed after failed probes that registers again
 * within the rejoin grace gets its previous maps back and the others give back only those; a
 * worldserver whose world loop stalls, recovers and stalls again is only degraded and never
 * moves a map.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registryGameServerMapsReassigned, registryGameServerRemoved, type EventPayload } from "@tc9/sdk";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { FakeHealthEndpoint } from "./helpers/fake-health-endpoint.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

describe("registry hysteresis", () => {
  let cluster: RegistryCluster;
  let reassigned: EventRecorder<EventPayload<typeof registryGameServerMapsReassigned>>;
  let removed: EventRecorder<EventPayload<typeof registryGameServerRemoved>>;
  const endpoints: FakeHealthEndpoint[] = [];

  const register = async (gamePort: number, realmID: number) => {
    const health = await FakeHealthEndpoint.start();
    endpoints.push(health);
    const response = await cluster.overGrpc.registerGameServer({
      gamePort, healthPort: health.port, grpcPort: gamePort + 1000, realmID, isCrossRealm: false, availableMaps: "", preferredHostName: "",
    });
    return { ...response, health };
  };
  const assignments = async (realmID: number): Promise<Map<string, number[]>> =>
    new Map((await cluster.inProcess.listGameServersForRealm({ realmID, isCrossRealm: false })).gameServers.map((server) => [server.ID, server.assignedMaps]));

  before(async () => {
    cluster = await startRegistryCluster({ intervalMs: 50, timeoutMs: 300, failuresToRemove: 2, degradedAfter: 2, recoverAfter: 1, rejoinGraceMs: 30_000 });
    reassigned = await EventRecorder.on(cluster.observer, registryGameServerMapsReassigned);
    removed = await EventRecorder.on(cluster.observer, registryGameServerRemoved);
  });
  after(async () => {
    await reassigned.stop();
    await removed.stop();
    await cluster.stop();
    await Promise.all(endpoints.map((endpoint) => endpoint.close()));
  });

  it("gives a server that comes back within the grace its maps back, taking only those from the others", async () => {
    const a = await register(9951, 1);
    const b = await register(9952, 1);
    const c = await register(9953, 1);
    const before = await assignments(1);
    const previous = before.get(c.id) ?? [];
    assert.ok(previous.length > 0);

    const seen = reassigned.received.length;
    await c.health.close();
    await removed.next((payload) => payload.GameServer.ID === c.id);
    await eventually("the removal's redistribution", () => reassigned.received.length > seen);
    const afterRemoval = await assignments(1);
    assert.deepEqual(
      [...afterRemoval.values()].flat().filter((map) => previous.includes(map)).sort((x, y) => x - y),
      previous,
      "the others took its maps",
    );

    const back = await register(9953, 1);
    assert.equal(back.id, c.id);
    assert.deepEqual(back.assignedMaps, previous, "its previous maps, as its initial load");
    const afterRejoin = await assignments(1);
    for (const other of [a.id, b.id]) {
      assert.deepEqual(afterRejoin.get(other), (afterRemoval.get(other) ?? []).filter((map) => !previous.includes(map)), `server ${other} only gave back the returning server's maps`);
    }
  });

  it("only degrades a server whose world loop stalls, recovers and stalls again: no removal, no map moves", async () => {
    const flapping = await register(9961, 2);
    const steady = await register(9962, 2);
    const before = await assignments(2);
    const eventsBefore = reassigned.received.length;
    const probes = async (count: number): Promise<void> => {
      const until = flapping.health.probes + count;
      await eventually(`${count} more probes`, () => flapping.health.probes >= until);
    };

    for (let round = 0; round < 2; round += 1) {
      flapping.health.health = "stalled";
      await eventually("the stalling server to be degraded", () => cluster.degradedGameServers().includes(flapping.id));
      flapping.health.health = "ok";
      await eventually("the server to recover", () => !cluster.degradedGameServers().includes(flapping.id));
    }
    await probes(3);

    assert.deepEqual(await assignments(2), before, "no map moved");
    assert.equal(removed.received.filter((payload) => [flapping.id, steady.id].includes(payload.GameServer.ID)).length, 0);
    assert.equal(
      reassigned.received.slice(eventsBefore).filter((payload) => payload.Servers.some((server) => server.ID === flapping.id)).length,
      0,
      "no redistribution of its pool",
    );
  });
});

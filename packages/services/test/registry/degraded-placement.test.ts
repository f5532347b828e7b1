// Degraded worldservers (ToCloud9 PR #37) with simulated worldservers: a stalled world loop drains
// the server from placement without taking its maps away; it takes players again once it answers;
// flapping never reassigns maps; only a dead process is removed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registryGameServerRemoved, type EventPayload } from "@tc9/sdk";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { EventRecorder, eventually } from "./helpers/event-recorder.js";
import { MapsConfirmer } from "./helpers/maps-confirmer.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

const INTERVAL_MS = 100;
const TIMEOUT_MS = 200;

describe("degraded worldservers", () => {
  let cluster: RegistryCluster;
  /** Owns Northrend; stalls show as probe timeouts (its sidecar waits 1 s, the registry 200 ms). */
  let northrend: WorldSimulator;
  /** Owns Kalimdor; stalls show as 503 answers (its sidecar waits 40 ms). */
  let kalimdor: WorldSimulator;
  let everything: WorldSimulator;
  let removed: EventRecorder<EventPayload<typeof registryGameServerRemoved>>;
  let confirmer: MapsConfirmer;

  const placementFor = async (mapID: number): Promise<string[]> =>
    (await cluster.overGrpc.availableGameServersForMapAndRealm({ realmID: 1, mapID })).gameServers.map((server) => server.address);
  const listed = async (id: string): Promise<number[] | undefined> =>
    (await cluster.inProcess.listGameServersForRealm({ realmID: 1 })).gameServers.find((server) => server.ID === id)?.assignedMaps;
  const isDegraded = (simulator: WorldSimulator) => async (): Promise<true | undefined> =>
    cluster.degradedGameServers().includes(simulator.id) ? true : undefined;
  const isHealthy = (simulator: WorldSimulator) => async (): Promise<true | undefined> =>
    cluster.degradedGameServers().includes(simulator.id) ? undefined : true;

  before(async () => {
    // degradedAfter and recoverAfter are left to their defaults (2 and 1).
    cluster = await startRegistryCluster({ intervalMs: INTERVAL_MS, timeoutMs: TIMEOUT_MS, failuresToRemove: 2 });
    removed = await EventRecorder.on(cluster.observer, registryGameServerRemoved);
    confirmer = await MapsConfirmer.on(cluster.observer, cluster.overGrpc);
    const registry = cluster.overGrpc;
    northrend = await startWorldSimulator({ realmId: 1, registry, availableMaps: "571", tickMs: 10, worldDeadlineMs: 1_000 });
    kalimdor = await startWorldSimulator({ realmId: 1, registry, availableMaps: "1", tickMs: 10, worldDeadlineMs: 40 });
    everything = await startWorldSimulator({ realmId: 1, registry, tickMs: 10 });
  });

  after(async () => {
    await confirmer.stop();
    await Promise.all([northrend.stop(), kalimdor.stop(), everything.stop()]);
    await cluster.stop();
  });

  it("degrades a stalled worldserver after two probes: it keeps its map, and the every-map server takes new players", async () => {
    assert.deepEqual(await placementFor(571), [northrend.gameAddress]);
    const stalledAt = performance.now();
    northrend.stallWorldLoop("forever");
    await eventually("northrend is degraded", isDegraded(northrend));
    const elapsed = performance.now() - stalledAt;
    assert.ok(elapsed >= 2 * TIMEOUT_MS - 30, `degraded after ${Math.round(elapsed)} ms: two probes of ${TIMEOUT_MS} ms must have timed out`);
    assert.equal((await cluster.gauge("tc9_registry_game_server_degraded")).get(northrend.id), 1);
    assert.deepEqual(await listed(northrend.id), [571], "still registered, still owning Northrend");
    assert.deepEqual(await placementFor(571), [everything.gameAddress]);
    for (let i = 0; i < 20; i += 1) {
      const random = (await cluster.inProcess.randomGameServerForRealm({ realmID: 1 })).gameServer;
      assert.notEqual(random?.address, northrend.gameAddress, "random placement skips the degraded server");
    }
    await new Promise((resolve) => setTimeout(resolve, 3 * (INTERVAL_MS + TIMEOUT_MS)));
    assert.deepEqual(await listed(northrend.id), [571], "a stall alone never removes it");
    assert.equal(removed.received.some((payload) => payload.GameServer.ID === northrend.id), false);
  });

  it("makes it healthy and placeable again on the first good probe once its world loop resumes", async () => {
    northrend.resume();
    await eventually("northrend recovered", isHealthy(northrend));
    assert.equal((await cluster.gauge("tc9_registry_game_server_degraded")).get(northrend.id), 0);
    assert.deepEqual(await placementFor(571), [northrend.gameAddress]);
  });

  it("never reassigns a flapping worldserver's map: short stalls are ignored, long ones only drain it", async () => {
    for (let blip = 0; blip < 3; blip += 1) {
      kalimdor.stallWorldLoop(60); // at most one probe answers 503
      const until = performance.now() + 3 * INTERVAL_MS;
      while (performance.now() < until) {
        assert.equal(cluster.degradedGameServers().includes(kalimdor.id), false, "one stalled probe does not degrade");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    for (let flap = 0; flap < 3; flap += 1) {
      kalimdor.stallWorldLoop("forever");
      await eventually("kalimdor is degraded", isDegraded(kalimdor));
      assert.deepEqual(await placementFor(1), [everything.gameAddress]);
      kalimdor.resume();
      await eventually("kalimdor recovered", isHealthy(kalimdor));
      assert.deepEqual(await placementFor(1), [kalimdor.gameAddress]);
    }
    assert.deepEqual(await listed(kalimdor.id), [1]);
    assert.equal(removed.received.some((payload) => payload.GameServer.ID === kalimdor.id), false, "no sr.gs.removed while only degraded");
  });

  it("removes a worldserver that dies, degraded or not, and gives its map to the every-map server", async () => {
    kalimdor.stallWorldLoop("forever");
    await eventually("kalimdor is degraded", isDegraded(kalimdor));
    await Promise.all([kalimdor.die(), northrend.die()]);
    const [kalimdorRemoved, northrendRemoved] = await Promise.all([
      removed.next((payload) => payload.GameServer.ID === kalimdor.id),
      removed.next((payload) => payload.GameServer.ID === northrend.id),
    ]);
    assert.deepEqual(kalimdorRemoved.GameServer.OldAssignedMapsToHandle, [1]);
    assert.deepEqual(northrendRemoved.GameServer.OldAssignedMapsToHandle, [571]);
    await eventually("the every-map server was given Kalimdor and Northrend", async () =>
      [1, 571].every((map) => confirmer.gained(everything.id).includes(map)) ? true : undefined,
    );
    assert.deepEqual(await placementFor(1), [], "pending until the every-map server has loaded it");
    await confirmer.confirm(everything.id);
    assert.deepEqual(await placementFor(1), [everything.gameAddress]);
    assert.deepEqual(await placementFor(571), [everything.gameAddress]);
    assert.deepEqual(cluster.degradedGameServers(), []);
    const gauge = await cluster.gauge("tc9_registry_game_server_degraded");
    assert.deepEqual([gauge.has(kalimdor.id), gauge.has(northrend.id), gauge.get(everything.id)], [false, false, 0]);
  });
});

/**
 * The handover race, end to end with worldserver simulators on the bus: when a map moves between
 * two live simulators, the old owner redirects its players off it as soon as the move is
 * published, and the new owner confirms it loaded at the same moment. A placement asked right
 * then (what the gateway does on the redirect) must answer the new owner, not send the player
 * straight back to the old one.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { registryGameServerMapsReassigned, type EventPayload, type Subscription } from "@tc9/sdk";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { eventually } from "./helpers/event-recorder.js";
import { startRegistryCluster, type RegistryCluster } from "./helpers/registry-cluster.js";

type Reassigned = EventPayload<typeof registryGameServerMapsReassigned>;

/** A map the event moves from one server that had maps to another that had maps, with both ids. */
function movedBetweenLiveServers(event: Reassigned): { map: number; from: string; to: string } | undefined {
  for (const to of event.Servers) {
    if (to.OldAssignedMapsToHandle.length === 0) continue;
    for (const map of to.NewAssignedMapsToHandle) {
      if (to.OldAssignedMapsToHandle.includes(map)) continue;
      const from = event.Servers.find((server) => server.OldAssignedMapsToHandle.includes(map) && !server.NewAssignedMapsToHandle.includes(map));
      if (from) return { map, from: from.ID, to: to.ID };
    }
  }
  return undefined;
}

describe("map handover between live worldservers", () => {
  let cluster: RegistryCluster;
  const simulators: WorldSimulator[] = [];
  let subscription: Subscription | undefined;

  before(async () => {
    cluster = await startRegistryCluster({ intervalMs: 200, timeoutMs: 300, handoverWaitMs: 5_000 });
  });
  after(async () => {
    await subscription?.unsubscribe();
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    await cluster.stop();
  });

  const simulator = async (): Promise<WorldSimulator> => {
    const started = await startWorldSimulator({ realmId: 1, registry: cluster.overGrpc, bus: cluster.observer, tickMs: 10 });
    simulators.push(started);
    return started;
  };

  it("places a player redirected off the old owner on the new owner", async () => {
    await simulator();
    await simulator();
    const asked: Array<Promise<{ move: { map: number; from: string; to: string }; answer: string[] }>> = [];
    // Asks the moment the move is published, as a gateway does when the old owner redirects.
    subscription = await cluster.observer.subscribe(registryGameServerMapsReassigned, (event) => {
      const move = movedBetweenLiveServers(event);
      if (!move) return;
      asked.push(
        cluster.overGrpc
          .availableGameServersForMapAndRealm({ realmID: 1, mapID: move.map, isCrossRealm: false, groupID: 0, preferredGameServerAlias: "" })
          .then((response) => ({ move, answer: response.gameServers.map((server) => server.ID) })),
      );
    });
    // A third server joins; balancing moves a few light maps between the first two.
    await simulator();
    await eventually("a map moving between the two first simulators", () => asked.length > 0);
    for (const { move, answer } of await Promise.all(asked)) {
      assert.deepEqual(answer, [move.to], `map ${move.map} placed on its new owner, not back on ${move.from}`);
    }
  });
});

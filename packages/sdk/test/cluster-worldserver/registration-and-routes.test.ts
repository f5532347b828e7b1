// The shared registration (retries, GameServerMapsLoaded) against a registry served over real gRPC,
// the bus routes on a local bus, and the simulator following a map reassignment through them.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  createLocalBus,
  createLogger,
  defineModule,
  defineTopology,
  registryGameServerMapsReassigned,
  RpcError,
  RpcStatus,
  startNode,
  type Bus,
  type Handlers,
  type RunningNode,
} from "@tc9/sdk";
import { concernsRealm, GameServerRegistration, mapsReassignedRoute, subscribeBusRoutes, type MapsChange } from "@tc9/sdk/cluster-worldserver";
import { ServersRegistryService, type GameServerMapsLoadedRequest, type RegisterGameServerRequest } from "@tc9/sdk/contracts";
import { eventually, startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { authChallengeCodec, authSessionCodec, loginVerifyWorldCodec, playerLoginCodec, readyForRedirectCodec } from "@tc9/sdk/wow";
import { GatewayLinkClient } from "../testing/world-simulator-fixtures.js";

const quiet = createLogger({ level: "silent" });

/** What the test registry saw, and how many RegisterGameServer calls it refuses first. */
interface RegistryLog {
  registrations: RegisterGameServerRequest[];
  mapsLoaded: GameServerMapsLoadedRequest[];
  refuseNext: number;
}

function testRegistry(log: RegistryLog) {
  const handlers = Object.fromEntries(
    Object.keys(ServersRegistryService.methods).map((method) => [
      method,
      () => Promise.reject(new RpcError(RpcStatus.UNIMPLEMENTED, `the test registry does not serve ${method}`)),
    ]),
  ) as unknown as Handlers<typeof ServersRegistryService>;
  handlers.registerGameServer = async (request) => {
    if (log.refuseNext > 0) {
      log.refuseNext -= 1;
      throw new RpcError(RpcStatus.UNAVAILABLE, "the registry is starting (test)");
    }
    log.registrations.push(request);
    const maps = request.availableMaps === "" ? [] : request.availableMaps.split(",").map(Number);
    return { api: "test", id: `ws-${log.registrations.length}`, alias: `ws-${log.registrations.length}`, assignedMaps: maps };
  };
  handlers.gameServerMapsLoaded = async (request) => {
    log.mapsLoaded.push(request);
    return { api: "test" };
  };
  const registry = defineModule({ name: "test-registry", serves: ServersRegistryService, start: async () => ({ handlers }) });
  return defineTopology({ realms: [{ id: 1, name: "Test" }], nodes: { registry: { modules: [registry] } } });
}

function reassigned(id: string, before: number[], after: number[]) {
  return { ID: id, Address: "", RealmID: 1, IsCrossRealm: false, AvailableMaps: [], OldAssignedMapsToHandle: before, NewAssignedMapsToHandle: after };
}

describe("cluster-worldserver: registration, bus routes and the simulator's map reassignments", () => {
  const log: RegistryLog = { registrations: [], mapsLoaded: [], refuseNext: 0 };
  let registryNode: RunningNode;
  let bus: Bus;

  before(async () => {
    registryNode = await startNode(testRegistry(log), "registry", { logger: quiet });
    await registryNode.started();
    bus = createLocalBus();
  });

  after(async () => {
    await bus.close();
    await registryNode.stop();
  });

  it("registers through a registry that refuses at first (retried with backoff), then reports loaded maps", async () => {
    const lifetime = new AbortController();
    const registration = new GameServerRegistration({
      registry: registryNode.use(ServersRegistryService),
      ports: Promise.resolve({ grpc: 9501, health: 8901 }),
      preferredHostname: "ws.example",
      signal: lifetime.signal,
      logger: quiet,
      retry: { initialMs: 10, maxMs: 20 },
    });
    log.refuseNext = 2;
    const server = await registration.register({ gamePort: 8085, realmId: 1, isCrossRealm: false, availableMaps: "0,1" });
    assert.deepEqual([server.serverId, server.assignedMaps, registration.current()?.serverId], ["ws-1", [0, 1], "ws-1"]);
    const request = log.registrations[0] ?? assert.fail("not registered");
    assert.deepEqual(
      [request.gamePort, request.grpcPort, request.healthPort, request.realmID, request.preferredHostName, request.availableMaps],
      [8085, 9501, 8901, 1, "ws.example", "0,1"],
    );
    await registration.mapsLoaded([0, 1]);
    assert.deepEqual(log.mapsLoaded.at(-1), { api: "tc9", gameServerID: "ws-1", mapsLoaded: [0, 1] });

    log.refuseNext = 1;
    const once = new GameServerRegistration({
      registry: registryNode.use(ServersRegistryService),
      ports: { grpc: 1, health: 2 },
      preferredHostname: "",
      signal: lifetime.signal,
      logger: quiet,
      retry: { initialMs: 10, maxMs: 20, giveUpAfterMs: 0 },
    });
    await assert.rejects(once.register({ gamePort: 1, realmId: 1, isCrossRealm: false, availableMaps: "" }), isUnavailable);
    assert.equal(once.current(), undefined);
    lifetime.abort();
  });

  it("routes sr.gs.maps.reassigned to this server's difference only", async () => {
    const changes: MapsChange[] = [];
    const subscriptions = await subscribeBusRoutes(
      bus,
      [mapsReassignedRoute(() => "me")],
      { ownRealm: () => 1, deliver: (change) => void changes.push(change) },
      quiet,
    );
    await bus.publish(registryGameServerMapsReassigned, { Servers: [reassigned("other", [0], [1]), reassigned("me", [], [0, 1])] });
    await bus.publish(registryGameServerMapsReassigned, { Servers: [reassigned("me", [0, 1], [1, 530])] });
    await eventually("the reassignment", async () => (changes.length > 0 ? true : undefined));
    assert.deepEqual(changes, [{ added: [530], removed: [0] }], "other servers' entries and first assignments are ignored");
    await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
  });

  it("tells a realm's players from realm-qualified GUIDs of other realms (PR #37)", () => {
    assert.equal(concernsRealm(1, 1, [5n]), true);
    assert.equal(concernsRealm(1, 2, [5n]), false);
    assert.equal(concernsRealm(1, 2, [(1n << 32n) | 5n]), true, "a realm-1 member of a realm-2 group");
    assert.equal(concernsRealm(2, 1, [(1n << 32n) | 5n, 0n]), false);
  });

  describe("the simulator", () => {
    let sim: WorldSimulator;
    const links: GatewayLinkClient[] = [];

    before(async () => {
      sim = await startWorldSimulator({ realmId: 1, registry: registryNode.grpcAddress ?? "", availableMaps: "0,1", bus, tickMs: 10, logger: quiet });
    });

    after(async () => {
      for (const link of links) link.destroy();
      await sim.stop();
    });

    it("reports its maps loaded, and redirects the players of a map taken away after saving them", async () => {
      await eventually("GameServerMapsLoaded", async () => log.mapsLoaded.find((r) => r.gameServerID === sim.id && r.mapsLoaded.length === 2));
      const link = await GatewayLinkClient.connect(sim.gameAddress);
      links.push(link);
      await link.expect(authChallengeCodec);
      link.send(authSessionCodec, {
        build: 12340, loginServerId: 0, account: "MAPS", loginServerType: 0, clientSeed: new Uint8Array(4), regionId: 0,
        battlegroupId: 0, realmId: 1, dosResponse: 0n, digest: new Uint8Array(20), addonInfo: { addons: [], lastBannedAddonTimestamp: 0 },
      });
      link.send(playerLoginCodec, { guid: 31n });
      await link.expect(loginVerifyWorldCodec);
      assert.equal(sim.sessions().find((s) => s.character?.guid === 31n)?.character?.map, 0, "the made-up character is on map 0");

      await bus.publish(registryGameServerMapsReassigned, { Servers: [reassigned(sim.id, [0, 1], [1, 530])] });
      assert.deepEqual(await link.expect(readyForRedirectCodec), { status: 0 }, "unsolicited TC9_SMSG_READY_FOR_REDIRECT");
      await link.closed;
      assert.deepEqual([...sim.assignedMaps].sort((a, b) => a - b), [1, 530]);
      await eventually("the new map reported loaded", async () => log.mapsLoaded.find((r) => r.gameServerID === sim.id && r.mapsLoaded.join() === "530"));
    });
  });
});

function isUnavailable(error: unknown): boolean {
  return error instanceof RpcError && error.status === RpcStatus.UNAVAILABLE;
}

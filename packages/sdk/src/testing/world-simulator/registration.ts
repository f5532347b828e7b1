import type { Bus, Subscription } from "../../bus/bus.js";
import { mapsReassignedRoute, subscribeBusRoutes, type MapsChange } from "../../cluster-worldserver/bus-routes.js";
import { GameServerRegistration, type RegisteredServer, type WorldserverIdentity } from "../../cluster-worldserver/registration.js";
import type { Client } from "../../contracts/contract.js";
import { ServersRegistryService } from "../../contracts/generated/registry.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { createGrpcClient } from "../../runtime/bindings/grpc-client.js";
import { WorldSimulatorError } from "./errors.js";
import { redirectPlayersOnMap } from "./session-exit.js";
import type { SimulatorLog } from "./simulator-log.js";
import type { WorldLoop } from "./world-loop.js";
import type { WorldPlayers } from "./world-players.js";

/** A registry client and how to release it. */
export interface RegistryConnection {
  readonly client: Client<typeof ServersRegistryService>;
  close(): void;
}

/** A client given by the caller is used as is; an address gets a gRPC client of its own. */
export function connectRegistry(registry: Client<typeof ServersRegistryService> | string, metrics: NodeMetrics): RegistryConnection {
  if (typeof registry !== "string") return { client: registry, close: () => undefined };
  const handle = createGrpcClient(ServersRegistryService, registry, metrics);
  return { client: handle.client, close: () => handle.close() };
}

/** What the simulated worldserver's cluster side is made of. */
export interface SimulatorClusterOptions {
  readonly registry: Client<typeof ServersRegistryService>;
  readonly identity: WorldserverIdentity;
  readonly ports: { readonly grpc: number; readonly health: number };
  readonly preferredHostName: string;
  /** The cluster bus; without it map reassignments are not followed. */
  readonly bus: Bus | undefined;
  readonly loop: WorldLoop;
  readonly players: WorldPlayers;
  readonly log: SimulatorLog;
}

/** The simulator registered with the cluster. */
export interface SimulatorCluster {
  readonly server: RegisteredServer;
  /** The maps this worldserver owns now (the registration's, then every reassignment's). */
  assignedMaps(): readonly number[];
  /** Stops following reassignments and gives up pending GameServerMapsLoaded retries. */
  close(): Promise<void>;
}

/**
 * Registers the simulated worldserver as the sidecar does at `TC9InitLib` (the shared
 * {@link GameServerRegistration}; one attempt: a failure is a REGISTER {@link WorldSimulatorError},
 * the Go sidecar aborts too), reports its assigned maps loaded (GameServerMapsLoaded, as
 * AzerothCore once it created them) and, with a bus, follows `sr.gs.maps.reassigned`: maps added
 * are reported loaded, players on a map taken away are saved and sent the unsolicited
 * TC9_SMSG_READY_FOR_REDIRECT, so their gateway moves them to the map's new owner.
 */
export async function joinCluster(options: SimulatorClusterOptions): Promise<SimulatorCluster> {
  const lifetime = new AbortController();
  const registration = new GameServerRegistration({
    registry: options.registry,
    ports: options.ports,
    preferredHostname: options.preferredHostName,
    signal: lifetime.signal,
    logger: options.log,
    retry: { initialMs: 100, maxMs: 5_000, giveUpAfterMs: 0 },
  });
  const server = await registration.register(options.identity).catch((error: unknown) => {
    throw new WorldSimulatorError(
      "TC9_ERR_WORLD_SIMULATOR_REGISTER",
      `RegisterGameServer failed (${error instanceof Error ? error.message : String(error)}); start the registry first and pass its client or address`,
      { cause: error },
    );
  });
  const owned = new Set(server.assignedMaps);
  const reportLoaded = (maps: readonly number[]): void => {
    if (maps.length === 0) return;
    registration.mapsLoaded(maps).catch((error: unknown) => {
      if (!lifetime.signal.aborted) options.log.warn({ err: error, maps }, "GameServerMapsLoaded gave up");
    });
  };
  const onMapsChanged = (change: MapsChange): void => {
    for (const map of change.added) owned.add(map);
    for (const map of change.removed) owned.delete(map);
    options.log.info({ added: change.added, removed: change.removed }, "maps reassigned");
    reportLoaded(change.added);
    for (const map of change.removed) {
      redirectPlayersOnMap(options.loop, options.players, map).catch((error: unknown) =>
        options.log.error({ err: error, map }, "redirecting the players of a reassigned map failed"),
      );
    }
  };
  let subscriptions: Subscription[] = [];
  if (options.bus) {
    subscriptions = await subscribeBusRoutes(
      options.bus,
      [mapsReassignedRoute(() => server.serverId)],
      { ownRealm: () => server.realmId, deliver: onMapsChanged },
      options.log,
    );
  }
  reportLoaded(server.assignedMaps);
  return {
    server,
    assignedMaps: () => [...owned],
    async close() {
      lifetime.abort();
      await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
    },
  };
}

import type { Logger } from "pino";
import type { Bus } from "../../bus/bus.js";
import { startHealthEndpoint, type HealthEndpoint } from "../../cluster-worldserver/health-endpoint.js";
import type { Client } from "../../contracts/contract.js";
import type { ServersRegistryService } from "../../contracts/generated/registry.js";
import { NodeMetrics } from "../../observability/node-metrics.js";
import type { GrpcServerHandle } from "../../runtime/bindings/grpc-server.js";
import type { Database } from "../../storage/database.js";
import { MemoryCharacterStore, type CharacterStore } from "./character-store.js";
import { DatabaseCharacterStore } from "./database-character-store.js";
import { WorldSimulatorError } from "./errors.js";
import { startGameListener, type GameListener } from "./game-listener.js";
import { loopWorldThread } from "./loop-thread.js";
import { connectRegistry, joinCluster, type RegistryConnection, type SimulatorCluster } from "./registration.js";
import { startSidecarGrpc } from "./sidecar-grpc.js";
import { redirectPlayersOnMap } from "./session-exit.js";
import { silentLog } from "./simulator-log.js";
import { WorldLoop } from "./world-loop.js";
import { WorldPlayers } from "./world-players.js";
import type { SessionContext, SimulatedSessionInfo, SimulatorFaults } from "./world-session.js";

/** Options of {@link startWorldSimulator}. Ports default to 0 (any free port). */
export interface WorldSimulatorOptions {
  /** The realm this worldserver serves (1..255); a crossrealm one still names the realm of its configuration. */
  readonly realmId: number;
  /**
   * A crossrealm worldserver (ToCloud9 PR #37's pool for battlegrounds, arenas and LFG): it
   * registers with realm 0 and `isCrossRealm`, as the sidecar does; default false.
   */
  readonly isCrossRealm?: boolean;
  /** The servers registry: a client (e.g. `node.use(ServersRegistryService)`) or its gRPC `host:port`. */
  readonly registry: Client<typeof ServersRegistryService> | string;
  /** Listen address of all three ports; default 127.0.0.1 (game ports must never face players). */
  readonly host?: string;
  readonly gamePort?: number;
  readonly healthPort?: number;
  readonly grpcPort?: number;
  /** Comma-separated map ids this worldserver can load; "" (default) = every map. */
  readonly availableMaps?: string;
  /** The host advertised to the registry; default `host`. */
  readonly preferredHostName?: string;
  /**
   * The cluster bus: with it the simulator follows `sr.gs.maps.reassigned` (players on a map taken
   * away are saved and redirected); without it its maps never change.
   */
  readonly bus?: Bus;
  /** The realm's characters database; without it any GUID logs in as a made-up level 1 character. */
  readonly charactersDb?: Database;
  readonly logger?: Logger;
  /** World loop tick; default 50 ms. */
  readonly tickMs?: number;
  /** How long sidecar probes and gRPC calls wait for the world loop; default 5000 ms (the sidecar's wait). */
  readonly worldDeadlineMs?: number;
  /** SMSG_TIME_SYNC_REQ period; default 10 000 ms (AzerothCore). */
  readonly timeSyncIntervalMs?: number;
  /** A gateway link silent this long is closed; default 900 000 ms (AzerothCore `SocketTimeOutTime`). */
  readonly idleTimeoutMs?: number;
}

/** A running simulated worldserver. */
export interface WorldSimulator {
  /** `host:port` of the game port, as registered. */
  readonly gameAddress: string;
  /** `host:port` of the sidecar's `/healthcheck` and `/metrics`. */
  readonly healthAddress: string;
  /** `host:port` of WorldServerService. */
  readonly grpcAddress: string;
  /** The id the registry gave this worldserver. */
  readonly id: string;
  readonly alias: string;
  /** The maps it owns: the registry's assignment, then every reassignment followed on the bus. */
  readonly assignedMaps: readonly number[];
  /** Crashes: every listener and link closes at once, nothing is saved, probes are refused. */
  die(): Promise<void>;
  /** Blocks the world loop for `ms` milliseconds or until {@link resume}; queued world work waits. */
  stallWorldLoop(duration: number | "forever"): void;
  resume(): void;
  /**
   * Gives `map` up as when the registry reassigns it (what `sr.gs.maps.reassigned` makes the
   * sidecar do): its players are saved and sent the unsolicited TC9_SMSG_READY_FOR_REDIRECT.
   * Resolves once the world loop did it.
   */
  handOverMap(map: number): Promise<void>;
  /** Shuts down like a worldserver: players in the world are saved (`online = 0`), then everything closes. */
  stop(): Promise<void>;
  /** The gateway links and their players. */
  sessions(): SimulatedSessionInfo[];
  /** Switches misbehaviour on for the packets handled from now on (replacing earlier faults; `{}` = behave). */
  injectFaults(faults: SimulatorFaults): void;
}

/** AzerothCore refuses client header sizes of 10240 and more; the size counts the 4-byte opcode. */
const MAX_CLIENT_PAYLOAD = 10_239 - 4;

function checkOptions(options: WorldSimulatorOptions): void {
  if (!Number.isInteger(options.realmId) || options.realmId < 1 || options.realmId > 255) {
    throw new WorldSimulatorError("TC9_ERR_WORLD_SIMULATOR_OPTIONS", `realmId ${options.realmId} is not a realm id; pass 1..255`);
  }
  if (options.availableMaps !== undefined && !/^(\d+(,\d+)*)?$/.test(options.availableMaps.replace(/\s+/g, ""))) {
    throw new WorldSimulatorError(
      "TC9_ERR_WORLD_SIMULATOR_OPTIONS",
      `availableMaps "${options.availableMaps}" is not a comma-separated list of map ids; pass e.g. "0,1" or "" for every map`,
    );
  }
}

/**
 * Starts a simulated AzerothCore cluster-mode worldserver with the ToCloud9 sidecar: a game port
 * for gateway links, the sidecar's health/metrics HTTP endpoint and WorldServerService, all
 * driven by one simulated world loop; then registers with the registry like the sidecar does.
 * Resolves once registered; on any failure everything started is closed again.
 */
export async function startWorldSimulator(options: WorldSimulatorOptions): Promise<WorldSimulator> {
  checkOptions(options);
  const host = options.host ?? "127.0.0.1";
  const log = options.logger ?? silentLog;
  const deadlineMs = options.worldDeadlineMs ?? 5_000;
  const startedAt = performance.now();
  const loop = new WorldLoop(options.tickMs ?? 50, (error) => log.error({ err: error }, "world loop task failed"));
  const store: CharacterStore = options.charactersDb ? new DatabaseCharacterStore(options.charactersDb) : new MemoryCharacterStore();
  const players = new WorldPlayers();
  const metrics = new NodeMetrics("world-simulator");
  let linkErrors = 0;
  let faults: SimulatorFaults = {};
  const context: SessionContext = {
    loop, store, players, log,
    clock: () => Math.floor(performance.now() - startedAt),
    timeSyncIntervalMs: options.timeSyncIntervalMs ?? 10_000,
    maxQueuedPackets: 1_000,
    countLinkError: () => void (linkErrors += 1),
    faults: () => faults,
  };

  let game: GameListener | undefined;
  let http: HealthEndpoint | undefined;
  let grpc: GrpcServerHandle | undefined;
  let registry: RegistryConnection | undefined;
  let cluster: SimulatorCluster | undefined;
  const closeAll = async (): Promise<void> => {
    loop.stop();
    await cluster?.close();
    game?.kill();
    http?.kill();
    await grpc?.shutdown(0);
    registry?.close();
  };
  try {
    game = await startGameListener({
      host, port: options.gamePort ?? 0, context, log, maxLinks: 5_000,
      limits: { maxPayload: MAX_CLIENT_PAYLOAD, idleTimeoutMs: options.idleTimeoutMs ?? 900_000, maxWriteBuffer: 4 * 1024 * 1024 },
    });
    http = await startHealthEndpoint({
      host, port: options.healthPort ?? 0, deadlineMs, logger: log, portSetting: "healthPort",
      thread: loopWorldThread(loop, () => players.size),
      extraMetrics: () =>
        "# HELP tc9_sim_link_errors_total Gateway links the simulator ended for bad input or overload.\n" +
        `# TYPE tc9_sim_link_errors_total counter\ntc9_sim_link_errors_total ${linkErrors}\n`,
    });
    grpc = await startSidecarGrpc({ host, port: options.grpcPort ?? 0, loop, players, store, deadlineMs, metrics });
  } catch (error) {
    await closeAll();
    throw new WorldSimulatorError("TC9_ERR_WORLD_SIMULATOR_LISTEN", `the simulator could not listen on ${host}: ${String(error)}; pick free ports or 0`, {
      cause: error,
    });
  }
  const listeners = { game, http, grpc };
  registry = connectRegistry(options.registry, metrics);
  const joined = await joinCluster({
    registry: registry.client,
    identity: { realmId: options.realmId, gamePort: listeners.game.port, isCrossRealm: options.isCrossRealm ?? false, availableMaps: options.availableMaps ?? "" },
    ports: { grpc: listeners.grpc.port, health: listeners.http.port },
    preferredHostName: options.preferredHostName ?? host,
    bus: options.bus,
    loop, players, log,
  }).catch(async (error: unknown) => {
    await closeAll();
    throw error;
  });
  cluster = joined;
  log.info({ id: joined.server.serverId, assignedMaps: joined.server.assignedMaps }, "worldserver simulator registered");

  let ending: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    const closed = listeners.game.close();
    loop.stop();
    for (const session of players.all()) {
      await session.saveAndLeave().catch((error: unknown) => log.error({ err: error }, "saving a player at shutdown failed"));
    }
    for (const session of listeners.game.sessions) session.disconnect("the worldserver is shutting down");
    await closed;
    await listeners.http.close();
    await listeners.grpc.shutdown(2_000);
    await joined.close();
    registry?.close();
  };
  return {
    gameAddress: `${host}:${listeners.game.port}`,
    healthAddress: `${host}:${listeners.http.port}`,
    grpcAddress: `${host}:${listeners.grpc.port}`,
    id: joined.server.serverId,
    alias: joined.server.alias,
    get assignedMaps() {
      return joined.assignedMaps();
    },
    die: () => (ending ??= closeAll()),
    stop: () => (ending ??= stop()),
    stallWorldLoop: (duration) => loop.stall(duration),
    resume: () => loop.resume(),
    handOverMap: (map) => redirectPlayersOnMap(loop, players, map),
    sessions: () => [...listeners.game.sessions].map((session) => session.info()),
    injectFaults: (next) => void (faults = { ...next }),
  };
}

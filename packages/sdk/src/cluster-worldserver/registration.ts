import type { WorldserverLog } from "./log.js";
import type { Client } from "../contracts/contract.js";
import type { ServersRegistryService } from "../contracts/generated/registry.js";
import { retryWithBackoff, type BackoffPolicy } from "./retry.js";

/** The ports the worldserver's cluster side advertises, known once its listeners are bound. */
export interface AdvertisedPorts {
  readonly grpc: number;
  readonly health: number;
}

/** What `TC9InitLib` says about the worldserver. */
export interface WorldserverIdentity {
  readonly gamePort: number;
  readonly realmId: number;
  readonly isCrossRealm: boolean;
  /** Comma-separated map ids it can load; "" = every map. */
  readonly availableMaps: string;
}

/** What {@link GameServerRegistration} needs. */
export interface RegistrationOptions {
  readonly registry: Client<typeof ServersRegistryService>;
  readonly ports: Promise<AdvertisedPorts> | AdvertisedPorts;
  /** `TC9_PREFERRED_HOSTNAME`; "" lets the registry use the address it sees. */
  readonly preferredHostname: string;
  /** Aborted when the worldserver stops: pending retries give up. */
  readonly signal: AbortSignal;
  readonly logger: WorldserverLog;
  /** Backoff of both calls; default 100 ms … 5 s, never giving up. */
  readonly retry?: BackoffPolicy;
}

/** The worldserver as the registry knows it. */
export interface RegisteredServer {
  readonly serverId: string;
  readonly alias: string;
  readonly realmId: number;
  readonly isCrossRealm: boolean;
  readonly assignedMaps: readonly number[];
}

const API = "tc9";
const DEFAULT_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 5_000 };
const CALL_TIMEOUT_MS = 5_000;

/**
 * Registers a worldserver with the servers registry (RegisterGameServer, as `TC9InitLib` does;
 * again after every reconnect of the library) and reports its loaded maps (GameServerMapsLoaded),
 * both retried with backoff while the registry is unreachable.
 */
export class GameServerRegistration {
  readonly #options: RegistrationOptions;
  #current: RegisteredServer | undefined;
  #generation = 0;

  constructor(options: RegistrationOptions) {
    this.#options = options;
  }

  /** The registered worldserver, while one is. */
  current(): RegisteredServer | undefined {
    return this.#current;
  }

  /** Registers `server`; retries until the registry answers, the policy gives up or the signal aborts (then rejects with the last error). */
  async register(server: WorldserverIdentity): Promise<RegisteredServer> {
    const generation = ++this.#generation;
    this.#current = undefined;
    const { registry, logger, signal } = this.#options;
    const ports = await this.#options.ports;
    const response = await retryWithBackoff(
      () =>
        registry.registerGameServer(
          {
            api: API,
            gamePort: server.gamePort,
            healthPort: ports.health,
            grpcPort: ports.grpc,
            realmID: server.isCrossRealm ? 0 : server.realmId,
            isCrossRealm: server.isCrossRealm,
            availableMaps: server.availableMaps,
            preferredHostName: this.#options.preferredHostname,
          },
          { timeoutMs: CALL_TIMEOUT_MS, signal },
        ),
      this.#options.retry ?? DEFAULT_RETRY,
      signal,
      (error, attempt) => logger.warn({ err: error, attempt }, "RegisterGameServer failed; retrying"),
    );
    const registered: RegisteredServer = {
      serverId: response.id,
      alias: response.alias,
      realmId: server.realmId,
      isCrossRealm: server.isCrossRealm,
      assignedMaps: response.assignedMaps,
    };
    if (generation === this.#generation) this.#current = registered;
    logger.info({ serverId: response.id, alias: response.alias, assignedMaps: response.assignedMaps.length }, "worldserver registered");
    return registered;
  }

  /**
   * Tells the registry these maps are loaded (it routes players to them from then on); retried
   * until it answers, the signal aborts or a newer registration replaced this one (the worldserver
   * reports its ready maps again after it).
   */
  async mapsLoaded(maps: readonly number[]): Promise<void> {
    const generation = this.#generation;
    const server = this.#current;
    if (!server) return;
    const { registry, logger, signal } = this.#options;
    await retryWithBackoff(
      async () => {
        if (generation !== this.#generation) return;
        await registry.gameServerMapsLoaded({ api: API, gameServerID: server.serverId, mapsLoaded: [...maps] }, { timeoutMs: CALL_TIMEOUT_MS, signal });
      },
      this.#options.retry ?? DEFAULT_RETRY,
      signal,
      (error, attempt) => logger.warn({ err: error, attempt, maps: maps.length }, "GameServerMapsLoaded failed; retrying"),
    );
  }
}

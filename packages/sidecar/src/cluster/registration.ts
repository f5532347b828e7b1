import type { Client } from "@tc9/sdk";
import type { ServersRegistryService } from "@tc9/sdk/contracts";
import type { Logger } from "pino";
import type { LibraryHello, Welcome } from "../bridge/bridge-server.js";
import { retryWithBackoff } from "../retry.js";

/** The ports this sidecar advertises, known once its listeners are bound. */
export interface AdvertisedPorts {
  readonly grpc: number;
  readonly health: number;
}

/** What {@link GameServerRegistration} needs. */
export interface RegistrationOptions {
  readonly registry: Client<typeof ServersRegistryService>;
  readonly ports: Promise<AdvertisedPorts>;
  /** `TC9_PREFERRED_HOSTNAME`; "" lets the registry use the address it sees. */
  readonly preferredHostname: string;
  /** Aborted when the sidecar stops: pending retries give up. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/** The worldserver this sidecar registered, as the registry knows it. */
export interface RegisteredServer {
  readonly serverId: string;
  readonly realmId: number;
  readonly isCrossRealm: boolean;
}

const API = "tc9";
const RETRY = { initialMs: 100, maxMs: 5_000 } as const;

/**
 * Registers the worldserver with the servers registry for every library connection (HELLO →
 * RegisterGameServer → WELCOME) and reports its loaded maps (GameServerMapsLoaded), both retried
 * with backoff while the registry is unreachable.
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

  /** Registers the worldserver that said `hello`; retries until the registry answers or the sidecar stops. */
  async register(hello: LibraryHello): Promise<Welcome> {
    const generation = ++this.#generation;
    this.#current = undefined;
    const { registry, logger, signal } = this.#options;
    const ports = await this.#options.ports;
    const response = await retryWithBackoff(
      () =>
        registry.registerGameServer(
          {
            api: API,
            gamePort: hello.gamePort,
            healthPort: ports.health,
            grpcPort: ports.grpc,
            realmID: hello.isCrossRealm ? 0 : hello.realmId,
            isCrossRealm: hello.isCrossRealm,
            availableMaps: hello.availableMaps,
            preferredHostName: this.#options.preferredHostname,
          },
          { timeoutMs: 5_000, signal },
        ),
      RETRY,
      signal,
      (error, attempt) => logger.warn({ err: error, attempt }, "RegisterGameServer failed; retrying"),
    );
    if (generation === this.#generation) {
      this.#current = { serverId: response.id, realmId: hello.realmId, isCrossRealm: hello.isCrossRealm };
    }
    logger.info({ serverId: response.id, alias: response.alias, assignedMaps: response.assignedMaps.length }, "worldserver registered");
    return { registered: true, serverId: response.id, assignedMaps: response.assignedMaps };
  }

  /**
   * Tells the registry these maps are loaded; retried until it answers, the sidecar stops or a
   * newer registration replaced this one (the library re-sends its ready maps after it).
   */
  async mapsLoaded(maps: readonly number[]): Promise<void> {
    const generation = this.#generation;
    const server = this.#current;
    if (!server) return;
    const { registry, logger, signal } = this.#options;
    await retryWithBackoff(
      async () => {
        if (generation !== this.#generation) return;
        await registry.gameServerMapsLoaded({ api: API, gameServerID: server.serverId, mapsLoaded: [...maps] }, { timeoutMs: 5_000, signal });
      },
      RETRY,
      signal,
      (error, attempt) => logger.warn({ err: error, attempt, maps: maps.length }, "GameServerMapsLoaded failed; retrying"),
    );
  }
}

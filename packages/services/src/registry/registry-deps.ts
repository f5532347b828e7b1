import type { Logger } from "pino";
import type { DegradedGameServers } from "./degraded-game-servers.js";
import type { HealthMonitor } from "./health-monitor.js";
import type { MapRedistributor } from "./map-redistributor.js";
import type { RegistryEvents } from "./registry-events.js";
import type { RegistryStore } from "./registry-store.js";

/** What the registry's handlers share. */
export interface RegistryDeps {
  readonly store: RegistryStore;
  readonly events: RegistryEvents;
  readonly maps: MapRedistributor;
  readonly monitor: HealthMonitor;
  readonly degraded: DegradedGameServers;
  readonly logger: Logger;
  /** The realms worldservers and gateways may register for: the topology's and `extraRealms`. */
  readonly servedRealms: ReadonlySet<number>;
  /** How long a placement on a map that is changing owner waits for the new owner (see `placePlayer`). */
  readonly handoverWaitMs: number;
}

/** The `api` string of every answer (nobody checks it, ToCloud9 included). */
export const REGISTRY_API = "tc9";

import { Gauge, type Registry } from "prom-client";

const GAUGE_NAME = "tc9_registry_game_server_degraded";

/**
 * Which registered worldservers are degraded, for operators: the gauge
 * `tc9_registry_game_server_degraded{id}` (1 degraded, 0 healthy, gone once the server is removed)
 * and the list the module's `info()` shows. The store's `healthDegraded` flag is what placement
 * reads; this mirrors it where a synchronous view is needed.
 */
export class DegradedGameServers {
  readonly #gauge: Gauge<"id">;
  readonly #known = new Map<string, boolean>();

  constructor(registry: Registry) {
    this.#gauge =
      (registry.getSingleMetric(GAUGE_NAME) as Gauge<"id"> | undefined) ??
      new Gauge({ name: GAUGE_NAME, help: "1 while a registered worldserver's world loop stalls and it takes no new players", labelNames: ["id"], registers: [registry] });
  }

  /** Records the state of a registered server (a new registration is healthy). */
  set(id: string, degraded: boolean): void {
    this.#known.set(id, degraded);
    this.#gauge.set({ id }, degraded ? 1 : 0);
  }

  /** Forgets a removed server. */
  forget(id: string): void {
    this.#known.delete(id);
    this.#gauge.remove({ id });
  }

  /** The ids of the degraded servers, sorted. */
  ids(): string[] {
    return [...this.#known].filter(([, degraded]) => degraded).map(([id]) => id).sort();
  }

  /** Forgets every server (the module stops). */
  clear(): void {
    for (const id of this.#known.keys()) this.#gauge.remove({ id });
    this.#known.clear();
  }
}

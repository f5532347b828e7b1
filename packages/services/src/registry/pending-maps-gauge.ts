import { Gauge, type Registry } from "prom-client";
import type { RegistryStore } from "./registry-store.js";

const GAUGE_NAME = "tc9_registry_game_server_pending_maps";

/**
 * `tc9_registry_game_server_pending_maps{id}`: how many maps each registered worldserver was given
 * and has not confirmed loaded yet (`GameServerMapsLoaded`), read from the store at every scrape,
 * so operators (and `tc9 top`) see a handover in progress. `GameServerDetailed` has no field for it.
 */
export function registerPendingMapsGauge(registry: Registry, store: RegistryStore): void {
  if (registry.getSingleMetric(GAUGE_NAME)) registry.removeSingleMetric(GAUGE_NAME);
  new Gauge({
    name: GAUGE_NAME,
    help: "Maps a registered worldserver was given and has not confirmed loaded yet",
    labelNames: ["id"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const server of await store.gameServers()) this.set({ id: server.id }, server.pendingMaps.length);
    },
  });
}

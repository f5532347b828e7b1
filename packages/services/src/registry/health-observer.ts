import type { Logger } from "pino";
import type { DegradedGameServers } from "./degraded-game-servers.js";
import type { HealthObserver } from "./health-monitor.js";
import type { MapRedistributor } from "./map-redistributor.js";
import type { ServerGauges } from "./prometheus-gauges.js";
import type { RegistryEvents } from "./registry-events.js";
import type { GameServerRecord, RegistryStore } from "./registry-store.js";

/** What the health observer changes. */
export interface HealthObserverDeps {
  readonly store: RegistryStore;
  readonly events: RegistryEvents;
  readonly maps: MapRedistributor;
  readonly degraded: DegradedGameServers;
  readonly logger: Logger;
}

function withGauges(server: GameServerRecord, gauges: ServerGauges): GameServerRecord {
  return {
    ...server,
    activeConnections: gauges.activeConnections ?? server.activeConnections,
    delay: {
      mean: gauges.delayMean ?? server.delay.mean,
      median: gauges.delayMedian ?? server.delay.median,
      percentile95: gauges.delay95Percentile ?? server.delay.percentile95,
      percentile99: gauges.delay99Percentile ?? server.delay.percentile99,
      max: gauges.delayMax ?? server.delay.max,
    },
  };
}

/**
 * Applies health results to the store: metrics on success; a degraded worldserver is flagged (it
 * keeps its maps, nothing is published — ToCloud9 PR #37 defines no subject for it) and unflagged
 * when it recovers; a worldserver that is down is removed, its removal published and its maps
 * redistributed; a gateway that is down is removed and its removal published.
 */
export function healthObserver({ store, events, maps, degraded, logger }: HealthObserverDeps): HealthObserver {
  const setDegraded = async (id: string, healthDegraded: boolean): Promise<GameServerRecord | undefined> => {
    const updated = await store.updateGameServer(id, (server) => ({ ...server, healthDegraded }));
    if (updated) degraded.set(id, healthDegraded);
    return updated;
  };
  return {
    async healthy(target, gauges) {
      if (!gauges) return;
      if (target.kind === "game-server") await store.updateGameServer(target.id, (server) => withGauges(server, gauges));
      else {
        await store.updateGateway(target.id, (gateway) => ({
          ...gateway,
          activeConnections: gauges.activeConnections ?? gateway.activeConnections,
        }));
      }
    },
    async degraded(target, reason) {
      const server = await setDegraded(target.id, true);
      if (server) logger.warn({ id: server.id, address: server.address, reason }, "worldserver world loop stalls; keeping its maps, draining new placements");
    },
    async recovered(target) {
      const server = await setDegraded(target.id, false);
      if (server) logger.info({ id: server.id, address: server.address }, "worldserver recovered; taking new placements again");
    },
    async unhealthy(target, reason) {
      if (target.kind === "game-server") {
        const removed = await maps.remove(target.id);
        if (!removed) return;
        degraded.forget(removed.id);
        logger.warn({ id: removed.id, address: removed.address, reason }, "worldserver unhealthy; removed, its maps redistributed");
        return;
      }
      const removed = await store.removeGateway(target.id);
      if (!removed) return;
      logger.warn({ id: removed.id, address: removed.address, reason }, "gateway unhealthy; removed");
      await events.gatewayRemovedUnhealthy(removed);
    },
  };
}

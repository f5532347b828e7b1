import {
  defineModule,
  registryGameServerAdded,
  registryGameServerRemoved,
  registryGatewayAdded,
  registryGatewayRemovedUnhealthy,
} from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import type { Logger } from "pino";
import { gameServerHandlers } from "./game-server-handlers.js";
import { gatewayHandlers } from "./gateway-handlers.js";
import { HealthMonitor, type HealthObserver } from "./health-monitor.js";
import { InMemoryRegistryStore } from "./in-memory-registry-store.js";
import type { ServerGauges } from "./prometheus-gauges.js";
import { RegistryEvents } from "./registry-events.js";
import { registryOptionsSchema } from "./registry-options.js";
import type { GameServerRecord, RegistryStore } from "./registry-store.js";
import { unimplementedHandlers } from "./unimplemented-handlers.js";

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

/** Applies health results to the store: metrics on success, removal (and its event) after repeated failures. */
function healthObserver(store: RegistryStore, events: RegistryEvents, logger: Logger): HealthObserver {
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
    async unhealthy(target, reason) {
      if (target.kind === "game-server") {
        const removed = await store.removeGameServer(target.id);
        if (!removed) return;
        logger.warn({ id: removed.id, address: removed.address, reason }, "worldserver unhealthy; removed");
        await events.gameServerRemoved(removed);
        return;
      }
      const removed = await store.removeGateway(target.id);
      if (!removed) return;
      logger.warn({ id: removed.id, address: removed.address, reason }, "gateway unhealthy; removed");
      await events.gatewayRemovedUnhealthy(removed);
    },
  };
}

/**
 * The servers registry (ToCloud9 `servers-registry`): worldservers and gateways register, the
 * registry health-checks them, reads their load from `/metrics`, assigns maps and answers which
 * server handles a realm's map and which gateway a realm's players should use. State is in memory
 * behind `RegistryStore`.
 */
export const registryModule = defineModule({
  name: "registry",
  serves: ServersRegistryService,
  events: { publishes: [registryGameServerAdded, registryGameServerRemoved, registryGatewayAdded, registryGatewayRemovedUnhealthy] },
  options: registryOptionsSchema,
  async start(ctx) {
    const store = new InMemoryRegistryStore();
    const events = new RegistryEvents(ctx.bus, ctx.logger);
    const monitor = new HealthMonitor(ctx.options, healthObserver(store, events, ctx.logger), (error) =>
      ctx.logger.error({ err: error }, "applying a health check result failed"),
    );
    monitor.start();
    const deps = { store, events, monitor, logger: ctx.logger };
    return {
      handlers: { ...gameServerHandlers(deps), ...gatewayHandlers(deps), ...unimplementedHandlers },
      stop: () => monitor.stop(),
    };
  },
});

import {
  defineModule,
  registryGameServerAdded,
  registryGameServerMapsReassigned,
  registryGameServerRemoved,
  registryGatewayAdded,
  registryGatewayRemovedUnhealthy,
} from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { DegradedGameServers } from "./degraded-game-servers.js";
import { gameServerHandlers } from "./game-server-handlers.js";
import { gatewayHandlers } from "./gateway-handlers.js";
import { HealthMonitor } from "./health-monitor.js";
import { healthObserver } from "./health-observer.js";
import { InMemoryRegistryStore } from "./in-memory-registry-store.js";
import { MapRedistributor } from "./map-redistributor.js";
import { RegistryEvents } from "./registry-events.js";
import { registryOptionsSchema } from "./registry-options.js";
import { unimplementedHandlers } from "./unimplemented-handlers.js";

/**
 * The servers registry (ToCloud9 `servers-registry`): worldservers and gateways register, the
 * registry health-checks them, reads their load from `/metrics`, splits the maps of each pool
 * between its worldservers by weight (publishing `sr.gs.maps.reassigned`), and answers which
 * server a player goes to on a map (groups stay together) and which gateway a realm's players
 * should use. Worldservers whose world loop stalls are drained from placement (ToCloud9 PR #37);
 * `info()` lists them as `degradedGameServers`. State is in memory behind `RegistryStore`.
 */
export const registryModule = defineModule({
  name: "registry",
  serves: ServersRegistryService,
  events: { publishes: [registryGameServerAdded, registryGameServerMapsReassigned, registryGameServerRemoved, registryGatewayAdded, registryGatewayRemovedUnhealthy] },
  options: registryOptionsSchema,
  async start(ctx) {
    const store = new InMemoryRegistryStore();
    const events = new RegistryEvents(ctx.bus, ctx.logger);
    const maps = new MapRedistributor(store, events, ctx.logger);
    const degraded = new DegradedGameServers(ctx.metrics);
    const monitor = new HealthMonitor(ctx.options, healthObserver({ store, events, maps, degraded, logger: ctx.logger }), (error) =>
      ctx.logger.error({ err: error }, "applying a health check result failed"),
    );
    monitor.start();
    const deps = { store, events, maps, monitor, degraded, logger: ctx.logger };
    return {
      handlers: { ...gameServerHandlers(deps), ...gatewayHandlers(deps), ...unimplementedHandlers },
      info: () => ({ degradedGameServers: degraded.ids() }),
      stop: async () => {
        await monitor.stop();
        degraded.clear();
      },
    };
  },
});

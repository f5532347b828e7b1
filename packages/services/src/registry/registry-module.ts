import { randomUUID } from "node:crypto";
import {
  defineModule,
  type Bus,
  registryGameServerAdded,
  registryGameServerMapsReassigned,
  registryGameServerRemoved,
  registryGatewayAdded,
  registryGatewayRemovedUnhealthy,
} from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import type { Logger } from "pino";
import { registerPendingMapsGauge } from "./pending-maps-gauge.js";
import { DegradedGameServers } from "./degraded-game-servers.js";
import { RegistryError } from "./errors.js";
import { gameServerHandlers } from "./game-server-handlers.js";
import { gatewayHandlers } from "./gateway-handlers.js";
import { HealthMonitor, type HealthTarget } from "./health-monitor.js";
import { healthObserver } from "./health-observer.js";
import { InMemoryRegistryStore } from "./in-memory-registry-store.js";
import { KvRegistryStore } from "./kv-registry-store.js";
import { MapRedistributor } from "./map-redistributor.js";
import { RegistryEvents } from "./registry-events.js";
import { RegistryLease } from "./registry-lease.js";
import { registryOptionsSchema, type RegistryOptions } from "./registry-options.js";
import { GROUP_BINDING_TTL_MS, type RegistryStore } from "./registry-store.js";
import { unimplementedHandlers } from "./unimplemented-handlers.js";

/**
 * The servers registry (ToCloud9 `servers-registry`): worldservers and gateways register, the
 * registry health-checks them, reads their load from `/metrics`, splits the maps of each pool
 * between its worldservers by weight (publishing `sr.gs.maps.reassigned`), and answers which
 * server a player goes to on a map (groups stay together) and which gateway a realm's players
 * should use. Worldservers whose world loop stalls are drained from placement (ToCloud9 PR #37);
 * `info()` lists them as `degradedGameServers`. State is in JetStream KV on a NATS bus (shared by
 * several registry processes, one of which — the lease holder — probes and redistributes after
 * removals; kept across restarts), in memory on the local bus; see the README.
 */
export const registryModule = defineModule({
  name: "registry",
  serves: ServersRegistryService,
  events: { publishes: [registryGameServerAdded, registryGameServerMapsReassigned, registryGameServerRemoved, registryGatewayAdded, registryGatewayRemovedUnhealthy] },
  options: registryOptionsSchema,
  async start(ctx) {
    const owner = `${ctx.node}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const { store, lease } = await openStore(ctx.options, ctx.bus, owner, ctx.logger);
    const events = new RegistryEvents(ctx.bus, ctx.logger);
    const maps = new MapRedistributor(store, events, ctx.logger);
    const degraded = new DegradedGameServers(ctx.metrics);
    registerPendingMapsGauge(ctx.metrics, store);
    const registered = async (): Promise<HealthTarget[]> => [
      ...(await store.gameServers()).map((server) => ({
        kind: "game-server" as const,
        id: server.id,
        healthCheckAddress: server.healthCheckAddress,
        degraded: server.healthDegraded,
      })),
      ...(await store.gateways()).map((gateway) => ({ kind: "gateway" as const, id: gateway.id, healthCheckAddress: gateway.healthCheckAddress })),
    ];
    const monitor = new HealthMonitor(
      ctx.options,
      healthObserver({ store, events, maps, degraded, logger: ctx.logger }),
      { active: () => lease?.held ?? true, list: registered },
      (error) => ctx.logger.error({ err: error }, "applying a health check result failed"),
    );
    await lease?.start();
    monitor.start();
    const servedRealms = new Set([...ctx.realms.map((realm) => realm.id), ...ctx.options.extraRealms]);
    const deps = { store, events, maps, monitor, degraded, logger: ctx.logger, servedRealms, handoverWaitMs: ctx.options.handoverWaitMs };
    return {
      handlers: { ...gameServerHandlers(deps), ...gatewayHandlers(deps), ...unimplementedHandlers },
      info: () => ({ degradedGameServers: degraded.ids(), store: lease ? "kv" : "memory", probing: lease?.held ?? true }),
      stop: async () => {
        await monitor.stop();
        await lease?.stop();
        degraded.clear();
      },
    };
  },
});

/** The store the options pick, with the lease that elects the probing process when it is shared. */
async function openStore(
  options: RegistryOptions,
  bus: Bus,
  owner: string,
  logger: Logger,
): Promise<{ store: RegistryStore; lease: RegistryLease | undefined }> {
  const kv = options.store === "kv" || (options.store === "auto" && bus.transport === "nats");
  if (!kv) return { store: new InMemoryRegistryStore(options.rejoinGraceMs), lease: undefined };
  const [servers, groups, removed, locks] = await Promise.all([
    bus.keyValue(options.bucket),
    bus.keyValue(`${options.bucket}-groups`, { ttlMs: GROUP_BINDING_TTL_MS }),
    bus.keyValue(`${options.bucket}-removed`, { ttlMs: Math.max(1_000, options.rejoinGraceMs) }),
    bus.keyValue(`${options.bucket}-lease`, { ttlMs: options.leaseMs }),
  ]).catch((error: unknown) => {
    throw new RegistryError(
      "TC9_ERR_REGISTRY_STORE_UNAVAILABLE",
      `opening the registry's KV bucket "${options.bucket}" failed (${error instanceof Error ? error.message : String(error)}); run NATS with JetStream (nats-server -js) or set the registry's store option to "memory"`,
      { cause: error },
    );
  });
  logger.info({ bucket: servers.bucket }, "registry state in JetStream KV");
  return { store: new KvRegistryStore({ servers, groups, removed, locks }, owner, options.rejoinGraceMs), lease: new RegistryLease(locks, owner, options.leaseMs, logger) };
}

import { defineModule, type Subscription } from "@tc9/sdk";
import { GuidService, ServersRegistryService, WorldServerService } from "@tc9/sdk/contracts";
import { startBridgeServer, type BridgeServer } from "./bridge/bridge-server.js";
import { groupRoutes } from "./cluster/group-routes.js";
import { fetchGuidPool } from "./cluster/guid-refill.js";
import { guildRoutes } from "./cluster/guild-routes.js";
import { subscribeHookRoutes } from "./cluster/hook-route.js";
import { mapsReassignedRoute } from "./cluster/maps-route.js";
import { NatsRelay } from "./cluster/nats-relay.js";
import { GameServerRegistration, type AdvertisedPorts } from "./cluster/registration.js";
import type { SidecarConfig } from "./config.js";
import { startHealthEndpoint, type HealthEndpoint } from "./health/health-endpoint.js";
import { worldLoopCall } from "./world/world-loop.js";
import { worldServerHandlers } from "./world/world-server-handlers.js";

/** The module's name in the sidecar's node. */
export const SIDECAR_MODULE = "worldserver-sidecar";

/** What the module needs from the process that hosts it. */
export interface SidecarModuleSetup {
  readonly config: SidecarConfig;
  /** The node's bound gRPC port, known once the node listens. */
  readonly grpcPort: Promise<number>;
}

/**
 * The sidecar as a tc9 module: the bridge the worldserver's libsidecar connects to, the health
 * endpoint, registration and GUID refills through ServersRegistryService and GuidService, bus
 * events as hooks, the NATS relay, and `WorldServerService` served by forwarding every RPC to the
 * world loop.
 */
export function sidecarModule(setup: SidecarModuleSetup) {
  const { config } = setup;
  return defineModule({
    name: SIDECAR_MODULE,
    serves: WorldServerService,
    uses: [ServersRegistryService, GuidService],
    async start(ctx) {
      const logger = ctx.logger;
      const lifetime = new AbortController();
      const onStop = (): void => lifetime.abort();
      ctx.signal.addEventListener("abort", onStop, { once: true });
      let resolvePorts: (ports: AdvertisedPorts) => void = () => undefined;
      const ports = new Promise<AdvertisedPorts>((resolve) => (resolvePorts = resolve));
      const registration = new GameServerRegistration({
        registry: ctx.use(ServersRegistryService),
        ports,
        preferredHostname: config.preferredHostname,
        signal: lifetime.signal,
        logger,
      });
      const guids = ctx.use(GuidService);
      let bridge: BridgeServer | undefined;
      const relay = new NatsRelay(ctx.bus, () => bridge, logger);
      const reportedKinds = new Set<string>();
      const notForwarded = (what: string, kind: number): void => {
        if (reportedKinds.has(`${what}:${kind}`)) return;
        reportedKinds.add(`${what}:${kind}`);
        logger.warn({ kind }, `libsidecar ${what} of this kind is not forwarded to the cluster by this tc9 version`);
      };

      bridge = await startBridgeServer({
        socketPath: config.socketPath,
        logger,
        handlers: {
          async onHello(hello) {
            logger.info({ pid: hello.pid, realmId: hello.realmId, gamePort: hello.gamePort, abi: hello.abi }, "worldserver library connected");
            await relay.reset();
            return registration.register(hello);
          },
          onGuidRequest: (type, realmId, desired) =>
            fetchGuidPool(guids, { type, realmId: realmId === 0 ? (registration.current()?.realmId ?? 0) : realmId, desired }, lifetime.signal, logger),
          onMapsReady: (maps) => registration.mapsLoaded(maps),
          onNotify: async (kind) => notForwarded("notification", kind),
          onNatsPublish: (subject, payload) => relay.publish(subject, payload),
          onNatsSubscribe: (id, subject) => relay.subscribe(id, subject),
          async onCall(kind) {
            notForwarded("blocking call", kind);
            throw new Error(`call kind ${kind} is not served by this sidecar`);
          },
        },
      });
      const running = bridge;
      let health: HealthEndpoint | undefined;
      let subscriptions: Subscription[] = [];
      try {
        health = await startHealthEndpoint({
          host: config.listenHost,
          port: config.healthCheckPort,
          bridge: running,
          deadlineMs: config.healthCheckDeadlineMs,
          registry: ctx.metrics,
          logger,
        });
        subscriptions = await subscribeHookRoutes(
          ctx.bus,
          [...groupRoutes, ...guildRoutes, mapsReassignedRoute(() => registration.current()?.serverId)],
          { ownRealm: () => registration.current()?.realmId, bridge: () => running },
          logger,
        );
      } catch (error) {
        await health?.close();
        await running.close();
        throw error;
      }
      const healthPort = health.port;
      const closeHealth = health.close;
      setup.grpcPort.then((grpc) => resolvePorts({ grpc, health: healthPort }), () => undefined);

      return {
        handlers: worldServerHandlers(worldLoopCall(running, config.requestTimeoutMs)),
        info: () => ({
          socketPath: config.socketPath,
          healthPort,
          libraryConnected: running.connected(),
          serverId: registration.current()?.serverId,
        }),
        async stop() {
          lifetime.abort();
          ctx.signal.removeEventListener("abort", onStop);
          await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
          await relay.reset();
          await closeHealth();
          await running.close();
        },
      };
    },
  });
}

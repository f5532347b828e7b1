import { defineModule, type Subscription } from "@tc9/sdk";
import {
  fetchGuidPool,
  GameServerRegistration,
  mapsReassignedRoute,
  startHealthEndpoint,
  subscribeBusRoutes,
  type AdvertisedPorts,
  type HealthEndpoint,
} from "@tc9/sdk/cluster-worldserver";
import { CharactersService, GroupService, GuidService, MatchmakingService, ServersRegistryService, WorldServerService } from "@tc9/sdk/contracts";
import { startBridgeServer, type BridgeServer, type Welcome } from "./bridge/bridge-server.js";
import { groupRoutes } from "./cluster/group-routes.js";
import { guildRoutes } from "./cluster/guild-routes.js";
import { bridgeHookTarget, mapsReassignedHook } from "./cluster/hook-route.js";
import { NatsRelay } from "./cluster/nats-relay.js";
import { answerCall, forwardNotification, type NotificationClients } from "./cluster/notifications.js";
import type { SidecarConfig } from "./config.js";
import { bridgeWorldThread, worldLoopCall } from "./world/world-loop.js";
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
 * The sidecar as a tc9 module: the bridge the worldserver's libsidecar connects to, and the
 * shared worldserver side of the cluster (`@tc9/sdk/cluster-worldserver`: registration, health
 * endpoint, GUID refills, bus events as hooks); the library's notifications and arena call
 * forwarded to matchmaking, group and characters services; the NATS relay; and
 * `WorldServerService` served by forwarding every RPC to the world loop.
 */
export function sidecarModule(setup: SidecarModuleSetup) {
  const { config } = setup;
  return defineModule({
    name: SIDECAR_MODULE,
    serves: WorldServerService,
    uses: [ServersRegistryService, GuidService, MatchmakingService, GroupService, CharactersService],
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
      const services: NotificationClients = {
        matchmaking: ctx.use(MatchmakingService),
        groups: ctx.use(GroupService),
        characters: ctx.use(CharactersService),
      };

      bridge = await startBridgeServer({
        socketPath: config.socketPath,
        logger,
        handlers: {
          async onHello(hello): Promise<Welcome> {
            logger.info({ pid: hello.pid, realmId: hello.realmId, gamePort: hello.gamePort, abi: hello.abi }, "worldserver library connected");
            await relay.reset();
            const server = await registration.register(hello);
            return { registered: true, serverId: server.serverId, assignedMaps: server.assignedMaps };
          },
          onGuidRequest: (type, realmId, desired) =>
            fetchGuidPool(guids, { type, realmId: realmId === 0 ? (registration.current()?.realmId ?? 0) : realmId, desired }, lifetime.signal, logger),
          onMapsReady: (maps) => registration.mapsLoaded(maps),
          onNotify: (kind, body) => forwardNotification(kind, body, registration.current(), services, logger),
          onNatsPublish: (subject, payload) => relay.publish(subject, payload),
          onNatsSubscribe: (id, subject) => relay.subscribe(id, subject),
          onCall: (kind, body) => answerCall(kind, body, services),
        },
      });
      const running = bridge;
      let health: HealthEndpoint | undefined;
      let subscriptions: Subscription[] = [];
      try {
        health = await startHealthEndpoint({
          host: config.listenHost,
          port: config.healthCheckPort,
          thread: bridgeWorldThread(running),
          deadlineMs: config.healthCheckDeadlineMs,
          extraMetrics: () => ctx.metrics.metrics(),
          logger,
          portSetting: "TC9_HEALTH_CHECK_PORT",
        });
        const ownRealm = (): number | undefined => registration.current()?.realmId;
        subscriptions = [
          ...(await subscribeBusRoutes(ctx.bus, [...groupRoutes, ...guildRoutes], bridgeHookTarget(ownRealm, running, logger, (hook) => hook), logger)),
          ...(await subscribeBusRoutes(
            ctx.bus,
            [mapsReassignedRoute(() => registration.current()?.serverId)],
            bridgeHookTarget(ownRealm, running, logger, mapsReassignedHook),
            logger,
          )),
        ];
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

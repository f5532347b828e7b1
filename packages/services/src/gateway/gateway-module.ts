import {
  defineModule,
  gatewayCharacterLoggedIn,
  gatewayCharacterLoggedOut,
  gatewayCharactersUpdates,
  type ModuleContext,
  type ModuleDefinition,
} from "@tc9/sdk";
import { CharactersService, GuidService, ServersRegistryService } from "@tc9/sdk/contracts";
import { databaseCharacterEditor } from "./character-editor.js";
import { CharacterGuidPool, guidServiceDraw } from "./character-guids.js";
import { GATEWAY_ERROR_CODES, GatewayError } from "./errors.js";
import { startGameListener, type GameListener } from "./game-listener.js";
import { GatewayEvents } from "./gateway-events.js";
import { GatewayMetrics } from "./gateway-metrics.js";
import type { SessionDeps } from "./gateway-session.js";
import { startHealthEndpoint, type HealthEndpoint } from "./health-endpoint.js";
import { gatewayOptionsSchema, type GatewayOptions } from "./options.js";
import { findWorldAccount } from "./world-accounts.js";

const API = "tc9";

/** The session dependencies of a gateway, from its module context. */
function sessionDeps(ctx: ModuleContext<GatewayOptions>, metrics: GatewayMetrics, events: GatewayEvents): SessionDeps {
  const { options } = ctx;
  const realmId = options.realmId;
  const characters = ctx.use(CharactersService);
  const auth = ctx.databases.auth();
  const charactersDb = ctx.databases.characters(realmId);
  const guids = new CharacterGuidPool(guidServiceDraw(ctx.use(GuidService), realmId, options.rpcTimeoutMs), options.characterGuidDrawSize);
  const editor = databaseCharacterEditor({
    realmId,
    characters: charactersDb,
    world: ctx.databases.world(realmId),
    auth,
    isOnline: async (guid) =>
      (await characters.characterByGUID({ api: API, realmID: realmId, characterGUID: guid }, { timeoutMs: options.rpcTimeoutMs })).character
        ?.isOnline ?? false,
    newGuid: () => guids.next(),
  });
  return {
    realmId,
    findAccount: (username) => findWorldAccount(auth, username, realmId),
    characters,
    registry: ctx.use(ServersRegistryService),
    editor,
    events,
    metrics,
    logger: ctx.logger,
    authTimeoutMs: options.authTimeoutMs,
    rpcTimeoutMs: options.rpcTimeoutMs,
    clientCacheVersion: options.clientCacheVersion,
    link: { connectTimeoutMs: options.worldConnectTimeoutMs, maxPayload: options.maxWorldPayload, maxWriteBuffer: options.maxWriteBufferBytes },
    login: { delayMs: options.worldLoginDelayMs, timeoutMs: options.worldLoginTimeoutMs },
    moves: { redirectTimeoutMs: options.redirectTimeoutMs, queueLimit: options.moveQueueLimit, failover: options.failover },
    characterOffline: async (guid) => {
      await charactersDb.execute("UPDATE characters SET online = 0 WHERE guid = ?", [guid]);
    },
    realmNames: new Map(ctx.realms.map((realm) => [realm.id, realm.name])),
  };
}

/**
 * The gateway (ToCloud9's `game-load-balancer`): the players' world port (8085). It authenticates
 * clients against the session key the auth module stored, serves the character screen from the
 * characters service (creation and deletion through the characters module's functions, new GUIDs
 * from the guid module), and on
 * login opens a link to the worldserver the registry names for the character's map and relays
 * the session both ways, moving the character to another worldserver on a map change, a map
 * reassignment or a crash without disconnecting the client. It registers with the servers registry and answers its probes on a
 * small health port; `info()` reports both ports, the gateway id and the open sessions and links.
 * `name` tells several gateways apart in one topology (their metrics carry it as the `gateway` label).
 */
export function defineGatewayModule(name = "gateway"): ModuleDefinition<undefined, GatewayOptions> {
  return defineModule({
    name,
    uses: [CharactersService, ServersRegistryService, GuidService],
    databases: ["auth", "characters", "world"],
    events: { publishes: [gatewayCharacterLoggedIn, gatewayCharacterLoggedOut, gatewayCharactersUpdates] },
    options: gatewayOptionsSchema,
    async start(ctx) {
      const { options } = ctx;
      if (!ctx.realms.some((realm) => realm.id === options.realmId)) {
        throw new GatewayError(
          GATEWAY_ERROR_CODES.realm,
          `the gateway serves realm ${options.realmId}, which the topology does not define; add it to realms or set the gateway's realmId`,
        );
      }
      const metrics = new GatewayMetrics(ctx.metrics, ctx.module);
      const events = new GatewayEvents(ctx.bus, options.realmId, options.updatesIntervalMs, ctx.logger);
      const limits = { maxPayload: options.maxClientPayload, idleTimeoutMs: options.idleTimeoutMs, maxWriteBuffer: options.maxWriteBufferBytes };
      let listener: GameListener | undefined;
      let health: HealthEndpoint | undefined;
      let gatewayId: string;
      try {
        listener = await startGameListener(
          { host: options.host, port: options.port, maxConnections: options.maxConnections, limits },
          sessionDeps(ctx, metrics, events),
        );
        health = await startHealthEndpoint(options.health.host, options.health.port, () => metrics.openSessions, (error) =>
          ctx.logger.error({ err: error }, "gateway health endpoint failed"),
        );
        gatewayId = await register(ctx, listener.port, health.port);
      } catch (error) {
        await listener?.stop();
        await health?.close();
        await events.stop();
        throw error;
      }
      events.setGatewayId(gatewayId);
      ctx.logger.info({ gatewayId, address: listener.host, port: listener.port, healthPort: health.port }, "gateway listening");
      const game = listener;
      const probes = health;
      return {
        info: () => ({
          address: game.host,
          port: game.port,
          healthPort: probes.port,
          gatewayId,
          sessions: metrics.openSessions,
          worldLinks: metrics.openWorldLinks,
          charactersInWorld: game.charactersInWorld(),
        }),
        async stop() {
          await game.stop();
          await probes.close();
          await events.stop();
        },
      };
    },
  });
}

/** The gateway module under its usual name, `gateway`. */
export const gatewayModule = defineGatewayModule();

/** RegisterGateway with the game and health ports (ToCloud9 registers before accepting players). */
async function register(ctx: ModuleContext<GatewayOptions>, gamePort: number, healthPort: number): Promise<string> {
  const { options } = ctx;
  try {
    const response = await ctx.use(ServersRegistryService).registerGateway(
      { api: API, gamePort, healthPort, realmID: options.realmId, isCrossRealm: false, preferredHostName: options.publicHost },
      { timeoutMs: options.rpcTimeoutMs },
    );
    return response.id;
  } catch (error) {
    throw new GatewayError(
      GATEWAY_ERROR_CODES.register,
      `the servers registry did not take the gateway's registration (${error instanceof Error ? error.message : String(error)}); ` +
        "check that the registry module runs and is reachable",
      { cause: error },
    );
  }
}

import { RpcError, RpcStatus, type Handlers } from "@tc9/sdk";
import type { GameServerDetailed, ServersRegistryService } from "@tc9/sdk/contracts";
import { bindGroup, placePlayer } from "./group-placement.js";
import { acceptsNewPlayers } from "./map-routing.js";
import { checkGameServerAddresses, checkRealm } from "./registration-checks.js";
import { REGISTRY_API, type RegistryDeps } from "./registry-deps.js";
import type { GameServerRecord } from "./registry-store.js";
import { aliasFor, hostFromPeer, parseAvailableMaps, serverIdFor } from "./server-identity.js";

type RegistryHandlers = Handlers<typeof ServersRegistryService>;
type GameServerHandlers = Pick<
  RegistryHandlers,
  | "registerGameServer"
  | "availableGameServersForMapAndRealm"
  | "randomGameServerForRealm"
  | "listGameServersForRealm"
  | "listAllGameServers"
  | "gameServerMapsLoaded"
  | "bindGroupToGameServer"
>;

const NO_DELAY = { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 };

function checkPort(name: string, port: number): void {
  if (port < 1 || port > 0xffff) throw new RpcError(RpcStatus.INVALID_ARGUMENT, `${name} ${port} is not a TCP port; send the port the server listens on`);
}

function detailed(server: GameServerRecord): GameServerDetailed {
  return {
    ID: server.id,
    address: server.address,
    healthAddress: server.healthCheckAddress,
    grpcAddress: server.grpcAddress,
    realmID: server.realmId,
    isCrossRealm: server.isCrossRealm,
    activeConnections: server.activeConnections,
    diff: { ...server.delay },
    availableMaps: [...server.availableMaps],
    assignedMaps: [...server.assignedMaps],
    alias: server.alias,
  };
}

/** The worldserver half of ServersRegistryService. */
export function gameServerHandlers(deps: RegistryDeps): GameServerHandlers {
  const { store } = deps;
  return {
    async registerGameServer(request, call) {
      checkPort("gamePort", request.gamePort);
      checkPort("healthPort", request.healthPort);
      checkPort("grpcPort", request.grpcPort);
      checkRealm("worldserver", request.realmID, request.isCrossRealm, deps.servedRealms);
      const host = request.preferredHostName !== "" ? request.preferredHostName : hostFromPeer(call.peer);
      const address = `${host}:${request.gamePort}`.toLowerCase();
      const availableMaps = parseAvailableMaps(request.availableMaps);
      const server: GameServerRecord = {
        id: serverIdFor(address),
        address,
        healthCheckAddress: `${host}:${request.healthPort}`,
        grpcAddress: `${host}:${request.grpcPort}`,
        alias: aliasFor(address),
        realmId: request.realmID,
        isCrossRealm: request.isCrossRealm,
        availableMaps,
        assignedMaps: [],
        pendingMaps: [],
        releasingMaps: [],
        activeConnections: 0,
        delay: NO_DELAY,
        healthDegraded: false,
      };
      checkGameServerAddresses(server, await store.gameServers());
      const registered = await deps.maps.register(server);
      deps.degraded.set(server.id, false);
      deps.monitor.watch({ kind: "game-server", id: server.id, healthCheckAddress: server.healthCheckAddress });
      deps.logger.info({ id: server.id, address, realmId: server.realmId, availableMaps, assignedMaps: registered.assignedMaps.length }, "worldserver registered");
      await deps.events.gameServerAdded(registered);
      return { api: REGISTRY_API, id: registered.id, assignedMaps: [...registered.assignedMaps], alias: registered.alias };
    },

    /** Where a player goes on the map (see `placePlayer`): at most one server of a realm, every candidate of the cross-realm pool. */
    async availableGameServersForMapAndRealm(request) {
      const placed = await placePlayer(store, {
        realmId: request.realmID,
        mapId: request.mapID,
        isCrossRealm: request.isCrossRealm,
        groupId: request.groupID,
        preferredAlias: request.preferredGameServerAlias,
      }, deps.handoverWaitMs);
      const gameServers = placed.map((server) => ({
        address: server.address,
        realmID: server.realmId,
        isCrossRealm: server.isCrossRealm,
        grpcAddress: server.grpcAddress,
        ID: server.id,
        alias: server.alias,
      }));
      return { api: REGISTRY_API, gameServers };
    },

    /** A random server of the realm among those taking new players (degraded ones are skipped). */
    async randomGameServerForRealm(request) {
      const pool = (await store.gameServers({ realmId: request.realmID, isCrossRealm: false })).filter(acceptsNewPlayers);
      const server = pool[Math.floor(Math.random() * pool.length)];
      const gameServer = server ? { address: server.address, realmID: server.realmId } : undefined;
      return { api: REGISTRY_API, gameServer: gameServer && { ...gameServer, isCrossRealm: false, grpcAddress: "", ID: "", alias: "" } };
    },

    async listGameServersForRealm(request) {
      const pool = await store.gameServers({ realmId: request.realmID, isCrossRealm: request.isCrossRealm });
      return { api: REGISTRY_API, gameServers: pool.map(detailed) };
    },

    async listAllGameServers() {
      return { api: REGISTRY_API, gameServers: (await store.gameServers()).map(detailed) };
    },

    async gameServerMapsLoaded(request) {
      const updated = await deps.maps.mapsLoaded(request.gameServerID, request.mapsLoaded);
      if (!updated) {
        throw new RpcError(RpcStatus.NOT_FOUND, `no worldserver ${request.gameServerID} is registered; register it again`);
      }
      return { api: REGISTRY_API };
    },

    async bindGroupToGameServer(request) {
      await bindGroup(store, { realmId: request.realmID, groupId: request.groupID, mapId: request.mapID, serverId: request.gameServerID });
      return { api: REGISTRY_API };
    },
  };
}

import type { Client } from "@tc9/sdk";
import type { GameServerDetailed, ServersRegistryService } from "@tc9/sdk/contracts";

/** What asking the registry for a worldserver needs. */
export interface PlacementDeps {
  readonly realmId: number;
  readonly registry: Client<typeof ServersRegistryService>;
  readonly rpcTimeoutMs: number;
}

const API = "tc9";

/**
 * The worldservers the registry offers for `map` (AvailableGameServersForMapAndRealm, best first;
 * ToCloud9 answers at most one). Group 0: there is no group service yet. Rejects when the
 * registry does not answer.
 */
export async function registryChoice(deps: PlacementDeps, map: number, signal: AbortSignal): Promise<string[]> {
  const { gameServers } = await deps.registry.availableGameServersForMapAndRealm(
    { api: API, realmID: deps.realmId, mapID: map, isCrossRealm: false, groupID: 0 },
    { timeoutMs: deps.rpcTimeoutMs, signal },
  );
  return gameServers.map((server) => server.address);
}

/**
 * Where a character on `map` may be placed when it has to move, best first and none of `exclude`
 * (worldservers that just died or failed): the registry's choice, then every other worldserver of
 * the realm that can load the map (assigned it first, then those that take every map or list it),
 * least loaded first. The registry only drops a dead worldserver after its failed probes, so the
 * caller excludes the one it just lost right away.
 */
export async function placementCandidates(deps: PlacementDeps, map: number, exclude: ReadonlySet<string>, signal: AbortSignal): Promise<string[]> {
  const chosen = await registryChoice(deps, map, signal);
  const { gameServers } = await deps.registry.listGameServersForRealm(
    { api: API, realmID: deps.realmId, isCrossRealm: false },
    { timeoutMs: deps.rpcTimeoutMs, signal },
  );
  const capable = gameServers
    .filter((server) => server.assignedMaps.includes(map) || server.availableMaps.length === 0 || server.availableMaps.includes(map))
    .sort((a, b) => rank(a, map) - rank(b, map) || a.activeConnections - b.activeConnections)
    .map((server) => server.address);
  return [...new Set([...chosen, ...capable])].filter((address) => !exclude.has(address));
}

function rank(server: GameServerDetailed, map: number): number {
  return server.assignedMaps.includes(map) ? 0 : 1;
}

import type { GameServerRecord } from "./registry-store.js";

/*
 * Which worldserver handles which map, without weights (the cluster-routing work brings
 * ToCloud9's weighted bin packing and layers). Within one pool (a realm, or the cross-realm
 * servers):
 *  - a server registered with explicit maps is assigned exactly those;
 *  - "every map" servers share the maps no explicit server claims: map m goes to the
 *    (m mod n)-th of the n every-map servers, ordered by id. Their assigned list is reported
 *    empty, since the set of maps is open.
 * Ownership ignores health: a degraded server keeps its maps. Placement does not (below).
 */

/** The maps a newly registered server is assigned: its available maps, or none listed for an every-map server. */
export function assignedMapsFor(availableMaps: readonly number[]): number[] {
  return [...availableMaps];
}

const byLoadThenId = (a: GameServerRecord, b: GameServerRecord): number =>
  a.activeConnections - b.activeConnections || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ToCloud9 PR #37's `AcceptsNewPlayers`: a degraded server takes no new placements. */
export const acceptsNewPlayers = (server: GameServerRecord): boolean => !server.healthDegraded;

/** The servers of `pool` (ordered by id) that own `mapId`: its explicit owners, else the every-map server it falls to. */
function ownersOf(pool: readonly GameServerRecord[], mapId: number): GameServerRecord[] {
  const explicit = pool.filter((server) => server.availableMaps.length > 0 && server.assignedMaps.includes(mapId));
  if (explicit.length > 0) return explicit;
  const everyMap = pool.filter((server) => server.availableMaps.length === 0);
  const owner = everyMap[mapId % Math.max(1, everyMap.length)];
  return owner ? [owner] : [];
}

/**
 * The servers of `pool` (ordered by id) that may take a new player on `mapId`, least active
 * connections first: the owners of the map that accept new players and have it loaded. When no
 * such owner exists because owners are degraded, the every-map servers that accept new players
 * stand in (ToCloud9 PR #37); when the only owners are still loading the map, none.
 */
export function serversForMap(pool: readonly GameServerRecord[], mapId: number): GameServerRecord[] {
  const owners = ownersOf(pool, mapId);
  const ready = owners.filter((server) => acceptsNewPlayers(server) && !server.pendingMaps.includes(mapId));
  if (ready.length > 0) return ready.sort(byLoadThenId);
  if (!owners.some((server) => server.healthDegraded)) return [];
  return pool.filter((server) => server.availableMaps.length === 0 && acceptsNewPlayers(server)).sort(byLoadThenId);
}

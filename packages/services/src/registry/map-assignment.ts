import type { GameServerRecord } from "./registry-store.js";

/*
 * Which worldserver handles which map, without weights (the cluster-routing work brings
 * ToCloud9's weighted bin packing and layers). Within one pool (a realm, or the cross-realm
 * servers):
 *  - a server registered with explicit maps is assigned exactly those;
 *  - "every map" servers share the maps no explicit server claims: map m goes to the
 *    (m mod n)-th of the n every-map servers, ordered by id. Their assigned list is reported
 *    empty, since the set of maps is open.
 */

/** The maps a newly registered server is assigned: its available maps, or none listed for an every-map server. */
export function assignedMapsFor(availableMaps: readonly number[]): number[] {
  return [...availableMaps];
}

const byLoadThenId = (a: GameServerRecord, b: GameServerRecord): number =>
  a.activeConnections - b.activeConnections || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function routable(server: GameServerRecord, mapId: number): boolean {
  return server.assignedMaps.includes(mapId) && !server.pendingMaps.includes(mapId);
}

/**
 * The servers of `pool` (ordered by id) that handle `mapId`, least active connections first:
 * the explicit owners of the map, else the one every-map server the map falls to.
 */
export function serversForMap(pool: readonly GameServerRecord[], mapId: number): GameServerRecord[] {
  const owners = pool.filter((server) => server.availableMaps.length > 0 && routable(server, mapId));
  if (owners.length > 0) return owners.sort(byLoadThenId);
  if (pool.some((server) => server.availableMaps.length > 0 && server.assignedMaps.includes(mapId))) return [];
  const everyMap = pool.filter((server) => server.availableMaps.length === 0);
  const chosen = everyMap[mapId % Math.max(1, everyMap.length)];
  return chosen ? [chosen] : [];
}

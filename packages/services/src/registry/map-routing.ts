import type { GameServerRecord } from "./registry-store.js";
import { fnv1a32 } from "./server-identity.js";

/*
 * Which servers of a pool may take a new player on a map, from the assignment `map-assignment.ts`
 * made. Ownership ignores health (a degraded server keeps its maps); placement does not.
 */

const byLoadThenId = (a: GameServerRecord, b: GameServerRecord): number =>
  a.activeConnections - b.activeConnections || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ToCloud9 PR #37's `AcceptsNewPlayers`: a degraded server takes no new placements. */
export const acceptsNewPlayers = (server: GameServerRecord): boolean => !server.healthDegraded;

/** Spreads the bits of a 32-bit hash (MurmurHash3's finalizer), so close inputs score far apart. */
function mix32(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const isEveryMap = (server: GameServerRecord): boolean => server.availableMaps.length === 0;

/**
 * The servers of `pool` assigned `mapId`. A map nobody is assigned (an id outside the 3.3.5a
 * Map.dbc, such as a custom map) belongs to one every-map server, picked by rendezvous hashing so
 * that it stays put while that server lives.
 */
function ownersOf(pool: readonly GameServerRecord[], mapId: number): GameServerRecord[] {
  const assigned = pool.filter((server) => server.assignedMaps.includes(mapId));
  if (assigned.length > 0) return assigned;
  const score = (server: GameServerRecord): number => mix32(fnv1a32(`${server.id}:${mapId}`));
  const [owner] = pool.filter(isEveryMap).sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
  return owner ? [owner] : [];
}

/**
 * The servers of `pool` that may take a new player on `mapId`, least active connections first
 * (ties by id):
 *  1. its owners that accept new players and have the map loaded;
 *  2. else the servers releasing it (the map moved to a server still loading it) that accept new players;
 *  3. else, when owners are degraded, the every-map servers that accept new players (ToCloud9 PR #37);
 *  4. else none (the only owners are still loading it, or nobody can host it).
 */
export function serversForMap(pool: readonly GameServerRecord[], mapId: number): GameServerRecord[] {
  const owners = ownersOf(pool, mapId);
  const ready = owners.filter((server) => acceptsNewPlayers(server) && !server.pendingMaps.includes(mapId));
  if (ready.length > 0) return ready.sort(byLoadThenId);
  const releasing = pool.filter((server) => server.releasingMaps.includes(mapId) && acceptsNewPlayers(server));
  if (releasing.length > 0) return releasing.sort(byLoadThenId);
  if (!owners.some((server) => server.healthDegraded)) return [];
  return pool.filter((server) => isEveryMap(server) && acceptsNewPlayers(server)).sort(byLoadThenId);
}

/**
 * True when `serversForMap` can only answer the servers releasing `mapId` while an owner that
 * takes new players is still loading it: the releasing server is handing its players over, so a
 * player placed there now would be sent straight back (see `placePlayer`).
 */
export function awaitingHandover(pool: readonly GameServerRecord[], mapId: number): boolean {
  const owners = ownersOf(pool, mapId).filter(acceptsNewPlayers);
  return (
    owners.length > 0 &&
    owners.every((server) => server.pendingMaps.includes(mapId)) &&
    pool.some((server) => server.releasingMaps.includes(mapId) && acceptsNewPlayers(server))
  );
}

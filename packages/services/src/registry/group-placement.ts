import { setTimeout as sleep } from "node:timers/promises";
import { RpcError, RpcStatus } from "@tc9/sdk";
import { awaitingHandover, serversForMap } from "./map-routing.js";
import type { GameServerRecord, RegistryStore } from "./registry-store.js";

/** How often a placement waiting for a map's handover reads the pool again. */
const HANDOVER_POLL_MS = 20;

/** An `AvailableGameServersForMapAndRealm` question. */
export interface PlacementRequest {
  readonly realmId: number;
  readonly mapId: number;
  readonly isCrossRealm: boolean;
  /** 0: not in a group. */
  readonly groupId: number;
  /** A server alias or game address to prefer ("" none). */
  readonly preferredAlias: string;
}

/**
 * Where a player goes on a map, as ToCloud9 answers it. Cross-realm: every server that may take
 * the player (`serversForMap`). A realm: at most one server —
 *  - with a preferred alias, the candidate whose alias or game address matches it (case-insensitive), else none;
 *  - outside a group, the least-loaded candidate (ties: lowest id);
 *  - in a group, the server the group is bound to on that map if it is still a candidate, else the
 *    least-loaded candidate, bound by compare-and-set so that members asking at once agree.
 * While the map moves (its new owner still loads it, the old one releases it), the answer waits up
 * to `handoverWaitMs` for the new owner's GameServerMapsLoaded: the old owner redirects its
 * players off the map when the move is published — the moment its new owner starts loading — and
 * a player it sent away must not be placed straight back on it. Past the wait the old owner is
 * answered (a new owner that loads slowly).
 */
export async function placePlayer(store: RegistryStore, request: PlacementRequest, handoverWaitMs = 0): Promise<GameServerRecord[]> {
  const readPool = (): Promise<GameServerRecord[]> =>
    store.gameServers({ realmId: request.isCrossRealm ? 0 : request.realmId, isCrossRealm: request.isCrossRealm });
  let pool = await readPool();
  if (handoverWaitMs > 0 && awaitingHandover(pool, request.mapId)) {
    const deadline = Date.now() + handoverWaitMs;
    do {
      await sleep(HANDOVER_POLL_MS);
      pool = await readPool();
    } while (awaitingHandover(pool, request.mapId) && Date.now() < deadline);
  }
  const candidates = serversForMap(pool, request.mapId);
  if (request.isCrossRealm) return candidates;
  const [leastLoaded] = candidates;
  if (!leastLoaded) return [];
  const preferred = request.preferredAlias.trim().toLowerCase();
  if (preferred !== "") {
    return candidates.filter((server) => server.alias.toLowerCase() === preferred || server.address.toLowerCase() === preferred).slice(0, 1);
  }
  if (request.groupId === 0) return [leastLoaded];
  const key = { realmId: request.realmId, groupId: request.groupId, mapId: request.mapId };
  const bound = await store.groupBinding(key);
  const boundServer = candidates.find((server) => server.id === bound);
  if (boundServer) return [boundServer];
  const winner = await store.replaceGroupBinding(key, bound, leastLoaded.id);
  return candidates.filter((server) => server.id === winner);
}

/** `BindGroupToGameServer`: binds a group to a server that may take players on the map now. */
export async function bindGroup(store: RegistryStore, request: { realmId: number; groupId: number; mapId: number; serverId: string }): Promise<void> {
  if (request.groupId === 0 || request.serverId === "") {
    throw new RpcError(RpcStatus.INVALID_ARGUMENT, "groupID and gameServerID are required; send the group and the worldserver its leader is on");
  }
  const pool = await store.gameServers({ realmId: request.realmId, isCrossRealm: false });
  if (!serversForMap(pool, request.mapId).some((server) => server.id === request.serverId)) {
    throw new RpcError(
      RpcStatus.FAILED_PRECONDITION,
      `worldserver ${request.serverId} does not take players on map ${request.mapId} of realm ${request.realmId}; bind the group to a server AvailableGameServersForMapAndRealm lists`,
    );
  }
  await store.setGroupBinding({ realmId: request.realmId, groupId: request.groupId, mapId: request.mapId }, request.serverId);
}

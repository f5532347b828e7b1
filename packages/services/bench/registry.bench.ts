/**
 * Placements per second: the registry's answer to AvailableGameServersForMapAndRealm for a player
 * in a group (`placePlayer`: candidates, least-loaded choice, group binding read) against reading
 * the realm's servers from the same in-memory store — what any answer costs at least. A realm of
 * 16 every-map worldservers with the maps split by weight; 64 groups on 8 maps. No target: an answer
 * is two store reads (pool, binding) where the baseline is one, so the ratio says what the logic adds.
 */
import { measureAsync, type BenchComparison } from "../../sdk/bench/measure.js";
import { InMemoryRegistryStore, MAP_IDS_335A, type GameServerRecord } from "../src/registry/index.js";
import { placePlayer } from "../src/registry/group-placement.js";
import { planPool } from "../src/registry/map-assignment.js";

const SERVERS = 16;
const GROUPS = 64;
/** The registry's default `handoverWaitMs`: placement checks for a handover in progress, as in production. */
const HANDOVER_WAIT_MS = 2_000;
const MAPS = [0, 1, 530, 571, 36, 489, 603, 724];

function worldserver(index: number): GameServerRecord {
  return {
    id: String(1_000_000 + index), address: `ws${index}.local:8085`, healthCheckAddress: "", grpcAddress: "", alias: `ws-${index}`,
    realmId: 1, isCrossRealm: false, availableMaps: [], assignedMaps: [], pendingMaps: [], releasingMaps: [], activeConnections: index * 7,
    delay: { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 }, healthDegraded: false,
  };
}

/** `placePlayer` for grouped players vs a bare read of the realm's servers. */
export async function benchRegistryPlacement(durationMs = 2000): Promise<BenchComparison> {
  const store = new InMemoryRegistryStore();
  const servers = Array.from({ length: SERVERS }, (_, index) => worldserver(index));
  const plans = planPool(servers);
  for (const server of servers) await store.putGameServer({ ...server, assignedMaps: plans.get(server.id)?.assignedMaps ?? [] });
  if (MAPS.some((map) => !MAP_IDS_335A.includes(map))) throw new Error("the benchmark's maps must be 3.3.5a maps");
  let turn = 0;
  const place = (): Promise<unknown> => {
    turn += 1;
    return placePlayer(store, { realmId: 1, mapId: MAPS[turn % MAPS.length] ?? 0, isCrossRealm: false, groupId: 1 + (turn % GROUPS), preferredAlias: "" }, HANDOVER_WAIT_MS);
  };
  const baseline = await measureAsync(() => store.gameServers({ realmId: 1, isCrossRealm: false }), durationMs, 1);
  const subject = await measureAsync(place, durationMs, 1);
  return {
    name: "registry placements",
    baseline: { label: "read the realm's 16 worldservers from the store", opsPerSec: baseline },
    subject: { label: "placePlayer for a grouped player (pool read, handover check, candidates, choice, binding read)", opsPerSec: subject },
  };
}

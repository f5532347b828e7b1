import { MAP_IDS_335A, mapWeight } from "./map-weights.js";
import type { GameServerRecord } from "./registry-store.js";

/*
 * Which worldserver of a pool (one realm's servers, or the cross-realm ones) owns which map:
 *  - a server registered with explicit maps is assigned exactly those;
 *  - the "every map" servers split every other map of the 3.3.5a Map.dbc by weight
 *    (`map-weights.ts`): each keeps what it owned before as long as that fits its fair share
 *    (the heaviest maps first; a map heavier than the share stays alone), the maps left over are
 *    placed heaviest first (a heavy one beside the least heavy maps, a light one on the
 *    least-loaded server), and light maps then move from the most to the least loaded server
 *    while that narrows the gap. From scratch this is longest-processing-time-first packing; with
 *    an existing assignment, removing a server moves its maps and a few light ones, and adding
 *    one moves about its fair share. Every map ends up with exactly one owner; ties go to the
 *    lowest id, so the result is deterministic.
 * Maps a server gains while it already had maps are pending until it confirms them loaded; the
 * server that lost such a map keeps serving it meanwhile (it is "releasing" it).
 */

/** How one server's maps change in a redistribution. */
export interface MapPlan {
  /** Its maps before. */
  readonly oldMaps: readonly number[];
  readonly assignedMaps: readonly number[];
  readonly pendingMaps: readonly number[];
  readonly releasingMaps: readonly number[];
}

/** What the balancing needs to know of an every-map server. */
export interface EveryMapServer {
  readonly id: string;
  /** What it owned before (kept while it fits its share). */
  readonly assignedMaps: readonly number[];
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ascending = (a: number, b: number): number => a - b;

const weightOf = (maps: readonly number[]): number => maps.reduce((sum, map) => sum + mapWeight(map), 0);

/** `maps` ordered heaviest first, ties by id. */
function heaviestFirst(maps: Iterable<number>): number[] {
  return [...maps].sort((a, b) => mapWeight(b) - mapWeight(a) || a - b);
}

/**
 * The load each of `bins` servers should carry: the rest's average once every map heavier than
 * the average has a server to itself (water-filling). `items` are heaviest first.
 */
function fairShare(items: readonly number[], bins: number): number {
  let rest = weightOf(items);
  let open = bins;
  for (const map of items) {
    if (open <= 1 || mapWeight(map) * open <= rest) break;
    rest -= mapWeight(map);
    open -= 1;
  }
  return Math.ceil(rest / Math.max(1, open));
}

interface Bin {
  readonly id: string;
  load: number;
  readonly maps: number[];
}

/**
 * Splits `maps` between every-map servers by weight (see the file comment): server id → its maps,
 * ascending. Deterministic: the same servers, previous assignment and maps give the same answer.
 */
export function balanceMaps(servers: readonly EveryMapServer[], maps: Iterable<number>): Map<string, number[]> {
  const bins: Bin[] = [...servers].sort(byId).map((server) => ({ id: server.id, load: 0, maps: [] }));
  const binOf = new Map(bins.map((bin) => [bin.id, bin]));
  const items = heaviestFirst(new Set(maps));
  const share = fairShare(items, bins.length);
  const previousOwner = new Map<number, string>();
  for (const server of [...servers].sort(byId)) for (const map of server.assignedMaps) if (!previousOwner.has(map)) previousOwner.set(map, server.id);

  const give = (bin: Bin, map: number): void => {
    bin.load += mapWeight(map);
    bin.maps.push(map);
  };
  const leftOver: number[] = [];
  for (const map of items) {
    const owner = binOf.get(previousOwner.get(map) ?? "");
    // A map heavier than a share stays with an owner that keeps nothing else.
    if (owner && (owner.load + mapWeight(map) <= share || owner.load === 0)) give(owner, map);
    else leftOver.push(map);
  }
  const leastLoaded = (): Bin | undefined => bins.reduce<Bin | undefined>((least, bin) => (least && least.load <= bin.load ? least : bin), undefined);
  const mostLoaded = (): Bin | undefined => bins.reduce<Bin | undefined>((most, bin) => (most && most.load >= bin.load ? most : bin), undefined);
  // A left-over map heavier than 1 goes where the maps heavier than 1 weigh least (the maps of
  // weight 1 already there can make room for it below); one of weight 1 to the least-loaded server.
  const heavyLoad = (bin: Bin): number => weightOf(bin.maps.filter((map) => mapWeight(map) > 1));
  for (const map of leftOver) {
    const filler = mapWeight(map) === 1;
    const target = bins.reduce<Bin | undefined>((best, bin) => {
      if (!best) return bin;
      const [mine, theirs] = filler ? [bin.load, best.load] : [heavyLoad(bin), heavyLoad(best)];
      return mine < theirs || (mine === theirs && bin.load < best.load) ? bin : best;
    }, undefined);
    if (target) give(target, map);
  }
  // Evens out what placing the heaviest left-over maps first can leave uneven: moves the lightest
  // maps (newly placed ones first) from the most to the least loaded server while that narrows the gap.
  for (;;) {
    const [most, least] = [mostLoaded(), leastLoaded()];
    if (!most || !least || most === least) break;
    const gap = most.load - least.load;
    const movable = most.maps
      .filter((map) => 2 * mapWeight(map) <= gap)
      .sort((a, b) => Number(previousOwner.get(a) === most.id) - Number(previousOwner.get(b) === most.id) || mapWeight(a) - mapWeight(b) || a - b);
    const [map] = movable;
    if (map === undefined) break;
    most.maps.splice(most.maps.indexOf(map), 1);
    most.load -= mapWeight(map);
    give(least, map);
  }
  return new Map(bins.map((bin) => [bin.id, bin.maps.sort(ascending)]));
}

/**
 * Redistributes the maps of one pool. `fresh` names a server that is registering now: what it
 * is given is its initial load, never pending (as ToCloud9: the sidecar loads the maps of its
 * registration answer before it opens).
 */
export function planPool(pool: readonly GameServerRecord[], fresh?: string): Map<string, MapPlan> {
  const explicit = pool.filter((server) => server.availableMaps.length > 0);
  const claimed = new Set(explicit.flatMap((server) => server.availableMaps));
  const everyMap = pool.filter((server) => server.availableMaps.length === 0);
  const balanced = balanceMaps(everyMap, MAP_IDS_335A.filter((map) => !claimed.has(map)));

  const assigned = new Map<string, readonly number[]>();
  const pending = new Map<string, number[]>();
  for (const server of pool) {
    const maps = server.availableMaps.length > 0 ? [...server.availableMaps] : (balanced.get(server.id) ?? []);
    // A map it is still releasing is still loaded there: getting it back is not a gain.
    const loaded = new Set([...server.assignedMaps, ...server.releasingMaps]);
    const gained = server.id === fresh || server.assignedMaps.length === 0 ? [] : maps.filter((map) => !loaded.has(map));
    const stillPending = server.pendingMaps.filter((map) => maps.includes(map));
    assigned.set(server.id, maps);
    pending.set(server.id, [...new Set([...stillPending, ...gained])].sort(ascending));
  }

  const plans = new Map<string, MapPlan>();
  for (const server of pool) {
    const maps = assigned.get(server.id) ?? [];
    const pendingElsewhere = (map: number): boolean =>
      pool.some((other) => other.id !== server.id && (pending.get(other.id) ?? []).includes(map));
    const releasing = [...new Set([...server.assignedMaps, ...server.releasingMaps])]
      .filter((map) => !maps.includes(map) && pendingElsewhere(map))
      .sort(ascending);
    plans.set(server.id, { oldMaps: server.assignedMaps, assignedMaps: maps, pendingMaps: pending.get(server.id) ?? [], releasingMaps: releasing });
  }
  return plans;
}

/**
 * Gives a worldserver that comes back within the rejoin grace the maps it had when it was
 * removed, taking them from the every-map servers that received them; nothing else moves. Maps a
 * server registered with explicit maps lists since then stay with it. `returning` is stored in
 * `pool` with no maps.
 */
export function restorePlan(pool: readonly GameServerRecord[], returning: string, previousMaps: readonly number[]): Map<string, MapPlan> {
  const claimed = new Set(pool.filter((server) => server.id !== returning && server.availableMaps.length > 0).flatMap((server) => server.availableMaps));
  const restored = new Set(previousMaps.filter((map) => !claimed.has(map)));
  const without = (maps: readonly number[]): number[] => maps.filter((map) => !restored.has(map));
  const plans = new Map<string, MapPlan>();
  for (const server of pool) {
    if (server.id === returning) {
      plans.set(server.id, { oldMaps: server.assignedMaps, assignedMaps: [...restored].sort(ascending), pendingMaps: [], releasingMaps: [] });
    } else {
      const everyMap = server.availableMaps.length === 0;
      plans.set(server.id, {
        oldMaps: server.assignedMaps,
        assignedMaps: everyMap ? without(server.assignedMaps) : server.assignedMaps,
        pendingMaps: everyMap ? without(server.pendingMaps) : server.pendingMaps,
        releasingMaps: without(server.releasingMaps),
      });
    }
  }
  return plans;
}

import type { Logger } from "pino";
import { planPool, restorePlan, type MapPlan } from "./map-assignment.js";
import type { RegistryEvents } from "./registry-events.js";
import type { GameServerRecord, RegistryStore, ServerPool } from "./registry-store.js";

const poolOf = (server: GameServerRecord): ServerPool => ({ realmId: server.realmId, isCrossRealm: server.isCrossRealm });
const poolKey = (pool: ServerPool): string => (pool.isCrossRealm ? "crossrealm" : `realm:${pool.realmId}`);

/**
 * Every change to which worldserver owns which map: registrations, removals and map-load
 * confirmations. Changes to one pool run one at a time (in this process, and under the store's
 * `exclusive` lock across registry processes), so a confirmation never races a redistribution;
 * each redistribution writes the new plan to the store and publishes `sr.gs.maps.reassigned`
 * with every server of the pool, as ToCloud9 does. A server removed for failed probes is
 * remembered for the rejoin grace: when it registers again within it, it gets back the maps it
 * had and the others give back only those.
 */
export class MapRedistributor {
  readonly #store: RegistryStore;
  readonly #events: RegistryEvents;
  readonly #logger: Logger;
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(store: RegistryStore, events: RegistryEvents, logger: Logger) {
    this.#store = store;
    this.#events = events;
    this.#logger = logger;
  }

  /**
   * Stores a registering worldserver (a server already registered under the same id keeps the
   * maps it owned, so a quick re-registration moves nothing; one removed for failed probes within
   * the rejoin grace gets back what it had) and redistributes its pool; answers the stored server
   * with its assignment.
   */
  async register(server: GameServerRecord): Promise<GameServerRecord> {
    const before = await this.#store.gameServer(server.id);
    const samePool = before !== undefined && poolKey(poolOf(before)) === poolKey(poolOf(server));
    const registered = await this.#serialized(poolOf(server), async () => {
      const returning = await this.#store.takeRemovedGameServer(server.id);
      await this.#store.putGameServer({ ...server, assignedMaps: samePool ? before.assignedMaps : [], pendingMaps: [], releasingMaps: [] });
      const pool = await this.#store.gameServers(poolOf(server));
      const rejoins =
        returning !== undefined &&
        !samePool &&
        poolKey(poolOf(returning.server)) === poolKey(poolOf(server)) &&
        returning.server.availableMaps.join() === server.availableMaps.join();
      if (rejoins) this.#logger.info({ id: server.id, maps: returning.server.assignedMaps.length }, "worldserver rejoined within the grace; its maps go back to it");
      await this.#apply(poolOf(server), pool, rejoins ? restorePlan(pool, server.id, returning.server.assignedMaps) : planPool(pool, server.id));
      return this.#store.gameServer(server.id);
    });
    if (before && !samePool) await this.#serialized(poolOf(before), () => this.#redistribute(poolOf(before)));
    return registered ?? server;
  }

  /** Removes a worldserver, publishes `sr.gs.removed`, and gives its maps to the rest of its pool. */
  async remove(id: string): Promise<GameServerRecord | undefined> {
    const server = await this.#store.gameServer(id);
    if (!server) return undefined;
    return this.#serialized(poolOf(server), async () => {
      const removed = await this.#store.removeGameServer(id);
      if (!removed) return undefined;
      await this.#store.putRemovedGameServer({ server: removed, removedAt: Date.now() });
      await this.#events.gameServerRemoved(removed);
      await this.#redistribute(poolOf(removed));
      return removed;
    });
  }

  /**
   * `GameServerMapsLoaded`: the maps are no longer pending on the server, and the servers that
   * released them stop serving them. Undefined when the server is not registered.
   */
  async mapsLoaded(id: string, maps: readonly number[]): Promise<GameServerRecord | undefined> {
    const server = await this.#store.gameServer(id);
    if (!server) return undefined;
    return this.#serialized(poolOf(server), async () => {
      const loaded = await this.#store.updateGameServer(id, (current) => ({
        ...current,
        pendingMaps: current.pendingMaps.filter((map) => !maps.includes(map)),
      }));
      if (!loaded) return undefined;
      const handedOver = maps.filter((map) => loaded.assignedMaps.includes(map) && !loaded.pendingMaps.includes(map));
      for (const other of await this.#store.gameServers(poolOf(loaded))) {
        if (other.id === id || !other.releasingMaps.some((map) => handedOver.includes(map))) continue;
        await this.#store.updateGameServer(other.id, (current) => ({
          ...current,
          releasingMaps: current.releasingMaps.filter((map) => !handedOver.includes(map)),
        }));
      }
      return loaded;
    });
  }

  async #redistribute(pool: ServerPool): Promise<void> {
    const servers = await this.#store.gameServers(pool);
    await this.#apply(pool, servers, planPool(servers));
  }

  /** Writes the plans of a pool's servers and publishes `sr.gs.maps.reassigned`. */
  async #apply(pool: ServerPool, servers: readonly GameServerRecord[], plans: ReadonlyMap<string, MapPlan>): Promise<void> {
    const changes = [];
    for (const server of servers) {
      const plan = plans.get(server.id);
      if (!plan) continue;
      const { assignedMaps, pendingMaps, releasingMaps } = plan;
      const updated = await this.#store.updateGameServer(server.id, (current) => ({ ...current, assignedMaps, pendingMaps, releasingMaps }));
      if (updated) changes.push({ server: updated, oldMaps: plan.oldMaps });
    }
    const moved = changes.filter(({ server, oldMaps }) => server.assignedMaps.join() !== oldMaps.join()).length;
    this.#logger.info({ pool: poolKey(pool), servers: changes.length, changed: moved }, "maps redistributed");
    await this.#events.mapsReassigned(changes);
  }

  /** Runs `task` after every earlier change to the same pool, holding the pool's store lock. */
  #serialized<T>(pool: ServerPool, task: () => Promise<T>): Promise<T> {
    const key = poolKey(pool);
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const locked = (): Promise<T> => this.#store.exclusive(key.replace(":", "-"), task);
    const run = previous.then(locked, locked);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, settled);
    void settled.then(() => {
      if (this.#queues.get(key) === settled) this.#queues.delete(key);
    });
    return run;
  }
}

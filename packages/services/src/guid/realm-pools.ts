/** The pools of every realm and kind this module serves, seeded from each realm's characters database. */
import { RpcError, RpcStatus, type ModuleDatabases, type RealmInfo } from "@tc9/sdk";
import type { Logger } from "pino";
import { GUID_KINDS, type GuidKind } from "./guid-kinds.js";
import type { GuidMetrics } from "./guid-metrics.js";
import { GuidPool, type GuidPoolPolicy } from "./guid-pool.js";
import { HighWaterStore } from "./high-water-store.js";

/** What the module shows on `/healthz` for one pool. */
export interface PoolInfo {
  readonly realm: number;
  readonly type: string;
  readonly stock: number;
  readonly exhausted: boolean;
}

/** Seeds the high-water marks of every realm, then holds one pool per (realm, kind). */
export class RealmPools {
  /** Realm id → the realm's pool of each kind. */
  readonly #pools: ReadonlyMap<number, readonly GuidPool[]>;

  private constructor(pools: ReadonlyMap<number, readonly GuidPool[]>) {
    this.#pools = pools;
  }

  /**
   * Seeds (or raises) each realm's marks from its tables' maxima and builds the pools. Fails, and
   * the runtime retries the module start, while a realm's characters database is unreachable.
   */
  static async open(input: {
    databases: ModuleDatabases;
    realms: readonly RealmInfo[];
    policy: GuidPoolPolicy;
    metrics: GuidMetrics;
    logger: Logger;
  }): Promise<RealmPools> {
    const stores = new Map<number, HighWaterStore>();
    for (const realm of input.realms) {
      const store = new HighWaterStore(input.databases.characters(realm.id), realm.id);
      const marks: Record<string, string> = {};
      for (const kind of GUID_KINDS) marks[kind.label] = String(await store.seed(kind));
      input.logger.info({ realm: realm.id, highWater: marks }, "GUID high-water marks ready");
      stores.set(realm.id, store);
    }
    const pools = new Map<number, readonly GuidPool[]>();
    for (const [realmId, store] of stores) {
      const poolOf = (kind: GuidKind): GuidPool =>
        new GuidPool({ realmId, kind }, store.sourceFor(kind), input.policy, input.metrics.observerFor(realmId, kind, input.logger));
      pools.set(realmId, GUID_KINDS.map(poolOf));
    }
    return new RealmPools(pools);
  }

  /** The pool a request names; NOT_FOUND for a realm not served, INVALID_ARGUMENT for an unknown type. */
  pool(realmId: number, type: number): GuidPool {
    const realmPools = this.#pools.get(realmId);
    if (realmPools === undefined) {
      throw new RpcError(
        RpcStatus.NOT_FOUND,
        `realm ${realmId} is not served by this cluster (realms: ${[...this.#pools.keys()].join(", ")}); ask for one of those or add the realm to the topology`,
      );
    }
    const pool = realmPools.find((candidate) => candidate.kind.type === type);
    if (pool === undefined) {
      throw new RpcError(
        RpcStatus.INVALID_ARGUMENT,
        `guidType ${type} is not a GUID type; use Character (0), Item (1) or Instance (2)`,
      );
    }
    return pool;
  }

  /** Stock and state of every pool. */
  describe(): PoolInfo[] {
    return [...this.#pools.values()]
      .flat()
      .map((pool) => ({ realm: pool.realmId, type: pool.kind.label, stock: Number(pool.left), exhausted: pool.exhausted }));
  }

  /** Resolves once no pool has a reservation in flight. */
  async settled(): Promise<void> {
    await Promise.all([...this.#pools.values()].flat().map((pool) => pool.settled()));
  }
}

/** World-loop delay statistics a worldserver's sidecar reports (ms). */
export interface LoopDelay {
  readonly mean: number;
  readonly median: number;
  readonly percentile95: number;
  readonly percentile99: number;
  readonly max: number;
}

/** A registered worldserver. */
export interface GameServerRecord {
  readonly id: string;
  /** `host:port` of its game port (lower-case), where gateways open links. */
  readonly address: string;
  readonly healthCheckAddress: string;
  readonly grpcAddress: string;
  readonly alias: string;
  /** 0 for a cross-realm server. */
  readonly realmId: number;
  readonly isCrossRealm: boolean;
  /** Maps it can load; empty = every map. */
  readonly availableMaps: readonly number[];
  /** Maps the registry gave it, ascending (see `map-assignment.ts`). */
  readonly assignedMaps: readonly number[];
  /** Assigned maps it has not confirmed loaded yet (GameServerMapsLoaded); not routable on it. */
  readonly pendingMaps: readonly number[];
  /**
   * Maps it lost to a server that has them pending: it keeps taking players on them until the new
   * owner confirms them loaded.
   */
  readonly releasingMaps: readonly number[];
  readonly activeConnections: number;
  readonly delay: LoopDelay;
  /**
   * Its world loop stalls (ToCloud9 PR #37's `HealthDegraded`): it keeps its maps and players but
   * is given no new placements until it recovers.
   */
  readonly healthDegraded: boolean;
}

/** A registered gateway. */
export interface GatewayRecord {
  readonly id: string;
  /** `host:port` players connect to (put in the realm list). */
  readonly address: string;
  readonly healthCheckAddress: string;
  readonly realmId: number;
  readonly activeConnections: number;
}

/** The worldservers that share map assignments: one realm's, or the cross-realm ones. */
export interface ServerPool {
  readonly realmId: number;
  readonly isCrossRealm: boolean;
}

/** Whether a server belongs to a pool. */
export function inPool(server: GameServerRecord, pool: ServerPool): boolean {
  return pool.isCrossRealm ? server.isCrossRealm : !server.isCrossRealm && server.realmId === pool.realmId;
}

/** Orders records by id, as store listings are. */
export const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A group's placement on one map of a realm (ToCloud9's `layer:group:<realm>:<group>:<map>`). */
export interface GroupMapKey {
  readonly realmId: number;
  readonly groupId: number;
  readonly mapId: number;
}

/** A worldserver removed for failed probes, kept for the rejoin grace (see `MapRedistributor.register`). */
export interface RemovedGameServer {
  readonly server: GameServerRecord;
  /** Epoch ms of the removal. */
  readonly removedAt: number;
}

/** How long a group binding lives after it was last set or read (ToCloud9: 24 h). */
export const GROUP_BINDING_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Where the registry keeps what registered. ToCloud9 keeps it in Redis; tc9 keeps it in memory
 * (`InMemoryRegistryStore`, one process) or in JetStream KV (`KvRegistryStore`, shared by every
 * registry process and kept across restarts). Listings are ordered by id.
 */
export interface RegistryStore {
  /** Adds a worldserver or replaces the one with the same id. */
  putGameServer(server: GameServerRecord): Promise<void>;
  gameServer(id: string): Promise<GameServerRecord | undefined>;
  /** The servers of one pool, or every server when `pool` is omitted. */
  gameServers(pool?: ServerPool): Promise<GameServerRecord[]>;
  /** Applies `change` to a server; undefined when it is not registered. */
  updateGameServer(id: string, change: (server: GameServerRecord) => GameServerRecord): Promise<GameServerRecord | undefined>;
  /** Removes and returns a server. */
  removeGameServer(id: string): Promise<GameServerRecord | undefined>;

  /** Remembers a worldserver removed for failed probes, for the rejoin grace (forgotten after it). */
  putRemovedGameServer(removed: RemovedGameServer): Promise<void>;
  /** Answers and forgets a removed worldserver still within the rejoin grace. */
  takeRemovedGameServer(id: string): Promise<RemovedGameServer | undefined>;

  putGateway(gateway: GatewayRecord): Promise<void>;
  /** The gateways of one realm, or every gateway when `realmId` is omitted. */
  gateways(realmId?: number): Promise<GatewayRecord[]>;
  updateGateway(id: string, change: (gateway: GatewayRecord) => GatewayRecord): Promise<GatewayRecord | undefined>;
  removeGateway(id: string): Promise<GatewayRecord | undefined>;

  /** The worldserver a group is bound to on a map, refreshing the binding's lifetime; undefined when none. */
  groupBinding(key: GroupMapKey): Promise<string | undefined>;
  /** Binds a group to a worldserver on a map, replacing any binding. */
  setGroupBinding(key: GroupMapKey, serverId: string): Promise<void>;
  /**
   * Binds a group to `serverId` only if its current binding is still `expected` (undefined: no
   * binding); answers the binding that holds afterwards, so concurrent callers agree on one winner.
   */
  replaceGroupBinding(key: GroupMapKey, expected: string | undefined, serverId: string): Promise<string>;

  /**
   * Runs `task` while no other registry process on this store runs one under the same name (the
   * caller serializes tasks inside its own process).
   */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
}

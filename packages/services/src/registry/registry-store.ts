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
  /** Maps the registry gave it; empty for an every-map server (see `map-assignment.ts`). */
  readonly assignedMaps: readonly number[];
  /** Assigned maps it has not confirmed loaded yet (GameServerMapsLoaded); not routable. */
  readonly pendingMaps: readonly number[];
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

/**
 * Where the registry keeps what registered. ToCloud9 keeps it in Redis; tc9 starts with memory
 * and can move it to MariaDB or JetStream KV behind this interface (hence the promises).
 * Listings are ordered by id.
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

  putGateway(gateway: GatewayRecord): Promise<void>;
  /** The gateways of one realm, or every gateway when `realmId` is omitted. */
  gateways(realmId?: number): Promise<GatewayRecord[]>;
  updateGateway(id: string, change: (gateway: GatewayRecord) => GatewayRecord): Promise<GatewayRecord | undefined>;
  removeGateway(id: string): Promise<GatewayRecord | undefined>;
}

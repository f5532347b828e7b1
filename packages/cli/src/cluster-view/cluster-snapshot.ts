/**
 * What `tc9 status` prints and `tc9 top` shows: one look at a running realm, built from the run
 * file `tc9 up` keeps, each node's `/healthz`, `/readyz` and `/metrics`, and the servers registry.
 * Every field is always present (`null` when unknown), so `--json` has one fixed shape.
 */
import type { NodeRunStatus } from "../run-state/index.js";

/** `up` when the node's `/healthz` answered; `down` when it has no HTTP address yet or did not answer. */
export type NodeHealth = "up" | "down";

/** One node of the topology as the supervisor and the node itself describe it. */
export interface NodeView {
  readonly name: string;
  /** Where the supervisor has it (run.json). */
  readonly status: NodeRunStatus;
  readonly health: NodeHealth;
  /** `/readyz` said 200 (true) or 503 (false); null when the node is down. */
  readonly ready: boolean | null;
  /** The names of the readiness checks that failed. */
  readonly notReady: readonly string[];
  /** Seconds since the node's process started it (from `/healthz`); null when down. */
  readonly uptimeSeconds: number | null;
  readonly restarts: number;
  readonly pid: number | null;
  readonly modules: readonly string[];
  readonly httpUrl: string | null;
  readonly grpcAddress: string | null;
  readonly logFile: string;
  /** How its previous process ended (exit code or signal), when one did. */
  readonly lastExit: string | null;
  /** Why it is down; null when up. */
  readonly problem: string | null;
}

/** One worldserver registered with the servers registry. */
export interface WorldserverView {
  readonly id: string;
  readonly alias: string;
  /** host:port of its game listener (reached through the gateways). */
  readonly address: string;
  readonly realmId: number;
  readonly crossRealm: boolean;
  /** Maps the registry gave it; empty for an every-map server that shares the unclaimed maps. */
  readonly assignedMaps: readonly number[];
  /** Maps it can load; empty means every map. */
  readonly availableMaps: readonly number[];
  /** Its active connections, as its sidecar last reported them to the registry's health probe. */
  readonly players: number;
  /** Its world loop stalls, so the registry drains it from placement of new players. */
  readonly degraded: boolean;
  /** Maps it was given and has not confirmed loaded yet (not routable to it meanwhile). */
  readonly pendingMaps: number;
}

/** One gateway module, from the metrics and `/healthz` of the node hosting it. */
export interface GatewayView {
  readonly node: string;
  /** The module's name (the `gateway` label of its metrics). */
  readonly name: string;
  /** The id the registry gave it; null when the node did not say. */
  readonly id: string | null;
  /** host:port players connect to; null when the node did not say. */
  readonly address: string | null;
  readonly sessions: number;
  readonly worldLinks: number;
  /** Packets relayed in every direction since it started. */
  readonly packets: number;
  /** Packets per second since the previous snapshot; null on the first one. */
  readonly packetsPerSecond: number | null;
}

/** Messages of one bus subject, summed over the nodes. */
export interface BusSubjectView {
  readonly subject: string;
  readonly published: number;
  readonly delivered: number;
  readonly publishedPerSecond: number | null;
  readonly deliveredPerSecond: number | null;
}

/**
 * Latency of one contract's calls since the nodes started: calls over gRPC measured where they were
 * served, in-process calls where they were made (so each call counts once).
 */
export interface RpcLatencyView {
  readonly contract: string;
  readonly calls: number;
  readonly errors: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

export interface ClusterSnapshot {
  readonly projectDir: string;
  readonly topology: string;
  readonly configFile: string;
  /** When this snapshot was taken (ISO 8601). */
  readonly takenAt: string;
  readonly supervisor: { readonly pid: number; readonly alive: boolean; readonly controlUrl: string | null };
  /** Players on the realm's worldservers (the sum of their `players`). */
  readonly players: number;
  readonly nodes: readonly NodeView[];
  readonly worldservers: readonly WorldserverView[];
  readonly gateways: readonly GatewayView[];
  readonly bus: readonly BusSubjectView[];
  readonly rpc: readonly RpcLatencyView[];
  /** What could not be read (the registry did not answer, the supervisor is gone), as sentences. */
  readonly problems: readonly string[];
}

/** The nodes that are down: `tc9 status` exits 1 when there is one. */
export function downNodes(snapshot: ClusterSnapshot): NodeView[] {
  return snapshot.nodes.filter((node) => node.health === "down");
}

import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** Which way traffic went, seen from the gateway. */
export type TrafficDirection = "from_client" | "to_client" | "from_world" | "to_world";

/** Which relay a latency was measured on. */
export type RelayDirection = "client_to_world" | "world_to_client";

/** Why an authentication failed (the label of `tc9_gateway_auth_failures_total`). */
export type AuthFailureReason =
  | "unknown_account"
  | "wrong_digest"
  | "wrong_realm"
  | "banned"
  | "locked_ip"
  | "malformed"
  | "timeout"
  | "lookup_failed";

/** Why a connection was cut (the label of `tc9_gateway_connection_errors_total`). */
export type ConnectionErrorKind = "malformed" | "slow_reader" | "idle" | "handler_failed" | "world_malformed";

/** How a character moved between worldservers (the label of `tc9_gateway_move_seconds`). */
export type MoveKind = "redirect" | "reassigned" | "failover";

/** Whether a move reached a worldserver (`ok`) or not (`failed`). */
export type MoveResult = "ok" | "failed";

type GatewayLabel = "gateway";

/** The metric named `name` if another gateway in this node registered it, else the one `create` makes. */
function shared<T>(registry: Registry, name: string, create: (registers: Registry[]) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create([registry]);
}

const MOVE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const RELAY_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

/**
 * The gateway's Prometheus metrics in the node's registry, labelled by module name so that two
 * gateways in one node keep their own series: open sessions and worldserver links, sessions
 * accepted, packets and bytes per direction, relay processing time, authentication failures by
 * reason and connections cut by error kind. Label children are bound once here.
 */
export class GatewayMetrics {
  readonly #sessions: Gauge<GatewayLabel>;
  readonly #sessionsTotal: Counter<GatewayLabel>;
  readonly #worldLinks: Gauge<GatewayLabel>;
  readonly #packets: Counter<GatewayLabel | "direction">;
  readonly #bytes: Counter<GatewayLabel | "direction">;
  readonly #relay: Histogram<GatewayLabel | "direction">;
  readonly #authFailures: Counter<GatewayLabel | "reason">;
  readonly #connectionErrors: Counter<GatewayLabel | "kind">;
  readonly #redirects: Counter<GatewayLabel | "result">;
  readonly #failovers: Counter<GatewayLabel | "result">;
  readonly #moveSeconds: Histogram<GatewayLabel | "kind">;
  readonly #gateway: string;
  #open = 0;
  #openLinks = 0;

  constructor(registry: Registry, gateway: string) {
    this.#gateway = gateway;
    this.#sessions = shared(registry, "tc9_gateway_sessions", (registers) =>
      new Gauge({ name: "tc9_gateway_sessions", help: "Open client connections", labelNames: ["gateway"], registers }),
    );
    this.#sessionsTotal = shared(registry, "tc9_gateway_sessions_total", (registers) =>
      new Counter({ name: "tc9_gateway_sessions_total", help: "Client connections accepted", labelNames: ["gateway"], registers }),
    );
    this.#worldLinks = shared(registry, "tc9_gateway_world_links", (registers) =>
      new Gauge({ name: "tc9_gateway_world_links", help: "Open worldserver links", labelNames: ["gateway"], registers }),
    );
    this.#packets = shared(registry, "tc9_gateway_packets_total", (registers) =>
      new Counter({ name: "tc9_gateway_packets_total", help: "Packets by direction", labelNames: ["gateway", "direction"], registers }),
    );
    this.#bytes = shared(registry, "tc9_gateway_bytes_total", (registers) =>
      new Counter({ name: "tc9_gateway_bytes_total", help: "Bytes by direction, headers included", labelNames: ["gateway", "direction"], registers }),
    );
    this.#relay = shared(registry, "tc9_gateway_relay_seconds", (registers) =>
      new Histogram({
        name: "tc9_gateway_relay_seconds",
        help: "Time from receiving a packet to writing it to the other side",
        labelNames: ["gateway", "direction"],
        buckets: RELAY_BUCKETS,
        registers,
      }),
    );
    this.#authFailures = shared(registry, "tc9_gateway_auth_failures_total", (registers) =>
      new Counter({ name: "tc9_gateway_auth_failures_total", help: "Refused world authentications by reason", labelNames: ["gateway", "reason"], registers }),
    );
    this.#connectionErrors = shared(registry, "tc9_gateway_connection_errors_total", (registers) =>
      new Counter({ name: "tc9_gateway_connection_errors_total", help: "Connections cut because of an error, by kind", labelNames: ["gateway", "kind"], registers }),
    );
    this.#redirects = shared(registry, "tc9_gateway_redirects_total", (registers) =>
      new Counter({
        name: "tc9_gateway_redirects_total",
        help: "Characters moved to another worldserver on a map change or a map reassignment, by result",
        labelNames: ["gateway", "result"],
        registers,
      }),
    );
    this.#failovers = shared(registry, "tc9_gateway_failovers_total", (registers) =>
      new Counter({
        name: "tc9_gateway_failovers_total",
        help: "Characters re-placed after their worldserver link closed unexpectedly, by result",
        labelNames: ["gateway", "result"],
        registers,
      }),
    );
    this.#moveSeconds = shared(registry, "tc9_gateway_move_seconds", (registers) =>
      new Histogram({
        name: "tc9_gateway_move_seconds",
        help: "Time from the start of a hand-over (0x51F sent, 0x520 received, link lost) to SMSG_NEW_WORLD written, by kind",
        labelNames: ["gateway", "kind"],
        buckets: MOVE_BUCKETS,
        registers,
      }),
    );
    this.#sessions.set({ gateway }, 0);
    this.#worldLinks.set({ gateway }, 0);
  }

  /** Open client connections (the `active_connections` the registry balances on). */
  get openSessions(): number {
    return this.#open;
  }

  /** Open worldserver links. */
  get openWorldLinks(): number {
    return this.#openLinks;
  }

  sessionOpened(): void {
    this.#open += 1;
    this.#sessions.set({ gateway: this.#gateway }, this.#open);
    this.#sessionsTotal.inc({ gateway: this.#gateway });
  }

  sessionClosed(): void {
    this.#open -= 1;
    this.#sessions.set({ gateway: this.#gateway }, this.#open);
  }

  worldLinkOpened(): void {
    this.#openLinks += 1;
    this.#worldLinks.set({ gateway: this.#gateway }, this.#openLinks);
  }

  worldLinkClosed(): void {
    this.#openLinks -= 1;
    this.#worldLinks.set({ gateway: this.#gateway }, this.#openLinks);
  }

  /** A bound counter pair for one direction: call it per packet with the packet's bytes. */
  traffic(direction: TrafficDirection): (bytes: number) => void {
    const packets = this.#packets.labels({ gateway: this.#gateway, direction });
    const bytes = this.#bytes.labels({ gateway: this.#gateway, direction });
    return (count) => {
      packets.inc();
      bytes.inc(count);
    };
  }

  /** A bound histogram child for one relay direction, observing seconds. */
  relay(direction: RelayDirection): (seconds: number) => void {
    const child = this.#relay.labels({ gateway: this.#gateway, direction });
    return (seconds) => child.observe(seconds);
  }

  authFailed(reason: AuthFailureReason): void {
    this.#authFailures.inc({ gateway: this.#gateway, reason });
  }

  connectionError(kind: ConnectionErrorKind): void {
    this.#connectionErrors.inc({ gateway: this.#gateway, kind });
  }

  /** A finished move: redirects and reassignments count in `tc9_gateway_redirects_total`, failovers in their own counter. */
  moved(kind: MoveKind, result: MoveResult, seconds: number): void {
    (kind === "failover" ? this.#failovers : this.#redirects).inc({ gateway: this.#gateway, result });
    if (result === "ok") this.#moveSeconds.observe({ gateway: this.#gateway, kind }, seconds);
  }
}

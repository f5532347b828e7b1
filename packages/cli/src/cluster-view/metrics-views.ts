/**
 * The parts of the cluster view read from the nodes' Prometheus metrics: gateways, bus subjects and
 * contract latency. Counters become rates against the previous snapshot.
 */
import type { BusSubjectView, ClusterSnapshot, GatewayView, RpcLatencyView } from "./cluster-snapshot.js";
import type { ProbedModule } from "./node-probe.js";
import { histogramQuantile, type PromSample } from "./prometheus-text.js";

/** The metrics and `/healthz` modules of one node that answered. */
export interface AnsweringNode {
  readonly name: string;
  readonly modules: readonly ProbedModule[];
  readonly samples: readonly PromSample[];
}

/** The previous snapshot and how many seconds ago it was taken, for rates. */
export interface RateBase {
  readonly previous: ClusterSnapshot;
  readonly seconds: number;
}

/** `(current - previous) / seconds`; null without a base, or when the counter restarted (a node restart). */
export function perSecond(current: number, previous: number | undefined, base: RateBase | undefined): number | null {
  if (base === undefined || previous === undefined || base.seconds <= 0 || current < previous) return null;
  return (current - previous) / base.seconds;
}

const sum = (samples: readonly PromSample[]): number => samples.reduce((total, sample) => total + sample.value, 0);

/** Each gateway module's sessions, links and packets, with its id and address from the node's `/healthz`. */
export function gatewayViews(nodes: readonly AnsweringNode[], base: RateBase | undefined): GatewayView[] {
  return nodes.flatMap((node) =>
    node.samples
      .filter((sample) => sample.name === "tc9_gateway_sessions" && sample.labels["gateway"] !== undefined)
      .map((sessions): GatewayView => {
        const name = sessions.labels["gateway"] as string;
        const ofGateway = (metric: string) => node.samples.filter((sample) => sample.name === metric && sample.labels["gateway"] === name);
        const info = node.modules.find((module) => module.name === name)?.info ?? {};
        const packets = sum(ofGateway("tc9_gateway_packets_total"));
        const previous = base?.previous.gateways.find((gateway) => gateway.node === node.name && gateway.name === name);
        return {
          node: node.name,
          name,
          id: typeof info["gatewayId"] === "string" ? info["gatewayId"] : null,
          address: typeof info["address"] === "string" && typeof info["port"] === "number" ? `${info["address"]}:${info["port"]}` : null,
          sessions: sessions.value,
          worldLinks: sum(ofGateway("tc9_gateway_world_links")),
          packets,
          packetsPerSecond: perSecond(packets, previous?.packets, base),
        };
      }),
  );
}

/** Messages per bus subject, summed over every node, busiest first. */
export function busViews(nodes: readonly AnsweringNode[], base: RateBase | undefined): BusSubjectView[] {
  const totals = new Map<string, { published: number; delivered: number }>();
  for (const sample of nodes.flatMap((node) => node.samples)) {
    const subject = sample.labels["subject"];
    if (sample.name !== "tc9_bus_messages_total" || subject === undefined) continue;
    const entry = totals.get(subject) ?? { published: 0, delivered: 0 };
    if (sample.labels["direction"] === "published") entry.published += sample.value;
    else if (sample.labels["direction"] === "delivered") entry.delivered += sample.value;
    totals.set(subject, entry);
  }
  return [...totals]
    .map(([subject, { published, delivered }]): BusSubjectView => {
      const previous = base?.previous.bus.find((entry) => entry.subject === subject);
      return {
        subject,
        published,
        delivered,
        publishedPerSecond: perSecond(published, previous?.published, base),
        deliveredPerSecond: perSecond(delivered, previous?.delivered, base),
      };
    })
    .sort((a, b) => b.published + b.delivered - (a.published + a.delivered) || a.subject.localeCompare(b.subject));
}

/** Each call counts once: gRPC calls where they were served, in-process calls where they were made. */
function countedOnce(sample: PromSample): boolean {
  return sample.labels["side"] === "server" || (sample.labels["side"] === "client" && sample.labels["binding"] === "in-process");
}

/** p50 and p99 latency, calls and errors of each contract that was called, most called first. */
export function rpcViews(nodes: readonly AnsweringNode[]): RpcLatencyView[] {
  const byContract = new Map<string, { calls: number; errors: number; buckets: Map<number, number> }>();
  const entryFor = (contract: string) => {
    let entry = byContract.get(contract);
    if (entry === undefined) {
      entry = { calls: 0, errors: 0, buckets: new Map() };
      byContract.set(contract, entry);
    }
    return entry;
  };
  for (const sample of nodes.flatMap((node) => node.samples)) {
    const contract = sample.labels["contract"];
    if (contract === undefined || !countedOnce(sample)) continue;
    if (sample.name === "tc9_rpc_duration_seconds_count") entryFor(contract).calls += sample.value;
    else if (sample.name === "tc9_rpc_errors_total") entryFor(contract).errors += sample.value;
    else if (sample.name === "tc9_rpc_duration_seconds_bucket") {
      const bound = sample.labels["le"] === "+Inf" ? Number.POSITIVE_INFINITY : Number(sample.labels["le"]);
      if (Number.isNaN(bound)) continue;
      const buckets = entryFor(contract).buckets;
      buckets.set(bound, (buckets.get(bound) ?? 0) + sample.value);
    }
  }
  return [...byContract]
    .filter(([, entry]) => entry.calls > 0)
    .map(([contract, entry]): RpcLatencyView => {
      const bounds = [...entry.buckets.keys()].sort((a, b) => a - b);
      const histogram = { bounds, counts: bounds.map((bound) => entry.buckets.get(bound) ?? 0) };
      const milliseconds = (q: number) => {
        const seconds = histogramQuantile(q, histogram);
        return seconds === undefined ? null : seconds * 1000;
      };
      return { contract, calls: entry.calls, errors: entry.errors, p50Ms: milliseconds(0.5), p99Ms: milliseconds(0.99) };
    })
    .sort((a, b) => b.calls - a.calls || a.contract.localeCompare(b.contract));
}

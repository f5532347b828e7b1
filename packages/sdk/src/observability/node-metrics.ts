import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Which end of a call a measurement was taken at, and how the call travelled. */
export type RpcSide = "client" | "server";
export type RpcBinding = "in-process" | "grpc";

/** Records calls of one method at one side and binding; label lookups are done once, here. */
export interface RpcInstrument {
  /** `code` is the gRPC status name, `OK` on success. */
  observe(code: string, seconds: number): void;
}

export interface RpcLabels {
  readonly contract: string;
  readonly method: string;
  readonly side: RpcSide;
  readonly binding: RpcBinding;
}

/**
 * One prom-client registry per node (never the global default, so several nodes can live in one
 * process, as in tests): gRPC calls (count, latency, errors by code), bus messages per subject,
 * module readiness and the process defaults.
 */
export class NodeMetrics {
  readonly registry = new Registry();
  private readonly rpcCalls: Counter<"contract" | "method" | "side" | "binding" | "code">;
  private readonly rpcErrors: Counter<"contract" | "method" | "side" | "binding" | "code">;
  private readonly rpcSeconds: Histogram<"contract" | "method" | "side" | "binding">;
  private readonly busMessages: Counter<"subject" | "direction">;
  private readonly busFailures: Counter<"subject" | "kind">;
  private readonly moduleReady: Gauge<"module">;

  constructor(nodeName: string) {
    this.registry.setDefaultLabels({ node: nodeName });
    collectDefaultMetrics({ register: this.registry, prefix: "tc9_process_" });
    const registers = [this.registry];
    this.rpcCalls = new Counter({
      name: "tc9_rpc_calls_total",
      help: "Contract calls, by contract, method, side, binding and gRPC status",
      labelNames: ["contract", "method", "side", "binding", "code"],
      registers,
    });
    this.rpcErrors = new Counter({
      name: "tc9_rpc_errors_total",
      help: "Contract calls that ended with a status other than OK",
      labelNames: ["contract", "method", "side", "binding", "code"],
      registers,
    });
    this.rpcSeconds = new Histogram({
      name: "tc9_rpc_duration_seconds",
      help: "Contract call latency",
      labelNames: ["contract", "method", "side", "binding"],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.busMessages = new Counter({
      name: "tc9_bus_messages_total",
      help: "Bus messages by subject; direction is published or delivered",
      labelNames: ["subject", "direction"],
      registers,
    });
    this.busFailures = new Counter({
      name: "tc9_bus_failures_total",
      help: "Bus messages that could not be decoded or whose handler threw",
      labelNames: ["subject", "kind"],
      registers,
    });
    this.moduleReady = new Gauge({
      name: "tc9_module_ready",
      help: "1 when the module is started and its health checks pass",
      labelNames: ["module"],
      registers,
    });
  }

  /** An instrument for one method's calls; bind it once per method, not once per call. */
  rpcInstrument(labels: RpcLabels): RpcInstrument {
    const plain = { contract: labels.contract, method: labels.method, side: labels.side, binding: labels.binding };
    const seconds = this.rpcSeconds.labels(plain);
    const byCode = new Map<string, { calls: { inc(): void }; errors: { inc(): void } | undefined }>();
    return {
      observe: (code, elapsed) => {
        let counters = byCode.get(code);
        if (!counters) {
          counters = {
            calls: this.rpcCalls.labels({ ...plain, code }),
            errors: code === "OK" ? undefined : this.rpcErrors.labels({ ...plain, code }),
          };
          byCode.set(code, counters);
        }
        counters.calls.inc();
        counters.errors?.inc();
        seconds.observe(elapsed);
      },
    };
  }

  busPublished(subject: string): void {
    this.busMessages.inc({ subject, direction: "published" });
  }

  busDelivered(subject: string): void {
    this.busMessages.inc({ subject, direction: "delivered" });
  }

  busFailed(subject: string, kind: "decode" | "handler"): void {
    this.busFailures.inc({ subject, kind });
  }

  setModuleReady(module: string, ready: boolean): void {
    this.moduleReady.set({ module }, ready ? 1 : 0);
  }
}

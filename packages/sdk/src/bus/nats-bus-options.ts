import type { BusObserver } from "./bus.js";
import { streamNameFor } from "./jetstream-support.js";

/** Options of `createNatsBus`. */
export interface NatsBusOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  readonly servers: string | readonly string[];
  /** Connection name shown by the server (ToCloud9 uses e.g. `groupserver`). */
  readonly name: string;
  readonly observer?: BusObserver;
  /**
   * Prepended to every subject (default none), so parallel tests can share one server; the
   * JetStream stream name is derived from it too. Handlers and the observer see unprefixed subjects.
   */
  readonly subjectPrefix?: string;
  /** Wait between connection attempts (default 1000 ms). */
  readonly reconnectWaitMs?: number;
  /** Wait before a durable message whose handler threw is delivered again (default 1000 ms). */
  readonly redeliveryDelayMs?: number;
  /**
   * How long a request to NATS (a connection attempt, a durable publish, stream and consumer
   * setup) waits for its answer before it is retried (default 5 s).
   */
  readonly requestTimeoutMs?: number;
  /**
   * How long JetStream waits for a durable message's ack before redelivering it (default 10 s).
   * A running handler keeps extending it; it bounds how late a delivery lost in a NATS restart
   * comes again.
   */
  readonly ackWaitMs?: number;
  /** Replicas of the durable-event stream when the bus creates it (default 1). */
  readonly streamReplicas?: number;
  /**
   * How long the stream over `tc9.>` keeps messages, consumed or not (default 7 days): a durable
   * subscriber away for longer misses what aged out. Core publishes on `tc9.` subjects are kept too.
   */
  readonly streamMaxAgeMs?: number;
}

/** {@link NatsBusOptions} with every default filled in. */
export interface ResolvedNatsBusOptions
  extends Required<Omit<NatsBusOptions, "servers" | "observer" | "subjectPrefix">> {
  readonly servers: readonly string[];
  readonly observer: BusObserver | undefined;
  readonly subjectPrefix: string;
  /** The JetStream stream for durable events under this prefix. */
  readonly streamName: string;
}

/** Fills in the defaults of {@link NatsBusOptions}. */
export function resolveNatsBusOptions(options: NatsBusOptions): ResolvedNatsBusOptions {
  const subjectPrefix = options.subjectPrefix ?? "";
  return {
    servers: typeof options.servers === "string" ? [options.servers] : [...options.servers],
    name: options.name,
    observer: options.observer,
    subjectPrefix,
    streamName: streamNameFor(subjectPrefix),
    reconnectWaitMs: options.reconnectWaitMs ?? 1000,
    redeliveryDelayMs: options.redeliveryDelayMs ?? 1000,
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
    ackWaitMs: options.ackWaitMs ?? 10_000,
    streamReplicas: options.streamReplicas ?? 1,
    streamMaxAgeMs: options.streamMaxAgeMs ?? 7 * 24 * 3600 * 1000,
  };
}

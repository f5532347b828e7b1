import type { EventDef } from "./event.js";
import type { KeyValue, KeyValueOptions } from "./key-value.js";
import type { SubjectParams } from "./subject-template.js";

/** What a handler learns about the message besides its payload. */
export interface EventContext<K extends string> {
  /** The concrete subject (without the bus's test prefix). */
  readonly subject: string;
  /** The subject's parameter values, e.g. `{ gatewayID: "gw-1" }`. */
  readonly params: SubjectParams<K>;
}

/** Handles one event; may be async. A throw is reported and the subscription keeps running. */
export type EventHandler<P, K extends string> = (payload: P, context: EventContext<K>) => void | Promise<void>;

/** Handles one raw message body on `subject` (without the bus's test prefix). */
export type RawHandler = (body: Uint8Array, subject: string) => void | Promise<void>;

/** How to subscribe. */
export interface SubscribeOptions<K extends string> {
  /**
   * Queue group: each message goes to one member of the group (ToCloud9's charserver uses
   * `char_group` on `sr.gw.removed.unhealthy`). Not combinable with `durable`.
   */
  readonly queue?: string;
  /**
   * Durable subscriber name (letters, digits, `_`, `-`), for events defined `durable: true`.
   * From the first subscription under a name on, messages published while none of its
   * subscribers runs are kept and delivered when one subscribes again; subscribers sharing the
   * name share the messages. A message is acknowledged when the handler resolves and redelivered
   * when it throws; a redelivery of a message already handled (an ack lost in a NATS restart) is
   * recognised by its message id and not handed to the handler again.
   */
  readonly durable?: string;
  /** Fixes some subject parameters; the rest match any value (`*`). */
  readonly params?: Partial<SubjectParams<K>>;
}

/** Options for {@link Bus.subscribeRaw}. */
export interface RawSubscribeOptions {
  /** Queue group, as for typed subscriptions. */
  readonly queue?: string;
}

/** An active subscription. */
export interface Subscription {
  /** The subscription pattern (may contain `*` / `>`), without the bus's test prefix. */
  readonly subject: string;
  /**
   * Stops delivery. A durable subscription's stored position stays: a later subscriber with the
   * same durable name gets everything published in between.
   */
  unsubscribe(): Promise<void>;
}

/** The parameters argument of {@link Bus.publish}: required exactly when the subject has any. */
export type PublishParams<K extends string> = [K] extends [never] ? [] : [params: SubjectParams<K>];

/**
 * Typed events between modules, with ToCloud9's subjects and JSON bodies. `createNatsBus` for
 * separate processes and hosts (and Go ToCloud9 peers); `createLocalBus` inside one process.
 */
export interface Bus {
  /** `nats` for `createNatsBus` (state shared between processes), `local` for `createLocalBus`. */
  readonly transport: "local" | "nats";
  /**
   * Publishes an event. Resolves once the message is handed to the transport; for a durable event
   * on NATS, once JetStream has stored it.
   */
  publish<P, K extends string>(event: EventDef<P, K>, payload: P, ...params: PublishParams<K>): Promise<void>;
  /** Subscribes a handler; messages reach it one at a time, in order. */
  subscribe<P, K extends string>(
    event: EventDef<P, K>,
    handler: EventHandler<P, K>,
    options?: SubscribeOptions<K>,
  ): Promise<Subscription>;
  /** Publishes raw bytes on a concrete subject (core delivery, no codec). */
  publishRaw(subject: string, body: Uint8Array): Promise<void>;
  /** Subscribes to raw bodies on a subject or pattern (`*`, `>`). */
  subscribeRaw(subject: string, handler: RawHandler, options?: RawSubscribeOptions): Promise<Subscription>;
  /**
   * Opens (creating it when missing) a key-value bucket: JetStream KV on NATS, where the name is
   * scoped by the subject prefix like the durable-event stream; process memory on the local bus,
   * where every opener of a name shares one bucket. Options apply when the bucket is created.
   */
  keyValue(bucket: string, options?: KeyValueOptions): Promise<KeyValue>;
  /** True while the bus can reach its transport. */
  ready(): boolean;
  /** Stops every subscription, waits for running handlers and releases the transport. */
  close(): Promise<void>;
}

/**
 * Hooks the runtime backs with prom-client counters and pino; all optional. Subjects are reported
 * without the bus's test prefix. A hook that throws is ignored.
 */
export interface BusObserver {
  /** A message was handed to the transport. */
  published?(subject: string): void;
  /** A message reached a handler (decoded, for typed subscriptions). */
  delivered?(subject: string): void;
  /** A message could not be decoded; it was skipped. */
  decodeFailed?(subject: string, error: unknown): void;
  /** A handler threw or rejected; the subscription keeps running. */
  handlerFailed?(subject: string, error: unknown): void;
  /** The bus became able (`true`) or unable (`false`) to reach its transport. */
  connectionChanged?(ready: boolean): void;
  /** A transport operation failed and will be retried (connect, stream or consumer setup, durable publish). */
  transportFailed?(operation: string, error: unknown): void;
}

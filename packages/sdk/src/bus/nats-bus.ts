import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import {
  AckPolicy,
  connect,
  DeliverPolicy,
  Events,
  nanos,
  RetentionPolicy,
  StorageType,
  type JsMsg,
  type NatsConnection,
} from "nats";
import type {
  Bus,
  EventHandler,
  PublishParams,
  RawHandler,
  RawSubscribeOptions,
  SubscribeOptions,
  Subscription,
} from "./bus.js";
import {
  checkQueueName,
  checkSubscribeOptions,
  deliverEvent,
  deliverRaw,
  safeObserver,
  type DeliveryOutcome,
  type SafeObserver,
} from "./delivery.js";
import { BusClosedError, BusNotConnectedError } from "./errors.js";
import { TC9_SUBJECT_ROOT, type EventDef } from "./event.js";
import { Readiness } from "./readiness.js";
import { bucketNameFor, consumerNameFor, isNotFound, RecentIds, settle } from "./jetstream-support.js";
import { checkBucket, type KeyValue, type KeyValueOptions } from "./key-value.js";
import { NatsKeyValue } from "./nats-key-value.js";
import { resolveNatsBusOptions, type NatsBusOptions, type ResolvedNatsBusOptions } from "./nats-bus-options.js";
import type { SubjectParams } from "./subject-template.js";

/**
 * The NATS bus. ToCloud9's subjects go over core NATS exactly as the Go services send them;
 * durable events (tc9's own, under `tc9.`) go through a JetStream stream over `tc9.>` that the
 * bus creates when missing, with one durable consumer per subscriber name.
 *
 * The bus returns at once and keeps trying to reach NATS (then reconnects forever): `ready()` is
 * false until connected. Subscriptions made meanwhile start on connection; a durable publish waits
 * until JetStream has stored the message (retrying with one message id, so it is stored once); a
 * core publish before the first connection throws {@link BusNotConnectedError}.
 */
export function createNatsBus(options: NatsBusOptions): Bus {
  return new NatsBus(resolveNatsBusOptions(options));
}

const PULL_BATCH = 32;
const PULL_EXPIRES_MS = 1000;
const DUPLICATE_WINDOW_MS = 120_000;
const MSG_ID_HEADER = "Nats-Msg-Id";

interface Consumer {
  closed: boolean;
  stopTransport: (() => void) | undefined;
  done: Promise<void>;
}

type Deliver = (subject: string, body: Uint8Array) => Promise<DeliveryOutcome>;

class NatsBus implements Bus {
  readonly transport = "nats";
  private readonly observer: SafeObserver;
  private readonly prefix: string;
  private readonly stopping = new AbortController();
  private readonly consumers = new Set<Consumer>();
  private readonly connected: Promise<NatsConnection>;
  private resolveConnected: (nc: NatsConnection) => void = () => undefined;
  private rejectConnected: (error: Error) => void = () => undefined;
  private connection: NatsConnection | undefined;
  private streamReady: Promise<void> | undefined;
  private readonly readiness: Readiness;
  private closed = false;

  constructor(private readonly options: ResolvedNatsBusOptions) {
    this.observer = safeObserver(options.observer);
    this.readiness = new Readiness(this.observer);
    this.prefix = options.subjectPrefix;
    // Every waiting retry listens on this signal; there can be many at once during an outage.
    setMaxListeners(0, this.stopping.signal);
    this.connected = new Promise((resolve, reject) => {
      this.resolveConnected = resolve;
      this.rejectConnected = reject;
    });
    this.connected.catch(() => undefined);
    void this.connectLoop();
  }

  async publish<P, K extends string>(event: EventDef<P, K>, payload: P, ...params: PublishParams<K>): Promise<void> {
    this.assertOpen("publish");
    const subject = event.subject.format((params[0] ?? {}) as SubjectParams<K>);
    const body = event.encode(payload);
    if (event.durable) await this.publishDurable(subject, body);
    else this.publishCore(subject, body);
  }

  async publishRaw(subject: string, body: Uint8Array): Promise<void> {
    this.assertOpen("publish");
    this.publishCore(subject, body);
  }

  async subscribe<P, K extends string>(
    event: EventDef<P, K>,
    handler: EventHandler<P, K>,
    options: SubscribeOptions<K> = {},
  ): Promise<Subscription> {
    this.assertOpen("subscribe");
    checkSubscribeOptions(event, options);
    const pattern = event.subject.pattern(options.params);
    const deliver: Deliver = (subject, body) => deliverEvent(event, handler, body, subject, this.observer);
    if (options.durable !== undefined) return this.startDurable(options.durable, pattern, deliver);
    return this.startCore(pattern, options.queue, deliver);
  }

  async subscribeRaw(subject: string, handler: RawHandler, options: RawSubscribeOptions = {}): Promise<Subscription> {
    this.assertOpen("subscribe");
    if (options.queue !== undefined) checkQueueName(options.queue);
    return this.startCore(subject, options.queue, (s, body) => deliverRaw(handler, body, s, this.observer));
  }

  async keyValue(bucket: string, options: KeyValueOptions = {}): Promise<KeyValue> {
    this.assertOpen("open a key-value bucket");
    checkBucket(bucket);
    const name = bucketNameFor(this.prefix, bucket);
    const nc = await this.waitConnected("open a key-value bucket");
    const kv = await nc.jetstream({ timeout: this.options.requestTimeoutMs }).views.kv(name, {
      history: 1,
      replicas: this.options.streamReplicas,
      ...(options.ttlMs === undefined ? {} : { ttl: options.ttlMs }),
    });
    return new NatsKeyValue(name, kv, await nc.jetstreamManager({ timeout: this.options.requestTimeoutMs }));
  }

  ready(): boolean {
    return this.readiness.ready;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopping.abort();
    this.rejectConnected(new BusClosedError("wait for NATS"));
    this.readiness.release();
    const running = [...this.consumers].map((consumer) => this.stopConsumer(consumer));
    await Promise.allSettled(running);
    // Stopping consumers queued UNSUBs. When the server has just hung up, writing them fails and
    // the socket reports the failure on the next tick; nats.js's close() strips the socket's
    // listeners at once, so that report would crash the process (uncaught exception). One event
    // loop turn lets the queued writes and their reports finish first; the closed bus queues no more.
    await nextTurn();
    await this.connection?.close();
    this.readiness.set(false);
  }

  private publishCore(subject: string, body: Uint8Array): void {
    if (this.connection === undefined) throw new BusNotConnectedError(this.options.servers);
    this.connection.publish(this.prefix + subject, body);
    this.observer.published(subject);
  }

  private async publishDurable(subject: string, body: Uint8Array): Promise<void> {
    const msgID = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const nc = await this.waitConnected("publish");
      try {
        await this.ensureStream(nc);
        await nc.jetstream({ timeout: this.options.requestTimeoutMs }).publish(this.prefix + subject, body, { msgID });
        this.observer.published(subject);
        return;
      } catch (error) {
        if (this.closed) throw new BusClosedError("publish");
        this.observer.transportFailed(`publish ${subject}`, error);
        await this.pause(Math.min(100 * 2 ** attempt, this.options.reconnectWaitMs));
      }
    }
  }

  private startCore(pattern: string, queue: string | undefined, deliver: Deliver): Subscription {
    const consumer: Consumer = { closed: false, stopTransport: undefined, done: Promise.resolve() };
    const run = async (nc: NatsConnection): Promise<void> => {
      if (consumer.closed) return;
      const sub = nc.subscribe(this.prefix + pattern, queue === undefined ? {} : { queue });
      consumer.stopTransport = () => sub.unsubscribe();
      for await (const message of sub) {
        if (consumer.closed) break;
        await deliver(this.unprefixed(message.subject), message.data);
      }
    };
    // Subscribe synchronously when connected, so a publish right after this call is received.
    const nc = this.connection;
    consumer.done = (nc ? run(nc) : this.connected.then(run)).catch(() => undefined);
    return this.track(consumer, pattern);
  }

  private async startDurable(durable: string, pattern: string, deliver: Deliver): Promise<Subscription> {
    const consumer: Consumer = { closed: false, stopTransport: undefined, done: Promise.resolve() };
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    consumer.done = this.runDurable(consumer, consumerNameFor(durable, pattern), pattern, deliver, markStarted);
    // Wait for the JetStream consumer while connected, so nothing published after this call is missed.
    if (this.connection !== undefined) await started;
    return this.track(consumer, pattern);
  }

  private async runDurable(
    consumer: Consumer,
    consumerName: string,
    pattern: string,
    deliver: Deliver,
    markStarted: () => void,
  ): Promise<void> {
    const seen = new RecentIds();
    while (!consumer.closed && !this.closed) {
      try {
        const nc = await this.waitConnected("subscribe");
        await this.ensureStream(nc);
        await this.ensureConsumer(nc, consumerName, this.prefix + pattern);
        const js = nc.jetstream({ timeout: this.options.requestTimeoutMs });
        const source = await js.consumers.get(this.options.streamName, consumerName);
        markStarted();
        // Short pull requests, each read to its end: NATS cannot withdraw a pending pull, so one
        // abandoned on stop would swallow messages until the ack wait. On stop the last request
        // is drained and whatever it still brings is handed back at once (nak).
        while (!consumer.closed && !this.closed) {
          // A pull sent while disconnected would reach the server after its client-side end.
          await this.readiness.wait();
          if (consumer.closed || this.closed) break;
          const batch = await source.fetch({ max_messages: PULL_BATCH, expires: PULL_EXPIRES_MS });
          for await (const message of batch) {
            if (consumer.closed || this.closed) settle(() => message.nak());
            else await this.handleDurable(message, deliver, seen);
          }
        }
      } catch (error) {
        if (consumer.closed || this.closed) break;
        this.observer.transportFailed(`subscribe ${pattern}`, error);
        markStarted();
      }
      if (!consumer.closed) await this.pause(this.options.reconnectWaitMs);
    }
  }

  private async handleDurable(message: JsMsg, deliver: Deliver, seen: RecentIds): Promise<void> {
    const id = message.headers?.get(MSG_ID_HEADER) || `seq:${message.seq}`;
    if (seen.has(id)) {
      settle(() => message.ack());
      return;
    }
    // Tell JetStream the handler is still working, so a slow handler is not redelivered meanwhile
    // and the ack wait can stay short (it is how soon a delivery lost in a restart comes again).
    const progress = setInterval(() => settle(() => message.working()), Math.max(this.options.ackWaitMs / 3, 50));
    const outcome = await deliver(this.unprefixed(message.subject), message.data).finally(() =>
      clearInterval(progress),
    );
    if (outcome === "failed") {
      settle(() => message.nak(this.options.redeliveryDelayMs));
      return;
    }
    settle(() => (outcome === "undecodable" ? message.term() : message.ack()));
    seen.add(id);
  }

  private track(consumer: Consumer, pattern: string): Subscription {
    this.consumers.add(consumer);
    return { subject: pattern, unsubscribe: () => this.stopConsumer(consumer) };
  }

  private async stopConsumer(consumer: Consumer): Promise<void> {
    consumer.closed = true;
    consumer.stopTransport?.();
    await consumer.done;
    this.consumers.delete(consumer);
  }

  private ensureStream(nc: NatsConnection): Promise<void> {
    this.streamReady ??= (async () => {
      const jsm = await nc.jetstreamManager({ timeout: this.options.requestTimeoutMs });
      try {
        await jsm.streams.info(this.options.streamName);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await jsm.streams.add({
          name: this.options.streamName,
          subjects: [`${this.prefix}${TC9_SUBJECT_ROOT}>`],
          // Limits, not Interest: nats-server 2.9 can drop unconsumed messages of an interest
          // stream when it restarts. Durable consumers track their own position either way.
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          num_replicas: this.options.streamReplicas,
          max_age: nanos(this.options.streamMaxAgeMs),
          duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        });
      }
    })().catch((error: unknown) => {
      this.streamReady = undefined;
      throw error;
    });
    return this.streamReady;
  }

  private async ensureConsumer(nc: NatsConnection, name: string, filter: string): Promise<void> {
    const jsm = await nc.jetstreamManager({ timeout: this.options.requestTimeoutMs });
    try {
      await jsm.consumers.info(this.options.streamName, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(this.options.streamName, {
        durable_name: name,
        filter_subject: filter,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        ack_wait: nanos(this.options.ackWaitMs),
        max_deliver: -1,
      });
    }
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        // nats.js cannot abort a `waitOnFirstConnect` dial loop, so the first connection is retried
        // here (stoppable by close()); after it, nats.js reconnects forever by itself.
        const nc = await connect({
          servers: [...this.options.servers],
          name: this.options.name,
          maxReconnectAttempts: -1,
          reconnectTimeWait: this.options.reconnectWaitMs,
          timeout: this.options.requestTimeoutMs,
          waitOnFirstConnect: false,
        });
        if (this.closed) {
          await nc.close();
          return;
        }
        this.connection = nc;
        this.readiness.set(true);
        void this.watchStatus(nc);
        this.resolveConnected(nc);
        return;
      } catch (error) {
        if (attempt === 0) this.observer.transportFailed("connect", error);
        await this.pause(this.options.reconnectWaitMs);
      }
    }
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) this.readiness.set(false);
      else if (status.type === Events.Reconnect) {
        this.streamReady = undefined;
        this.readiness.set(true);
      }
    }
    this.readiness.set(false);
  }

  private async waitConnected(operation: string): Promise<NatsConnection> {
    if (this.closed) throw new BusClosedError(operation);
    return this.connection ?? this.connected;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  private unprefixed(subject: string): string {
    return subject.startsWith(this.prefix) ? subject.slice(this.prefix.length) : subject;
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new BusClosedError(operation);
  }
}

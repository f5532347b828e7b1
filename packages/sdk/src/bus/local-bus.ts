import type {
  Bus,
  BusObserver,
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
import { BusClosedError } from "./errors.js";
import type { EventDef } from "./event.js";
import { checkBucket, LocalKeyValue, type KeyValue, type KeyValueOptions } from "./key-value.js";
import { subjectMatches, type SubjectParams } from "./subject-template.js";

/** Options of {@link createLocalBus}. */
export interface LocalBusOptions {
  readonly observer?: BusObserver;
  /** Wait before a durable message whose handler threw is delivered again (default 1000 ms). */
  readonly redeliveryDelayMs?: number;
}

/**
 * The in-process bus (the embedded default). Every message is encoded and decoded with the same
 * Go-JSON codec as on NATS, so a codec bug shows up here too. Delivery is always asynchronous
 * (never inside `publish`), one message at a time per subscriber, queue groups get each message
 * once, and durable subscriptions keep messages while no subscriber of their name is running.
 * It is ready from creation (reported to the observer at once) until `close()`.
 */
export function createLocalBus(options: LocalBusOptions = {}): Bus {
  return new LocalBus(safeObserver(options.observer), options.redeliveryDelayMs ?? 1000);
}

interface LocalMessage {
  readonly subject: string;
  readonly body: Uint8Array;
}

type Deliver = (message: LocalMessage) => Promise<DeliveryOutcome>;

/** One subscriber's mailbox, drained one message at a time on a later microtask. */
class Mailbox {
  private readonly messages: LocalMessage[] = [];
  private draining: Promise<void> | undefined;
  closed = false;

  constructor(
    readonly pattern: string,
    readonly queue: string | undefined,
    private readonly deliver: Deliver,
  ) {}

  put(message: LocalMessage): void {
    this.messages.push(message);
    this.draining ??= Promise.resolve().then(() => this.drain());
  }

  /** Resolves when the message being handled (if any) is done. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const message = this.messages.shift();
      if (message === undefined) break;
      await this.deliver(message);
    }
    this.draining = undefined;
  }
}

/** Messages kept for one durable name and pattern, shared by the subscribers using that name. */
class DurableQueue {
  private readonly pending: LocalMessage[] = [];
  private readonly members = new Set<DurableMember>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly pattern: string,
    private readonly redeliveryDelayMs: number,
  ) {}

  put(message: LocalMessage): void {
    this.pending.push(message);
    this.wake();
  }

  take(): LocalMessage | undefined {
    return this.pending.shift();
  }

  redeliverLater(message: LocalMessage): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.pending.unshift(message);
      this.wake();
    }, this.redeliveryDelayMs);
    timer.unref();
    this.timers.add(timer);
  }

  join(member: DurableMember): void {
    this.members.add(member);
    this.wake();
  }

  leave(member: DurableMember): void {
    this.members.delete(member);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.members.clear();
  }

  private wake(): void {
    for (const member of this.members) member.wake();
  }
}

/** One durable subscriber: pulls from its queue while idle. */
class DurableMember {
  private running: Promise<void> | undefined;
  closed = false;

  constructor(
    private readonly queue: DurableQueue,
    private readonly deliver: Deliver,
  ) {}

  wake(): void {
    this.running ??= Promise.resolve().then(() => this.pull());
  }

  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async pull(): Promise<void> {
    while (!this.closed) {
      const message = this.queue.take();
      if (message === undefined) break;
      if ((await this.deliver(message)) === "failed") this.queue.redeliverLater(message);
    }
    this.running = undefined;
  }
}

class LocalBus implements Bus {
  readonly transport = "local";
  private closed = false;
  private readonly buckets = new Map<string, LocalKeyValue>();
  private readonly mailboxes = new Set<Mailbox>();
  private readonly durableQueues = new Map<string, DurableQueue>();
  private readonly durableMembers = new Set<DurableMember>();
  private readonly queueTurns = new Map<string, number>();

  constructor(
    private readonly observer: SafeObserver,
    private readonly redeliveryDelayMs: number,
  ) {
    observer.connectionChanged(true);
  }

  async publish<P, K extends string>(event: EventDef<P, K>, payload: P, ...params: PublishParams<K>): Promise<void> {
    this.assertOpen("publish");
    const subject = event.subject.format((params[0] ?? {}) as SubjectParams<K>);
    this.route({ subject, body: event.encode(payload) });
  }

  async publishRaw(subject: string, body: Uint8Array): Promise<void> {
    this.assertOpen("publish");
    this.route({ subject, body: body.slice() });
  }

  async subscribe<P, K extends string>(
    event: EventDef<P, K>,
    handler: EventHandler<P, K>,
    options: SubscribeOptions<K> = {},
  ): Promise<Subscription> {
    this.assertOpen("subscribe");
    checkSubscribeOptions(event, options);
    const pattern = event.subject.pattern(options.params);
    const deliver: Deliver = (m) => deliverEvent(event, handler, m.body, m.subject, this.observer);
    if (options.durable !== undefined) return this.joinDurable(options.durable, pattern, deliver);
    return this.openMailbox(pattern, options.queue, deliver);
  }

  async subscribeRaw(subject: string, handler: RawHandler, options: RawSubscribeOptions = {}): Promise<Subscription> {
    this.assertOpen("subscribe");
    if (options.queue !== undefined) checkQueueName(options.queue);
    return this.openMailbox(subject, options.queue, (m) => deliverRaw(handler, m.body, m.subject, this.observer));
  }

  async keyValue(bucket: string, options: KeyValueOptions = {}): Promise<KeyValue> {
    this.assertOpen("open a key-value bucket");
    checkBucket(bucket);
    let opened = this.buckets.get(bucket);
    if (opened === undefined) {
      opened = new LocalKeyValue(bucket, options, () => this.buckets.delete(bucket));
      this.buckets.set(bucket, opened);
    }
    return opened;
  }

  ready(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const running = [...this.mailboxes, ...this.durableMembers].map((s) => {
      s.closed = true;
      return s.idle();
    });
    for (const queue of this.durableQueues.values()) queue.stop();
    this.mailboxes.clear();
    this.durableMembers.clear();
    this.durableQueues.clear();
    await Promise.allSettled(running);
    this.observer.connectionChanged(false);
  }

  private route(message: LocalMessage): void {
    const groups = new Map<string, Mailbox[]>();
    for (const mailbox of this.mailboxes) {
      if (!subjectMatches(mailbox.pattern, message.subject)) continue;
      if (mailbox.queue === undefined) {
        mailbox.put(message);
        continue;
      }
      const key = `${mailbox.pattern}\u0000${mailbox.queue}`;
      groups.set(key, [...(groups.get(key) ?? []), mailbox]);
    }
    for (const [key, members] of groups) {
      const turn = this.queueTurns.get(key) ?? 0;
      this.queueTurns.set(key, turn + 1);
      members[turn % members.length]?.put(message);
    }
    for (const queue of this.durableQueues.values()) {
      if (subjectMatches(queue.pattern, message.subject)) queue.put(message);
    }
    this.observer.published(message.subject);
  }

  private openMailbox(pattern: string, queue: string | undefined, deliver: Deliver): Subscription {
    const mailbox = new Mailbox(pattern, queue, deliver);
    this.mailboxes.add(mailbox);
    return {
      subject: pattern,
      unsubscribe: async () => {
        mailbox.closed = true;
        this.mailboxes.delete(mailbox);
        await mailbox.idle();
      },
    };
  }

  private joinDurable(name: string, pattern: string, deliver: Deliver): Subscription {
    const key = `${name}\u0000${pattern}`;
    let queue = this.durableQueues.get(key);
    if (queue === undefined) {
      queue = new DurableQueue(pattern, this.redeliveryDelayMs);
      this.durableQueues.set(key, queue);
    }
    const member = new DurableMember(queue, deliver);
    this.durableMembers.add(member);
    queue.join(member);
    const joined = queue;
    return {
      subject: pattern,
      unsubscribe: async () => {
        member.closed = true;
        joined.leave(member);
        this.durableMembers.delete(member);
        await member.idle();
      },
    };
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new BusClosedError(operation);
  }
}

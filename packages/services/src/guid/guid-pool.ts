/**
 * One (realm, kind)'s GUIDs in this process: requests are served from the local stock, and the
 * stock is refilled from the database in the background before it runs dry (ToCloud9's
 * prefetching), with at most one reservation in flight, however many requests are waiting.
 */
import { GuidError } from "./errors.js";
import type { GuidKind } from "./guid-kinds.js";
import { GuidStock, type GuidRange } from "./guid-stock.js";
import type { GuidSource } from "./high-water-store.js";

/** When and how much a pool reserves. */
export interface GuidPoolPolicy {
  /** A reservation takes this many times the GUIDs of the request that triggered it (ToCloud9: 5). */
  readonly prefetchMultiplier: number;
  /** Share of the stock handed out, 0–1, from which a reservation starts in the background (ToCloud9: 0.7). */
  readonly prefetchAtUsed: number;
}

/** What a pool reports: for metrics and logs. */
export interface GuidPoolObserver {
  /** A reservation committed `range` in the database. */
  reserved(range: GuidRange): void;
  /** `count` GUIDs were handed out; `left` remain in the stock. */
  handedOut(count: bigint, left: bigint): void;
  /** A reservation failed; waiting requests fail with the error, later ones try again. */
  reservationFailed(error: unknown): void;
}

interface Waiter {
  readonly count: bigint;
  /** The caller's signal; aborting it takes the request out of the queue. */
  readonly signal: AbortSignal | undefined;
  resolve(ranges: GuidRange[]): void;
  reject(error: unknown): void;
}

/** One abort listener and the waiting requests it serves. */
interface SignalWatch {
  readonly onAbort: () => void;
  readonly waiters: Set<Waiter>;
}

/** The GUIDs of one kind for one realm, served from a local stock. */
export class GuidPool {
  readonly #stock = new GuidStock();
  readonly #waiters: Waiter[] = [];
  /** One listener per distinct caller signal: in-process calls without options all share one signal. */
  readonly #watches = new Map<AbortSignal, SignalWatch>();
  readonly #source: GuidSource;
  readonly #policy: GuidPoolPolicy;
  readonly #observer: GuidPoolObserver;
  /** The realm these GUIDs belong to. */
  readonly realmId: number;
  readonly kind: GuidKind;
  #reserving: Promise<void> | undefined;
  #exhausted = false;

  constructor(target: { realmId: number; kind: GuidKind }, source: GuidSource, policy: GuidPoolPolicy, observer: GuidPoolObserver) {
    this.realmId = target.realmId;
    this.kind = target.kind;
    this.#source = source;
    this.#policy = policy;
    this.#observer = observer;
  }

  /** GUIDs in the local stock. */
  get left(): bigint {
    return this.#stock.left;
  }

  /** True once the kind's column is used up to its ceiling. */
  get exhausted(): boolean {
    return this.#exhausted;
  }

  /**
   * Hands out `count` GUIDs as inclusive ranges (more than one when the stock spans several
   * reservations). Requests are served in arrival order. Fails with `TC9_ERR_GUID_EXHAUSTED` when
   * the column cannot hold `count` more GUIDs, `TC9_ERR_GUID_ABANDONED` when `signal` aborts
   * first, or with the database's error when the reservation it waited for failed.
   */
  take(count: bigint, signal?: AbortSignal): Promise<GuidRange[]> {
    if (this.#waiters.length === 0 && this.#stock.left >= count) {
      const ranges = this.#handOut(count);
      if (this.#stock.usedFraction() >= this.#policy.prefetchAtUsed) this.#startReserving(count);
      return Promise.resolve(ranges);
    }
    if (this.#exhausted) return Promise.reject(this.#exhaustedError(count));
    if (signal?.aborted) return Promise.reject(this.#abandonedError());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { count, signal, resolve, reject };
      this.#waiters.push(waiter);
      this.#watch(waiter);
      this.#startReserving(count);
    });
  }

  /** Resolves once no reservation is running (the module waits for this before it stops). */
  async settled(): Promise<void> {
    while (this.#reserving !== undefined) await this.#reserving;
  }

  #startReserving(hint: bigint): void {
    if (this.#reserving !== undefined || this.#exhausted) return;
    // Started on the next microtask, so that the round's own `finally` always runs after this assignment.
    this.#reserving = Promise.resolve().then(() => this.#reserveWhileNeeded(hint));
  }

  /**
   * Reserves until every waiting request is served: each round asks for what the waiting
   * requests lack plus a prefetch batch. `#reserving` is cleared synchronously after the last
   * check of the queue, so a request that arrives later always starts a new round.
   */
  async #reserveWhileNeeded(hint: bigint): Promise<void> {
    const batch = hint * BigInt(this.#policy.prefetchMultiplier);
    try {
      do {
        const waiting = this.#waiters.reduce((sum, waiter) => sum + waiter.count, 0n);
        const shortfall = waiting > this.#stock.left ? waiting - this.#stock.left : 0n;
        const range = await this.#source.reserve(shortfall + batch);
        if (range === undefined) {
          this.#exhausted = true;
          break;
        }
        this.#stock.add(range);
        this.#observer.reserved(range);
        this.#serveWaiters();
      } while (this.#waiters.length > 0);
      if (this.#exhausted) this.#settleWaiters((count) => this.#exhaustedError(count));
    } catch (error) {
      this.#observer.reservationFailed(error);
      this.#settleWaiters(() => error);
    } finally {
      this.#reserving = undefined;
    }
  }

  #watch(waiter: Waiter): void {
    const signal = waiter.signal;
    if (signal === undefined) return;
    let watch = this.#watches.get(signal);
    if (watch === undefined) {
      watch = { onAbort: () => this.#abandon(signal), waiters: new Set() };
      signal.addEventListener("abort", watch.onAbort, { once: true });
      this.#watches.set(signal, watch);
    }
    watch.waiters.add(waiter);
  }

  #unwatch(waiter: Waiter): void {
    const signal = waiter.signal;
    const watch = signal === undefined ? undefined : this.#watches.get(signal);
    if (signal === undefined || watch === undefined) return;
    watch.waiters.delete(waiter);
    if (watch.waiters.size > 0) return;
    signal.removeEventListener("abort", watch.onAbort);
    this.#watches.delete(signal);
  }

  /** The callers behind `signal` stopped waiting: their requests leave the queue, the next ones may now fit. */
  #abandon(signal: AbortSignal): void {
    const watch = this.#watches.get(signal);
    if (watch === undefined) return;
    this.#watches.delete(signal);
    for (const waiter of watch.waiters) {
      const index = this.#waiters.indexOf(waiter);
      if (index >= 0) this.#waiters.splice(index, 1);
      waiter.reject(this.#abandonedError());
    }
    this.#serveWaiters();
  }

  #handOut(count: bigint): GuidRange[] {
    const ranges = this.#stock.take(count);
    this.#observer.handedOut(count, this.#stock.left);
    return ranges;
  }

  /** Serves waiting requests in order while the stock covers the first one. */
  #serveWaiters(): void {
    for (let first = this.#waiters[0]; first !== undefined && first.count <= this.#stock.left; first = this.#waiters[0]) {
      this.#waiters.shift();
      this.#unwatch(first);
      first.resolve(this.#handOut(first.count));
    }
  }

  /** After a failed or final reservation: serves the requests the stock still covers, fails the rest. */
  #settleWaiters(errorFor: (count: bigint) => unknown): void {
    const waiters = this.#waiters.splice(0);
    for (const waiter of waiters) {
      this.#unwatch(waiter);
      if (waiter.count <= this.#stock.left) waiter.resolve(this.#handOut(waiter.count));
      else waiter.reject(errorFor(waiter.count));
    }
  }

  #exhaustedError(count: bigint): GuidError {
    return new GuidError(
      "TC9_ERR_GUID_EXHAUSTED",
      `realm ${this.realmId} cannot get ${count} more ${this.kind.label} GUIDs: ${this.kind.table}.${this.kind.column} ` +
        `holds ids up to ${this.kind.ceiling} and the realm has used them up (${this.#stock.left} left here); ` +
        `ask for at most ${this.#stock.left}`,
    );
  }

  #abandonedError(): GuidError {
    return new GuidError(
      "TC9_ERR_GUID_ABANDONED",
      `the caller stopped waiting for ${this.kind.label} GUIDs of realm ${this.realmId}; give the call a longer deadline`,
    );
  }
}

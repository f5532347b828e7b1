import { WorldSimulatorError } from "./errors.js";

/** Delay statistics of the world loop in milliseconds, as the sidecar reports them (`delay_*`). */
export interface WorldLoopStats {
  readonly mean: number;
  readonly median: number;
  readonly percentile95: number;
  readonly percentile99: number;
  readonly max: number;
}

/** Receives failures of queued work; the loop itself never throws. */
export type WorldTaskFailure = (error: unknown) => void;

type Task = () => unknown;

/** How many recent update diffs the statistics cover. */
const STATS_WINDOW = 200;

/**
 * The simulated world thread. AzerothCore runs session packets, the sidecar's queued gRPC and HTTP
 * work and timers inside its world update loop; here every such piece of work is a task queued on
 * this loop and run in order, one tick at a time. A stalled loop runs nothing, so everything queued
 * waits, exactly what makes a real worldserver's sidecar probes time out.
 */
export class WorldLoop {
  readonly #tickMs: number;
  readonly #onFailure: WorldTaskFailure;
  #queue: Task[] = [];
  #timer: NodeJS.Timeout | undefined;
  #lastTick = performance.now();
  #diffs: number[] = [];
  #stalledUntil = 0;
  #running = false;
  #stopped = false;
  /** Cancels the {@link run} calls still waiting, when the loop stops. */
  readonly #pending = new Set<() => void>();

  constructor(tickMs: number, onFailure: WorldTaskFailure) {
    this.#tickMs = tickMs;
    this.#onFailure = onFailure;
    this.#schedule(tickMs);
  }

  /** Queues work for the next tick; its failure goes to the failure handler. */
  enqueue(task: () => unknown): void {
    if (!this.#stopped) this.#queue.push(task);
  }

  /**
   * Runs `task` on the loop and resolves with its result; rejects with a LOOP_TIMEOUT
   * {@link WorldSimulatorError} when it has not finished within `timeoutMs` (the task stays queued
   * and runs later, its result then ignored), or STOPPED when the loop stops first.
   */
  run<T>(task: () => T | Promise<T>, timeoutMs: number): Promise<T> {
    if (this.#stopped) return Promise.reject(stoppedError());
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#pending.delete(cancel);
        outcome();
      };
      const cancel = (): void => finish(() => reject(stoppedError()));
      const timer = setTimeout(() => finish(() => reject(timeoutError(timeoutMs))), timeoutMs);
      this.#pending.add(cancel);
      this.#queue.push(async () => {
        try {
          const result = await task();
          finish(() => resolve(result));
        } catch (error) {
          finish(() => reject(error));
        }
      });
    });
  }

  /** Blocks the loop for `ms` milliseconds, or until {@link resume} for `"forever"`. */
  stall(duration: number | "forever"): void {
    this.#stalledUntil = duration === "forever" ? Number.POSITIVE_INFINITY : performance.now() + duration;
    this.#reschedule();
  }

  /** Ends a stall at once. */
  resume(): void {
    this.#stalledUntil = 0;
    this.#reschedule();
  }

  /** True while a stall is in effect. */
  get stalled(): boolean {
    return performance.now() < this.#stalledUntil;
  }

  /** Tasks waiting for the next tick. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Delay statistics of the recent ticks (time between the starts of consecutive updates). */
  stats(): WorldLoopStats {
    const sorted = [...this.#diffs].sort((a, b) => a - b);
    if (sorted.length === 0) return { mean: 0, median: 0, percentile95: 0, percentile99: 0, max: 0 };
    const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
    const mean = sorted.reduce((sum, diff) => sum + diff, 0) / sorted.length;
    return { mean, median: at(0.5), percentile95: at(0.95), percentile99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
  }

  /** Stops ticking; queued work is dropped and pending {@link run} calls reject with STOPPED. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#queue = [];
    for (const cancel of [...this.#pending]) cancel();
  }

  #reschedule(): void {
    if (this.#stopped || this.#running) return;
    clearTimeout(this.#timer);
    this.#schedule(this.#delayUntilNextTick());
  }

  #delayUntilNextTick(): number {
    const now = performance.now();
    if (now < this.#stalledUntil) return this.#stalledUntil - now;
    return Math.max(0, this.#tickMs - (now - this.#lastTick));
  }

  #schedule(delay: number): void {
    if (this.#stopped || delay === Number.POSITIVE_INFINITY) return;
    this.#timer = setTimeout(() => void this.#tick(), delay);
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return;
    if (this.stalled) {
      this.#schedule(this.#delayUntilNextTick());
      return;
    }
    const now = performance.now();
    this.#diffs.push(now - this.#lastTick);
    if (this.#diffs.length > STATS_WINDOW) this.#diffs.shift();
    this.#lastTick = now;
    this.#running = true;
    const batch = this.#queue;
    this.#queue = [];
    for (const task of batch) {
      if (this.#stopped) break;
      try {
        await task();
      } catch (error) {
        this.#onFailure(error);
      }
    }
    this.#running = false;
    this.#schedule(this.#delayUntilNextTick());
  }
}

function timeoutError(timeoutMs: number): WorldSimulatorError {
  return new WorldSimulatorError(
    "TC9_ERR_WORLD_SIMULATOR_LOOP_TIMEOUT",
    `the world loop did not run the work within ${timeoutMs} ms; it is stalled or overloaded (resume() ends a stall)`,
  );
}

function stoppedError(): WorldSimulatorError {
  return new WorldSimulatorError("TC9_ERR_WORLD_SIMULATOR_STOPPED", "the worldserver simulator stopped before the world loop ran the work");
}

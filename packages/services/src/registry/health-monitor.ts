import { httpProbe } from "./http-probe.js";
import { parseServerGauges, type ServerGauges } from "./prometheus-gauges.js";

/** Something the registry watches: a worldserver's sidecar or a gateway. */
export interface HealthTarget {
  readonly kind: "game-server" | "gateway";
  readonly id: string;
  /** `host:port` serving `/healthcheck` and `/metrics`. */
  readonly healthCheckAddress: string;
}

/** What the monitor reports. */
export interface HealthObserver {
  /** The target answered `/healthcheck` with 200; `gauges` from `/metrics` when that answered too. */
  healthy(target: HealthTarget, gauges: ServerGauges | undefined): Promise<void>;
  /** The target failed `failuresToRemove` checks in a row and is no longer watched. */
  unhealthy(target: HealthTarget, reason: string): Promise<void>;
}

/** Timing of the checks. */
export interface HealthMonitorOptions {
  /** Start-to-start period of a round of checks. */
  readonly intervalMs: number;
  /** How long one probe may take. */
  readonly timeoutMs: number;
  /** Consecutive failed checks after which a target is dropped. */
  readonly failuresToRemove: number;
}

interface Watched {
  readonly target: HealthTarget;
  failures: number;
}

const keyOf = (target: Pick<HealthTarget, "kind" | "id">): string => `${target.kind}:${target.id}`;

/**
 * Polls every watched target's `/healthcheck` once per interval, all in parallel. A 200 resets the
 * target's failure count and is followed by a `/metrics` read; anything else (an error status, a
 * refused connection, a timeout) counts a failure, and `failuresToRemove` in a row drop the
 * target. Observer failures are passed to `onError` and never stop the loop.
 */
export class HealthMonitor {
  readonly #options: HealthMonitorOptions;
  readonly #observer: HealthObserver;
  readonly #onError: (error: unknown) => void;
  readonly #watched = new Map<string, Watched>();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: HealthMonitorOptions, observer: HealthObserver, onError: (error: unknown) => void) {
    this.#options = options;
    this.#observer = observer;
    this.#onError = onError;
  }

  /** Starts (or restarts) watching a target with a clean failure count. */
  watch(target: HealthTarget): void {
    this.#watched.set(keyOf(target), { target, failures: 0 });
  }

  unwatch(target: Pick<HealthTarget, "kind" | "id">): void {
    this.#watched.delete(keyOf(target));
  }

  start(): void {
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => this.#runRound(), this.#options.intervalMs);
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#round;
  }

  #runRound(): void {
    const started = Date.now();
    this.#round = Promise.all([...this.#watched.values()].map((watched) => this.#check(watched))).then(() => {
      if (this.#stopped) return;
      const wait = Math.max(0, this.#options.intervalMs - (Date.now() - started));
      this.#timer = setTimeout(() => this.#runRound(), wait);
    });
  }

  async #check(watched: Watched): Promise<void> {
    const { target } = watched;
    let reason: string | undefined;
    try {
      const health = await httpProbe(target.healthCheckAddress, "/healthcheck", this.#options.timeoutMs);
      if (health.status !== 200) reason = `/healthcheck answered ${health.status}`;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (this.#stopped || this.#watched.get(keyOf(target)) !== watched) return;
    try {
      if (reason === undefined) {
        watched.failures = 0;
        await this.#observer.healthy(target, await this.#readGauges(target));
        return;
      }
      watched.failures += 1;
      if (watched.failures < this.#options.failuresToRemove) return;
      this.#watched.delete(keyOf(target));
      await this.#observer.unhealthy(target, `${watched.failures} failed health checks, the last: ${reason}`);
    } catch (error) {
      this.#onError(error);
    }
  }

  async #readGauges(target: HealthTarget): Promise<ServerGauges | undefined> {
    try {
      const metrics = await httpProbe(target.healthCheckAddress, "/metrics", this.#options.timeoutMs);
      return metrics.status === 200 ? parseServerGauges(metrics.body) : undefined;
    } catch {
      return undefined;
    }
  }
}

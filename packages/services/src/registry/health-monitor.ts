import { HealthStreaks, type HealthThresholds } from "./health-streaks.js";
import { probeHealthcheck } from "./health-verdict.js";
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
  /** A worldserver's world loop stalled `degradedAfter` times; it stays watched. */
  degraded(target: HealthTarget, reason: string): Promise<void>;
  /** A degraded worldserver answered `recoverAfter` times in a row (reported before `healthy`). */
  recovered(target: HealthTarget): Promise<void>;
  /** The target was down `failuresToRemove` times and is no longer watched. */
  unhealthy(target: HealthTarget, reason: string): Promise<void>;
}

/** Timing of the checks and the thresholds of state changes. */
export interface HealthMonitorOptions extends HealthThresholds {
  /** Start-to-start period of a round of checks. */
  readonly intervalMs: number;
  /** How long one probe may take. */
  readonly timeoutMs: number;
}

interface Watched {
  readonly target: HealthTarget;
  readonly streaks: HealthStreaks;
}

const keyOf = (target: Pick<HealthTarget, "kind" | "id">): string => `${target.kind}:${target.id}`;

/**
 * Polls every watched target's `/healthcheck` once per interval, all in parallel, and feeds the
 * verdicts to the target's {@link HealthStreaks}: a good probe is followed by a `/metrics` read;
 * worldservers whose world loop stalls are reported degraded (and later recovered) and stay
 * watched; targets that are down are dropped. Observer failures are passed to `onError` and never
 * stop the loop.
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

  /** Starts (or restarts) watching a target as healthy, with clean counts. */
  watch(target: HealthTarget): void {
    this.#watched.set(keyOf(target), { target, streaks: new HealthStreaks(this.#options, target.kind === "game-server") });
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
    const { target, streaks } = watched;
    const verdict = await probeHealthcheck(target.healthCheckAddress, this.#options.timeoutMs);
    if (this.#stopped || this.#watched.get(keyOf(target)) !== watched) return;
    const change = streaks.record(verdict.kind);
    try {
      if (change === "removed") this.#watched.delete(keyOf(target));
      if (verdict.kind === "ok") {
        if (change === "recovered") await this.#observer.recovered(target);
        await this.#observer.healthy(target, await this.#readGauges(target));
      } else if (change === "degraded") {
        await this.#observer.degraded(target, verdict.reason);
      } else if (change === "removed") {
        await this.#observer.unhealthy(target, `${this.#options.failuresToRemove} failed health checks, the last: ${verdict.reason}`);
      }
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

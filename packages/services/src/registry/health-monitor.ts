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
  /** A worldserver stored as degraded (by another registry process) starts degraded; default false. */
  readonly degraded?: boolean;
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

/** Where the monitor learns what to watch, and whether this process probes at all. */
export interface HealthTargets {
  /** False while another registry process probes (it holds the lease): rounds are skipped. */
  active(): boolean;
  /** Every server registered now, read at the start of each active round. */
  list(): Promise<HealthTarget[]>;
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
 * watched; targets that are down are dropped. Each round first brings the watched set in line
 * with the store (servers registered through another registry process, or before a restart, are
 * watched from then on; removed ones are dropped), and is skipped while `targets.active()` is
 * false. Observer and store failures are passed to `onError` and never stop the loop.
 */
export class HealthMonitor {
  readonly #options: HealthMonitorOptions;
  readonly #observer: HealthObserver;
  readonly #targets: HealthTargets;
  readonly #onError: (error: unknown) => void;
  readonly #watched = new Map<string, Watched>();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: HealthMonitorOptions, observer: HealthObserver, targets: HealthTargets, onError: (error: unknown) => void) {
    this.#options = options;
    this.#observer = observer;
    this.#targets = targets;
    this.#onError = onError;
  }

  /** Starts (or restarts) watching a target as healthy, with clean counts. */
  watch(target: HealthTarget): void {
    this.#watched.set(keyOf(target), { target, streaks: new HealthStreaks(this.#options, target.kind === "game-server", target.degraded) });
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
    this.#round = this.#checkAll().then(() => {
      if (this.#stopped) return;
      const wait = Math.max(0, this.#options.intervalMs - (Date.now() - started));
      this.#timer = setTimeout(() => this.#runRound(), wait);
    });
  }

  async #checkAll(): Promise<void> {
    if (!this.#targets.active()) return;
    try {
      const registered = await this.#targets.list();
      const keys = new Set(registered.map(keyOf));
      for (const key of this.#watched.keys()) if (!keys.has(key)) this.#watched.delete(key);
      for (const target of registered) {
        if (this.#watched.get(keyOf(target))?.target.healthCheckAddress !== target.healthCheckAddress) this.watch(target);
      }
    } catch (error) {
      this.#onError(error);
    }
    await Promise.all([...this.#watched.values()].map((watched) => this.#check(watched)));
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

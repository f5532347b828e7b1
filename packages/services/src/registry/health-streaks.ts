import type { ProbeVerdict } from "./health-verdict.js";

/** When a watched server changes state; each counts probes since the last good one. */
export interface HealthThresholds {
  /** `down` probes after which the server is removed. */
  readonly failuresToRemove: number;
  /** `stalled` probes after which a worldserver is degraded. */
  readonly degradedAfter: number;
  /** Good probes in a row after which a degraded worldserver is healthy again. */
  readonly recoverAfter: number;
}

/** What one probe changed. */
export type HealthChange = "none" | "degraded" | "recovered" | "removed";

/**
 * The health of one watched server, fed one probe verdict at a time. A good probe clears both
 * failure counts; `failuresToRemove` down probes without a good one in between remove the server;
 * `degradedAfter` stalled probes without a good one in between degrade it (when it can degrade —
 * worldservers can, gateways count a stall as down); `recoverAfter` good probes in a row end a
 * degradation. A degraded server is never removed for stalling, only for being down.
 */
export class HealthStreaks {
  readonly #thresholds: HealthThresholds;
  readonly #canDegrade: boolean;
  #degraded = false;
  #downs = 0;
  #stalls = 0;
  #goods = 0;

  /** `degraded`: the state it starts in (a server another registry process had degraded). */
  constructor(thresholds: HealthThresholds, canDegrade: boolean, degraded = false) {
    this.#thresholds = thresholds;
    this.#canDegrade = canDegrade;
    this.#degraded = canDegrade && degraded;
  }

  get degraded(): boolean {
    return this.#degraded;
  }

  /** Counts one probe and says what it changed. */
  record(verdict: ProbeVerdict["kind"]): HealthChange {
    if (verdict === "ok") {
      this.#downs = 0;
      this.#stalls = 0;
      this.#goods += 1;
      if (!this.#degraded || this.#goods < this.#thresholds.recoverAfter) return "none";
      this.#degraded = false;
      return "recovered";
    }
    this.#goods = 0;
    if (verdict === "stalled" && this.#canDegrade) {
      this.#stalls += 1;
      if (this.#degraded || this.#stalls < this.#thresholds.degradedAfter) return "none";
      this.#degraded = true;
      return "degraded";
    }
    this.#downs += 1;
    return this.#downs >= this.#thresholds.failuresToRemove ? "removed" : "none";
  }
}

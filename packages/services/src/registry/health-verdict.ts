import { ProbeTimeoutError } from "./errors.js";
import { httpProbe } from "./http-probe.js";

/**
 * How one `/healthcheck` probe went:
 * - `ok`: 200;
 * - `stalled`: the process is there but its world loop did not answer in time — 503 or 504 (the
 *   sidecar's own deadline, ToCloud9 PR #37) or a timeout on an accepted connection;
 * - `down`: nothing serves the address any more — refused, reset, a connection never accepted, or
 *   any other answer.
 */
export type ProbeVerdict = { readonly kind: "ok" } | { readonly kind: "stalled" | "down"; readonly reason: string };

const STALLED_STATUSES: ReadonlySet<number> = new Set([503, 504]);

/** Probes `http://<address>/healthcheck` once and classifies the answer. */
export async function probeHealthcheck(address: string, timeoutMs: number): Promise<ProbeVerdict> {
  try {
    const { status } = await httpProbe(address, "/healthcheck", timeoutMs);
    if (status === 200) return { kind: "ok" };
    return { kind: STALLED_STATUSES.has(status) ? "stalled" : "down", reason: `/healthcheck answered ${status}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: error instanceof ProbeTimeoutError && error.connected ? "stalled" : "down", reason };
  }
}

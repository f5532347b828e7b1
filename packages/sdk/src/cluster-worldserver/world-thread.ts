import type { CallContext } from "../contracts/contract.js";
import { RpcError, RpcStatus } from "../runtime/rpc-error.js";
import { WorldThreadError } from "./errors.js";

/** What the monitoring handler reports (ToCloud9's `/metrics` gauges). Delays in milliseconds. */
export interface WorldMonitoring {
  /** Players in the world. */
  readonly activeConnections: number;
  readonly delayMean: number;
  readonly delayMedian: number;
  readonly delay95Percentile: number;
  readonly delay99Percentile: number;
  readonly delayMax: number;
}

/**
 * A worldserver's world thread as the cluster side sees it: work queued there runs only when the
 * world loop reaches it. Implemented by the simulator's WorldLoop and by the sidecar's bridge to
 * libsidecar. Every method rejects with a {@link WorldThreadError}: DEADLINE when the loop did not
 * run it within `deadlineMs`, UNAVAILABLE without a world loop.
 */
export interface WorldThread {
  /** Runs the health probe (nothing) on the world loop. */
  probe(deadlineMs: number): Promise<void>;
  /** Reads the monitoring values on the world loop; undefined when the worldserver has none to give. */
  monitor(deadlineMs: number): Promise<WorldMonitoring | undefined>;
}

const STATUS_OF: Readonly<Record<WorldThreadError["code"], RpcStatus>> = {
  TC9_ERR_WORLD_THREAD_DEADLINE: RpcStatus.DEADLINE_EXCEEDED,
  TC9_ERR_WORLD_THREAD_UNAVAILABLE: RpcStatus.UNAVAILABLE,
  TC9_ERR_WORLD_THREAD_MALFORMED: RpcStatus.INTERNAL,
  TC9_ERR_WORLD_THREAD_LISTEN: RpcStatus.INTERNAL,
};

/**
 * Runs one WorldServerService call on the world loop: `run` gets the deadline (`timeoutMs`,
 * ToCloud9's 5 s, shortened to the caller's own deadline when that is earlier). World-thread
 * failures become the statuses ToCloud9's C++ sidecar answers with: DEADLINE_EXCEEDED when the
 * loop did not run it in time, UNAVAILABLE without a worldserver, INTERNAL when it could not read
 * it. Any other error (e.g. an RpcError of the handler) passes through.
 */
export async function callOnWorld<T>(run: (deadlineMs: number) => Promise<T>, timeoutMs: number, context?: CallContext): Promise<T> {
  const remaining = context?.deadline === undefined ? timeoutMs : Math.min(timeoutMs, context.deadline - Date.now());
  if (remaining <= 0) throw new RpcError(RpcStatus.DEADLINE_EXCEEDED, "the caller's deadline passed before the call reached the world loop");
  try {
    return await run(Math.ceil(remaining));
  } catch (error) {
    if (error instanceof WorldThreadError) throw new RpcError(STATUS_OF[error.code], error.message, { cause: error });
    throw error;
  }
}

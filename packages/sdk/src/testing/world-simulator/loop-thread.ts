import { WorldThreadError } from "../../cluster-worldserver/errors.js";
import type { WorldMonitoring, WorldThread } from "../../cluster-worldserver/world-thread.js";
import { WorldSimulatorError } from "./errors.js";
import type { WorldLoop } from "./world-loop.js";

/**
 * Runs `task` on the simulated world loop within `deadlineMs`; a missed deadline or a stopped loop
 * is the shared {@link WorldThreadError} (DEADLINE / UNAVAILABLE), as the sidecar reports them.
 */
export async function runOnLoop<T>(loop: WorldLoop, task: () => T | Promise<T>, deadlineMs: number): Promise<T> {
  try {
    return await loop.run(task, deadlineMs);
  } catch (error) {
    if (!(error instanceof WorldSimulatorError)) throw error;
    const code = error.code === "TC9_ERR_WORLD_SIMULATOR_LOOP_TIMEOUT" ? "TC9_ERR_WORLD_THREAD_DEADLINE" : "TC9_ERR_WORLD_THREAD_UNAVAILABLE";
    throw new WorldThreadError(code, error.message, { cause: error });
  }
}

/** The simulated world loop as the cluster side's {@link WorldThread}: probes and monitoring run on it. */
export function loopWorldThread(loop: WorldLoop, activeConnections: () => number): WorldThread {
  return {
    probe: (deadlineMs) => runOnLoop(loop, () => undefined, deadlineMs),
    monitor: (deadlineMs) =>
      runOnLoop(loop, (): WorldMonitoring => {
        const delay = loop.stats();
        return {
          activeConnections: activeConnections(),
          delayMean: delay.mean,
          delayMedian: delay.median,
          delay95Percentile: delay.percentile95,
          delay99Percentile: delay.percentile99,
          delayMax: delay.max,
        };
      }, deadlineMs),
  };
}

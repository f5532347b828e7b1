import type { CliIo } from "./cli-io.js";

/** The process signals that stop a long-running command. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Resolves with what stopped a long-running command: `io.stopSignal` aborting ("abort") when the
 * caller gave one, else the first SIGINT or SIGTERM the process receives. The signal listeners are
 * removed once it resolves, so a second Ctrl-C ends the process as usual.
 */
export function waitForStop(io: CliIo): Promise<string> {
  const signal = io.stopSignal;
  if (signal !== undefined) {
    if (signal.aborted) return Promise.resolve("abort");
    return new Promise((resolve) => signal.addEventListener("abort", () => resolve("abort"), { once: true }));
  }
  return new Promise((resolve) => {
    const stop = (name: NodeJS.Signals): void => {
      for (const other of STOP_SIGNALS) process.off(other, stop);
      resolve(name);
    };
    for (const name of STOP_SIGNALS) process.once(name, stop);
  });
}

import type { CallOptions } from "../../contracts/contract.js";

const neverAborted = new AbortController().signal;

/** The signal and absolute deadline a call runs under, from the caller's options. */
export function callSignal(options: CallOptions | undefined): { signal: AbortSignal; deadline: number | undefined } {
  if (!options || (options.timeoutMs === undefined && !options.signal)) {
    return { signal: neverAborted, deadline: undefined };
  }
  const signals: AbortSignal[] = [];
  if (options.signal) signals.push(options.signal);
  let deadline: number | undefined;
  if (options.timeoutMs !== undefined) {
    deadline = Date.now() + options.timeoutMs;
    signals.push(AbortSignal.timeout(options.timeoutMs));
  }
  const signal = signals.length === 1 ? (signals[0] as AbortSignal) : AbortSignal.any(signals);
  return { signal, deadline };
}

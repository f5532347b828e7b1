/** Backoff of {@link retryWithBackoff}. */
export interface BackoffPolicy {
  /** First wait after a failure. */
  readonly initialMs: number;
  /** Longest wait; each failure doubles the previous one up to this. */
  readonly maxMs: number;
  /** Gives up (rethrowing the last error) once this much time has passed; default never. */
  readonly giveUpAfterMs?: number;
}

/** Resolves after `ms`, or at once (false) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, waiting with exponential backoff between failures and
 * reporting each failure to `onFailure`. Rejects with the last error when `signal` aborts or
 * `giveUpAfterMs` has passed.
 */
export async function retryWithBackoff<T>(
  attempt: () => Promise<T>,
  policy: BackoffPolicy,
  signal: AbortSignal,
  onFailure: (error: unknown, attempt: number) => void,
): Promise<T> {
  const started = Date.now();
  let wait = policy.initialMs;
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      onFailure(error, attempts);
      const outOfTime = policy.giveUpAfterMs !== undefined && Date.now() - started + wait > policy.giveUpAfterMs;
      if (outOfTime || !(await sleep(wait, signal))) throw error;
      wait = Math.min(policy.maxMs, wait * 2);
    }
  }
}

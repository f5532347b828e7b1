/**
 * Shared measuring for `npm run bench`: every benchmark is a subject judged against a baseline
 * measured in the same run, so results are ratios that hold across machines.
 */
import { performance } from "node:perf_hooks";

/** One measured operation. */
export interface BenchMeasurement {
  readonly label: string;
  readonly opsPerSec: number;
}

/** A subject and the baseline it is judged against; `target` is the ratio it should reach. */
export interface BenchComparison {
  readonly name: string;
  readonly baseline: BenchMeasurement;
  readonly subject: BenchMeasurement;
  readonly target?: number;
}

/** Runs a synchronous `operation` in batches for about `durationMs` (after a warm-up); returns ops/s. */
export function measure(operation: () => void, durationMs: number, batchSize: number): number {
  const warmUpUntil = performance.now() + Math.min(200, durationMs / 5);
  while (performance.now() < warmUpUntil) {
    for (let index = 0; index < batchSize; index++) operation();
  }
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let index = 0; index < batchSize; index++) operation();
    operations += batchSize;
    elapsed = performance.now() - start;
  } while (elapsed < durationMs);
  return (operations * 1000) / elapsed;
}

/**
 * Runs an asynchronous `operation` with `concurrency` calls in flight for about `durationMs`
 * (after a warm-up); returns completed ops/s.
 */
export async function measureAsync(operation: () => Promise<unknown>, durationMs: number, concurrency: number): Promise<number> {
  const run = async (until: number): Promise<number> => {
    let done = 0;
    const worker = async (): Promise<void> => {
      while (performance.now() < until) {
        await operation();
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return done;
  };
  await run(performance.now() + Math.min(300, durationMs / 4));
  const start = performance.now();
  const done = await run(start + durationMs);
  return (done * 1000) / (performance.now() - start);
}

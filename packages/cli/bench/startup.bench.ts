/**
 * `tc9 --help` start-up (issue: under 300 ms) against a bare `node -e ""` start in the same run,
 * both as fresh processes, median of 15 after 2 warm-ups. The CLI runs from `dist` as an installed
 * `tc9` does (built with `tsc -b packages/cli` first when missing). Target: at most 6× a bare Node
 * start, which is 300 ms for a Node that starts in 50 ms.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import type { BenchComparison } from "../../sdk/bench/measure.js";

const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));
const TC9_BIN = `${CLI_DIR}bin/tc9.js`;
const RUNS = 15;
const WARM_UPS = 2;

function medianStartMs(args: readonly string[]): number {
  const times: number[] = [];
  for (let run = 0; run < WARM_UPS + RUNS; run += 1) {
    const startedAt = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: "ignore" });
    const elapsed = performance.now() - startedAt;
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${String(result.status)}`);
    if (run >= WARM_UPS) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function benchCliStartup(): Promise<BenchComparison> {
  if (!existsSync(`${CLI_DIR}dist/main.js`)) execFileSync("npx", ["tsc", "-b", CLI_DIR], { stdio: "inherit" });
  const bareMs = medianStartMs(["-e", ""]);
  const helpMs = medianStartMs([TC9_BIN, "--help"]);
  return {
    name: "tc9 --help start-up vs a bare node start",
    baseline: { label: `node -e "" median ${bareMs.toFixed(0)} ms`, opsPerSec: 1000 / bareMs },
    subject: { label: `tc9 --help (dist) median ${helpMs.toFixed(0)} ms (issue target < 300 ms)`, opsPerSec: 1000 / helpMs },
    target: 1 / 6,
  };
}

// Runs node's test runner over every package's tests, from source (the tc9:source export condition).
// Node 20 does not expand globs, so the files are listed here. Extra arguments narrow the run to the
// test files whose path contains one of them: `npm test -- bus storage`.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";

const roots = ["packages", "examples"];
const isTest = (name) => /\.test\.tsx?$/.test(name);

function collect(dir, out) {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "dist") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (isTest(entry)) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap((root) => collect(root, []))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`no test files matched ${filters.join(", ") || "(all)"}`);
  process.exit(1);
}

const concurrency = Math.max(1, Math.min(4, availableParallelism()));
const result = spawnSync(
  process.execPath,
  [
    "--conditions=tc9:source",
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    `--test-concurrency=${concurrency}`,
    ...files,
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);

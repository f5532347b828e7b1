/**
 * Runs `src/main.ts` in both modes, each as a child process, and checks what it prints: the same
 * greetings either way, and the greeter's calls to the counter travelling in-process in one
 * process and over gRPC across two.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { before, describe, it } from "node:test";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const EXPECTED_GREETINGS = [
  "Hello, Ada! You are visitor #1.",
  "Hello, Grace! You are visitor #2.",
  "Hello, Linus! You are visitor #3.",
];

interface RpcCounter {
  readonly labels: Readonly<Record<string, string>>;
  readonly count: number;
}

interface RunResult {
  readonly greetings: string[];
  readonly rpcCounters: RpcCounter[];
  readonly stdout: string;
}

/** Runs main.ts with `--mode <mode>`; rejects (with its output) unless it exits with code 0. */
async function runMain(mode: string): Promise<RunResult> {
  const args = ["--conditions=tc9:source", "--import", "tsx", MAIN, "--mode", mode];
  const { stdout } = await promisify(execFile)(process.execPath, args, { timeout: 60_000 });
  const lines = stdout.split("\n").map((line) => line.trim());
  return {
    greetings: lines.filter((line) => line.startsWith("Hello, ")),
    rpcCounters: lines.flatMap(parseRpcCounter),
    stdout,
  };
}

/** `tc9_rpc_calls_total{a="x",b="y"} 3` → labels and count; other lines → nothing. */
function parseRpcCounter(line: string): RpcCounter[] {
  const match = /^tc9_rpc_calls_total\{(.*)\} (\d+)$/.exec(line);
  if (match === null) return [];
  const labels = Object.fromEntries([...(match[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return [{ labels, count: Number(match[2]) }];
}

/** The greeter's client-side calls to CounterService, as counted on `node`. */
function counterCallsFrom(result: RunResult, node: string): RpcCounter[] {
  return result.rpcCounters.filter(
    ({ labels }) => labels.node === node && labels.contract === "hello.v1.CounterService" && labels.side === "client",
  );
}

describe("examples/hello-cluster", () => {
  let oneProcess: RunResult;
  let twoProcesses: RunResult;

  before(async () => {
    // The two modes listen on different fixed ports, so they can run side by side.
    [oneProcess, twoProcesses] = await Promise.all([runMain("one-process"), runMain("two-processes")]);
  });

  it("greets every visitor with the next number, the same in both modes", () => {
    assert.deepEqual(oneProcess.greetings, EXPECTED_GREETINGS, oneProcess.stdout);
    assert.deepEqual(twoProcesses.greetings, oneProcess.greetings, twoProcesses.stdout);
  });

  it("calls the counter in-process when both modules share node all", () => {
    assert.deepEqual(counterCallsFrom(oneProcess, "all"), [
      {
        labels: { contract: "hello.v1.CounterService", method: "Next", side: "client", binding: "in-process", code: "OK", node: "all" },
        count: 3,
      },
    ]);
  });

  it("calls the counter over gRPC when it runs in another process", () => {
    assert.deepEqual(counterCallsFrom(twoProcesses, "greeter"), [
      {
        labels: { contract: "hello.v1.CounterService", method: "Next", side: "client", binding: "grpc", code: "OK", node: "greeter" },
        count: 3,
      },
    ]);
    const served = twoProcesses.rpcCounters.filter(({ labels }) => labels.node === "counter" && labels.side === "server");
    assert.deepEqual(
      served.map(({ labels, count }) => [labels.contract, labels.binding, count]),
      [["hello.v1.CounterService", "grpc", 3]],
    );
  });

  it("stops the counter child process cleanly", () => {
    assert.match(twoProcesses.stdout, /^node counter stopped cleanly \(exit code 0\)$/m);
  });
});

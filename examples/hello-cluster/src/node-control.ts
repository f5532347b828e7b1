/** Driving the example's nodes from outside: spawn one as a child, wait for `/readyz`, read `/metrics`, stop it. */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const NODE_ENTRY = fileURLToPath(new URL("./node.ts", import.meta.url));

/**
 * Starts `src/node.ts <nodeName>` in a new Node process with this process's loader flags
 * (`--conditions=tc9:source --import tsx`); its logs go to this process's stderr.
 */
export function spawnNode(nodeName: string): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, NODE_ENTRY, nodeName], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Sends SIGTERM and waits for the exit; throws unless the node stopped cleanly (exit code 0). */
export async function stopNode(child: ChildProcess, nodeName: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exit = once(child, "exit");
    child.kill("SIGTERM");
    await exit;
  }
  if (child.exitCode !== 0) {
    throw new Error(`node ${nodeName} exited with code ${child.exitCode ?? child.signalCode}; see its log above`);
  }
}

/**
 * Polls `<httpUrl>/readyz` until it answers 200. Gives up after `timeoutMs`, or at once when
 * `child` (the process serving it, if any) exits.
 */
export async function waitUntilReady(httpUrl: string, child?: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child !== undefined && child.exitCode !== null) {
      throw new Error(`the node behind ${httpUrl} exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${httpUrl}/readyz`);
      if (response.ok) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${httpUrl}/readyz did not answer 200 within ${timeoutMs} ms (${last})`);
}

/** The `tc9_rpc_calls_total` lines of a node's Prometheus `/metrics`: one per contract, method, side, binding and status. */
export async function rpcCallLines(httpUrl: string): Promise<string[]> {
  const response = await fetch(`${httpUrl}/metrics`);
  const text = await response.text();
  return text.split("\n").filter((line) => line.startsWith("tc9_rpc_calls_total{"));
}

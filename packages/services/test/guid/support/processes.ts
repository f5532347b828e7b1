/** Child processes and ports for the guid tests that run a guid node in another OS process. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
export { freePort } from "@tc9/sdk/testing";

/** Runs `guid-node-main.ts` from source in a new Node process. */
export function spawnGuidNode(charactersUrl: string, ports: { grpc: number; http: number }): ChildProcess {
  const entry = fileURLToPath(new URL("./guid-node-main.ts", import.meta.url));
  return spawn(
    process.execPath,
    ["--conditions=tc9:source", "--import", "tsx", entry, charactersUrl, String(ports.grpc), String(ports.http)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}

/** Polls `url` until it answers 200; fails after `timeoutMs` with the last answer. */
export async function waitForOk(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not OK within ${timeoutMs} ms (${last})`);
}

/** Sends SIGTERM and resolves with the exit code once the process has exited. */
export function terminate(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}

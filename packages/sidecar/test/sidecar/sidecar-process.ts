import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { eventually } from "@tc9/sdk/testing";
export { freePort } from "@tc9/sdk/testing";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

/** The tc9-sidecar process (src/main.ts under tsx) and what it printed. */
export interface SidecarProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the sidecar process with `env` (the TC9_* variables). */
export function startSidecarProcess(env: Record<string, string>): SidecarProcess {
  const child = spawn(process.execPath, ["--conditions=tc9:source", "--import", "tsx", MAIN], {
    env: { ...process.env, ...env },
    cwd: fileURLToPath(new URL("../../../../", import.meta.url)),
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** `eventually` from @tc9/sdk/testing where a check that throws counts as "not yet". */
export function eventuallyAnswered<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  return eventually(what, () => check().catch(() => undefined), timeoutMs);
}

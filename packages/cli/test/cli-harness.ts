import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../src/cli-io.js";
import { runCli } from "../src/program.js";

/** What one run of the CLI printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run it: extra environment variables (nothing else of the test's is passed) and stdin text. */
export interface CliRunOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string;
}

/**
 * Runs the program in this process with captured, non-TTY streams and only `options.env` as the
 * environment (so a developer's TC9_* variables cannot leak into a test).
 */
export async function runInProcess(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    env: { ...options.env },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A command running in this process: what it printed so far, a way to stop it, and how it ended. */
export interface RunningCli {
  output(): { readonly stdout: string; readonly stderr: string };
  /** Aborts `CliIo.stopSignal`, as SIGINT would stop it. */
  stop(): void;
  readonly exit: Promise<CliRun>;
}

/** Starts a long-running command (`tc9 sim`) in this process with a stop signal the test controls. */
export function startInProcess(argv: readonly string[], options: CliRunOptions = {}): RunningCli {
  let stdout = "";
  let stderr = "";
  const controller = new AbortController();
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    env: { ...options.env },
    stopSignal: controller.signal,
  };
  const exit = runCli(argv, io).then((code) => ({ code, stdout, stderr }));
  return { output: () => ({ stdout, stderr }), stop: () => controller.abort(), exit };
}

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));

const variablesTheCliReads = new Set(["TC9_AUTH_DB", "TC9_CHARACTERS_DB", "TC9_NATS_URL", "NO_COLOR"]);

/** Spawns `tc9` from source, as an operator would run it, with the test's environment minus what the CLI reads. */
export function spawnCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !variablesTheCliReads.has(name)));
  const child = spawn(process.execPath, ["--conditions=tc9:source", "--import", "tsx", main, ...argv], {
    env: { ...env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

import { resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { reportOutcome } from "../../output.js";
import { readRunState, runStateFile, supervisorAlive, type RunState } from "../../run-state/index.js";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "../../supervisor/errors.js";

/** Parsed options of `tc9 down`. */
export interface DownOptions {
  readonly dir: string;
  readonly timeout: number;
  readonly json?: boolean | undefined;
}

const POLL_MS = 100;

/**
 * `tc9 down`: asks the supervisor to stop (`POST /stop`, else SIGTERM), waits until every node is
 * stopped and the supervisor is gone, and reports. Exit 1 when nothing runs in the directory.
 */
export async function runDown(io: CliIo, options: DownOptions): Promise<void> {
  const projectDir = resolve(options.dir);
  await reportOutcome(
    io,
    options.json,
    async () => {
      const state = await readRunState(projectDir);
      if (state === undefined || !(await running(state))) {
        throw new SupervisorError(
          SUPERVISOR_ERROR_CODES.notRunning,
          state === undefined
            ? `nothing runs in ${projectDir}: there is no ${runStateFile(projectDir)}; start a realm there with tc9 up, or pass --dir <project>`
            : `nothing runs in ${projectDir}: the realm tc9 up started there (pid ${state.supervisorPid}) has stopped`,
        );
      }
      const via = (await askToStop(state)) ? "control endpoint" : "SIGTERM";
      await waitUntilStopped(projectDir, state, options.timeout);
      return { projectDir, supervisorPid: state.supervisorPid, via, nodes: state.nodes.map((node) => node.name) };
    },
    (result, style) => `${style.ok("✔")} realm stopped: ${result.nodes.join(", ")} (supervisor pid ${result.supervisorPid}, asked via ${result.via})`,
  );
}

/** The supervisor process lives, and it has not stopped its nodes yet or its control endpoint still answers. */
async function running(state: RunState): Promise<boolean> {
  if (!supervisorAlive(state)) return false;
  if (state.nodes.some((node) => node.status !== "stopped")) return true;
  return state.controlUrl !== undefined && (await controlAnswers(state.controlUrl));
}

async function controlAnswers(controlUrl: string): Promise<boolean> {
  try {
    await fetch(`${controlUrl}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** `POST /stop`; true when the supervisor accepted it, else SIGTERM was sent to its pid. */
async function askToStop(state: RunState): Promise<boolean> {
  if (state.controlUrl !== undefined) {
    try {
      const response = await fetch(`${state.controlUrl}/stop`, { method: "POST", signal: AbortSignal.timeout(5_000) });
      if (response.ok) return true;
    } catch {
      // falls back to the signal below
    }
  }
  process.kill(state.supervisorPid, "SIGTERM");
  return false;
}

/** Waits until the supervisor has exited (it exits after stopping every node). */
async function waitUntilStopped(projectDir: string, started: RunState, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await readRunState(projectDir).catch(() => undefined)) ?? started;
    if (!supervisorAlive(state)) return;
    if (Date.now() > deadline) {
      throw new SupervisorError(
        SUPERVISOR_ERROR_CODES.stopTimeout,
        `the realm in ${projectDir} did not stop within ${timeoutMs} ms (supervisor pid ${state.supervisorPid}); ` +
          `read .tc9/logs/ for the node that hangs, wait longer with --timeout, or end it with kill -9 ${state.supervisorPid}`,
      );
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, POLL_MS));
  }
}

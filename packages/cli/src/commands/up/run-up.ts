import { dirname, resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { readRunState, supervisorAlive } from "../../run-state/index.js";
import { waitForStop } from "../../stop-signal.js";
import { styleFor } from "../../style.js";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "../../supervisor/errors.js";
import { loadTopology } from "../../supervisor/load-topology.js";
import { startSupervisor, type Supervisor } from "../../supervisor/supervisor.js";
import { renderCheck } from "../doctor/check-result.js";
import { preflight } from "./preflight.js";
import { ProgressPrinter, realmSummary } from "./progress.js";
import { ensureAccount, ensureRealmRows, moduleReports, prepareRealms } from "./realm-setup.js";

/** Parsed options of `tc9 up`. */
export interface UpOptions {
  readonly config: string;
  /** False with `--no-top`. */
  readonly top: boolean;
  readonly readyTimeout: number;
  readonly checkTimeout: number;
  readonly account?: { readonly username: string; readonly password: string } | undefined;
}

/**
 * `tc9 up`: loads the config, checks MariaDB, NATS and ports, prepares the realms' databases,
 * starts the nodes under the supervisor (progress lines), sets up realm rows and the first
 * account, then shows `tc9 top` on a terminal (or prints "realm is up") until Ctrl-C, SIGTERM,
 * `tc9 down` or quitting top, and stops the nodes in reverse order.
 */
export async function runUp(io: CliIo, options: UpOptions): Promise<void> {
  const configFile = resolve(options.config);
  const projectDir = dirname(configFile);
  const style = styleFor(io.stdout, io.env);
  await refuseSecondRealm(projectDir);
  const topology = await loadTopology(configFile);
  const failures = await preflight(topology, configFile, options.checkTimeout);
  if (failures.length > 0) {
    const errorStyle = styleFor(io.stderr, io.env);
    io.stderr.write(`${failures.map((failure) => renderCheck(failure, errorStyle)).join("\n")}\n`);
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.preflight,
      `tc9 up did not start: ${failures.length} check(s) failed (see above); apply the fixes and run tc9 up again`,
    );
  }
  io.stdout.write(`${style.dim("…")} preparing databases\n`);
  await prepareRealms(topology);

  const progress = new ProgressPrinter(io.stdout, style);
  const supervisor = await startSupervisor({
    topology,
    configFile,
    projectDir,
    readyTimeoutMs: options.readyTimeout,
    onEvent: progress.onEvent,
  });
  const stopRequested = stopRequest(io, supervisor);
  try {
    const started = await Promise.race([supervisor.ready.then(() => true), stopRequested.then(() => false)]);
    if (!started) return;
    const reports = await moduleReports(supervisor.state());
    await ensureRealmRows(topology, reports);
    if (options.account !== undefined) {
      const outcome = await ensureAccount(topology, options.account.username, options.account.password);
      io.stdout.write(`${style.ok("✔")} account ${options.account.username} ${outcome === "created" ? "created" : "exists already; its password is unchanged"}\n`);
    }
    io.stdout.write(`${realmSummary(topology.name, reports, projectDir, style)}\n`);
    if (options.top && io.stdout.isTTY === true) {
      const { showTop } = await import("../top/show-top.js");
      const quit = new AbortController();
      void stopRequested.then(() => quit.abort());
      progress.mute(true);
      await showTop({ projectDir, io, signal: quit.signal });
      progress.mute(false);
    } else {
      await stopRequested;
    }
  } finally {
    await supervisor.stop();
    io.stdout.write(`${style.ok("✔")} realm is down\n`);
  }
}

/** Resolves when the realm should stop: Ctrl-C/SIGTERM (or `io.stopSignal`), `tc9 down` or `POST /stop`. */
function stopRequest(io: CliIo, supervisor: Supervisor): Promise<void> {
  return Promise.race([waitForStop(io).then(() => undefined), supervisor.stopped]);
}

async function refuseSecondRealm(projectDir: string): Promise<void> {
  const state = await readRunState(projectDir).catch(() => undefined);
  if (state === undefined || !supervisorAlive(state) || state.supervisorPid === process.pid) return;
  if (state.nodes.every((node) => node.status === "stopped")) return;
  throw new SupervisorError(
    SUPERVISOR_ERROR_CODES.alreadyRunning,
    `a realm is already running from ${projectDir} (tc9 up, pid ${state.supervisorPid}); stop it with tc9 down --dir ${projectDir} first`,
  );
}

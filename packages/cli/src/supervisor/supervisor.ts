import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Topology } from "@tc9/sdk";
import { nodeLogFile, writeRunState, type NodeRunState, type NodeRunStatus, type RunState } from "../run-state/index.js";
import { startControlServer, type ControlServer } from "./control-server.js";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "./errors.js";
import { nodeStartOrder } from "./node-order.js";
import { startChildNode, startInProcessNode, type NodeProcess } from "./node-process.js";

/** How long to wait before restarting a node that died: doubling from `initialMs` up to `maxMs`. */
export interface RestartBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A node that stays up this long counts as healthy again: the next restart waits `initialMs`. */
  readonly stableMs: number;
}

const DEFAULT_BACKOFF: RestartBackoff = { initialMs: 500, maxMs: 30_000, stableMs: 60_000 };

/** Something that happened to a node, for the progress display. */
export interface SupervisorEvent {
  readonly node: string;
  readonly status: NodeRunStatus;
  /** The node's state after the change. */
  readonly state: NodeRunState;
}

export interface SupervisorOptions {
  readonly topology: Topology;
  /** Absolute path of the config file (node child processes load it again). */
  readonly configFile: string;
  /** Where `.tc9/run.json` and `.tc9/logs/` go. */
  readonly projectDir: string;
  /** How long each node may take to become ready while the realm starts. */
  readonly readyTimeoutMs: number;
  readonly backoff?: RestartBackoff;
  /** How long a stopping node may take before it is killed. Default 20 s. */
  readonly stopTimeoutMs?: number;
  readonly onEvent?: (event: SupervisorEvent) => void;
}

/** A realm under supervision; see {@link startSupervisor}. */
export interface Supervisor {
  readonly controlUrl: string;
  state(): RunState;
  /** Resolves once every node is ready (in start order); rejects when one is not ready in time or the realm stops first. */
  readonly ready: Promise<void>;
  /** Stops a node's process and starts a new one (counted in `restarts`). */
  restart(node: string): Promise<void>;
  /** Stops every node in reverse start order. Idempotent. */
  stop(): Promise<void>;
  /** Resolves once the realm has stopped, however that was asked for (`stop()`, `POST /stop`). */
  readonly stopped: Promise<void>;
}

/** Poll interval of a starting node's `/readyz`. */
const READY_POLL_MS = 200;

interface Slot {
  state: NodeRunState;
  process: NodeProcess | undefined;
  /** Restarts since the node last stayed up for `stableMs`. */
  failures: number;
  /** Set while an operator's restart is under way: the exit it causes restarts at once. */
  restartRequested: boolean;
  readonly timers: Set<NodeJS.Timeout>;
  /** Resolves the first time the node is ready. */
  readonly firstReady: Promise<void>;
  markReady: () => void;
  /** The last `/readyz` body seen while it was not ready. */
  lastReadiness: string;
}

/**
 * Starts the topology's nodes in dependency order, each after the ones it needs are ready: a
 * topology of one node runs inside this process, several run as child processes. Keeps
 * `<projectDir>/.tc9/run.json` current, appends each node's output to `.tc9/logs/<node>.log`,
 * restarts a node that dies with exponential backoff, and serves the loopback control endpoint.
 */
export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  const { topology, configFile, projectDir } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
  const inProcess = topology.nodes.size === 1;
  const order = nodeStartOrder(topology);
  const startedAt = new Date().toISOString();
  const slots = new Map<string, Slot>();
  for (const name of order) {
    const logFile = nodeLogFile(projectDir, name);
    await mkdir(dirname(logFile), { recursive: true });
    let markReady: () => void = () => undefined;
    const firstReady = new Promise<void>((resolve) => (markReady = resolve));
    const modules = topology.nodes.get(name)?.modules.map((placed) => placed.module.name) ?? [];
    slots.set(name, {
      state: { name, status: "starting", logFile, restarts: 0, modules },
      process: undefined,
      failures: 0,
      restartRequested: false,
      timers: new Set(),
      firstReady,
      markReady,
      lastReadiness: "",
    });
  }

  let stopping: Promise<void> | undefined;
  let control: ControlServer | undefined;
  const state = (): RunState => ({
    version: 1,
    topology: topology.name,
    configFile,
    supervisorPid: process.pid,
    ...(control === undefined ? {} : { controlUrl: control.url }),
    startedAt,
    nodes: [...slots.values()].map((slot) => ({ ...slot.state })),
  });
  let writes = Promise.resolve();
  const persist = (): Promise<void> => (writes = writes.then(() => writeRunState(projectDir, state())).catch(() => undefined));
  const update = (slot: Slot, change: Partial<NodeRunState>): void => {
    slot.state = { ...slot.state, ...change };
    void persist();
    if (change.status !== undefined) options.onEvent?.({ node: slot.state.name, status: change.status, state: { ...slot.state } });
  };
  const later = (slot: Slot, ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      slot.timers.delete(timer);
      run();
    }, ms);
    slot.timers.add(timer);
  };

  const launch = async (slot: Slot): Promise<void> => {
    if (stopping) return;
    const name = slot.state.name;
    slot.state = withoutProcess(slot.state);
    update(slot, { status: "starting", startedAt: new Date().toISOString() });
    let child: NodeProcess;
    try {
      child = inProcess ? await startInProcessNode(topology, name, slot.state.logFile) : startChildNode(configFile, name, slot.state.logFile, projectDir);
    } catch (error) {
      return died(slot, undefined, `start failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    slot.process = child;
    update(slot, { pid: child.pid });
    void child.exited.then((how) => died(slot, child, how));
    let addresses;
    try {
      addresses = await child.listening;
    } catch {
      return;
    }
    if (slot.process !== child) return;
    update(slot, { httpUrl: addresses.httpUrl, ...(addresses.grpcAddress === undefined ? {} : { grpcAddress: addresses.grpcAddress }) });
    while (slot.process === child && !stopping) {
      if (await isReady(slot, addresses.httpUrl)) {
        if (slot.process !== child || stopping) return;
        update(slot, { status: "ready" });
        slot.markReady();
        later(slot, backoff.stableMs, () => {
          if (slot.process === child) slot.failures = 0;
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  };

  const died = (slot: Slot, child: NodeProcess | undefined, how: string): void => {
    if (child !== undefined && slot.process !== child) return;
    slot.process = undefined;
    if (stopping) return;
    const immediate = slot.restartRequested;
    slot.restartRequested = false;
    const delay = immediate ? 0 : Math.min(backoff.initialMs * 2 ** slot.failures, backoff.maxMs);
    if (!immediate) slot.failures += 1;
    slot.state = withoutProcess(slot.state);
    update(slot, { status: "restarting", lastExit: how, restarts: slot.state.restarts + 1 });
    later(slot, delay, () => void launch(slot));
  };

  const restart = async (name: string): Promise<void> => {
    const slot = slots.get(name);
    if (slot === undefined || stopping) return;
    const current = slot.process;
    if (current === undefined) {
      for (const timer of slot.timers) clearTimeout(timer);
      slot.timers.clear();
      update(slot, { restarts: slot.state.restarts + 1 });
      await launch(slot);
      return;
    }
    slot.restartRequested = true;
    await current.stop(stopTimeoutMs);
  };

  let stoppedResolve: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stoppedResolve = resolve));
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const slot of [...slots.values()].reverse()) {
        for (const timer of slot.timers) clearTimeout(timer);
        slot.timers.clear();
        const child = slot.process;
        update(slot, { status: "stopping" });
        await child?.stop(stopTimeoutMs);
        slot.process = undefined;
        slot.state = withoutProcess(slot.state);
        update(slot, { status: "stopped" });
      }
      await control?.close();
      await persist();
      stoppedResolve();
    })());

  control = await startControlServer({ nodes: () => [...slots.keys()], restart, stop: () => void stop() });
  await persist();

  const ready = (async () => {
    for (const slot of slots.values()) {
      void launch(slot);
      await readyWithin(slot, options.readyTimeoutMs, () => stopping !== undefined);
    }
  })();
  ready.catch(() => undefined);
  return { controlUrl: control.url, state, ready, restart, stop, stopped };
}

/** The node's state without what belongs to a process that no longer runs (pid, addresses). */
function withoutProcess({ pid: _pid, httpUrl: _httpUrl, grpcAddress: _grpcAddress, ...rest }: NodeRunState): NodeRunState {
  return rest;
}

/** One `/readyz` probe; remembers the report of a node that is not ready yet. */
async function isReady(slot: Slot, httpUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${httpUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
    if (response.ok) return true;
    slot.lastReadiness = await response.text();
  } catch (error) {
    slot.lastReadiness = error instanceof Error ? error.message : String(error);
  }
  return false;
}

/** Waits for the slot's first readiness; fails naming the node, its log and its last readiness report. */
async function readyWithin(slot: Slot, timeoutMs: number, stopped: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void slot.firstReady.then(() => (done = true));
  while (!done) {
    if (stopped()) {
      throw new SupervisorError(SUPERVISOR_ERROR_CODES.interrupted, `the realm was stopped while node ${slot.state.name} was starting`);
    }
    if (Date.now() > deadline) {
      const exit = slot.state.lastExit === undefined ? "" : ` after ${slot.state.restarts} restart(s), last exit ${slot.state.lastExit}`;
      const report = slot.lastReadiness === "" ? "" : ` (last /readyz: ${slot.lastReadiness.slice(0, 300)})`;
      throw new SupervisorError(
        SUPERVISOR_ERROR_CODES.readyTimeout,
        `node ${slot.state.name} was not ready within ${timeoutMs} ms${exit}${report}; read ${slot.state.logFile} ` +
          "for the module that keeps retrying, or raise --ready-timeout",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

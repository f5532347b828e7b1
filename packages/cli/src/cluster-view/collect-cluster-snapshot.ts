import { Tc9Error } from "@tc9/sdk";
import { readRunState, supervisorAlive, type NodeRunState, type RunState } from "../run-state/index.js";
import { errorSummary } from "../errors.js";
import type { ClusterSnapshot, NodeView, WorldserverView } from "./cluster-snapshot.js";
import { busViews, gatewayViews, rpcViews, type AnsweringNode, type RateBase } from "./metrics-views.js";
import { probeNode, type NodeProbe } from "./node-probe.js";
import { REGISTRY_MODULE, RegistryClients } from "./registry-view.js";

/** Nothing runs from the project directory: there is no run file. */
export class NothingRunningError extends Tc9Error {
  constructor(projectDir: string) {
    super("TC9_ERR_CLUSTER_NOT_RUNNING", `nothing is running in ${projectDir}; start it with tc9 up`);
  }
}

export interface ClusterCollectorOptions {
  /** How long each node's HTTP endpoints and the registry may take to answer. Default 1000 ms. */
  readonly timeoutMs?: number;
}

/** Takes snapshots of one project's realm; keeps the previous one for rates. */
export interface ClusterCollector {
  /** A snapshot now; rejects with {@link NothingRunningError} when there is no run file. */
  collect(): Promise<ClusterSnapshot>;
  /** Closes the registry connection. */
  close(): void;
}

/** A collector of `projectDir`'s realm for repeated snapshots (`tc9 top`). */
export function createClusterCollector(projectDir: string, options: ClusterCollectorOptions = {}): ClusterCollector {
  const timeoutMs = options.timeoutMs ?? 1000;
  const registry = new RegistryClients();
  let previous: ClusterSnapshot | undefined;
  return {
    async collect() {
      const state = await readRunState(projectDir);
      if (state === undefined) throw new NothingRunningError(projectDir);
      const snapshot = await takeSnapshot(projectDir, state, previous, registry, timeoutMs);
      previous = snapshot;
      return snapshot;
    },
    close: () => registry.close(),
  };
}

/** One snapshot of `projectDir`'s realm (`tc9 status`); rates are null in it. */
export async function collectClusterSnapshot(projectDir: string, options: ClusterCollectorOptions = {}): Promise<ClusterSnapshot> {
  const collector = createClusterCollector(projectDir, options);
  try {
    return await collector.collect();
  } finally {
    collector.close();
  }
}

async function takeSnapshot(
  projectDir: string,
  state: RunState,
  previous: ClusterSnapshot | undefined,
  registry: RegistryClients,
  timeoutMs: number,
): Promise<ClusterSnapshot> {
  const takenAt = new Date();
  const probes = await Promise.all(state.nodes.map(async (node) => ({ node, probe: await probeNode(node, timeoutMs) })));
  const answering: AnsweringNode[] = probes.flatMap(({ node, probe }) => (probe.up ? [{ name: node.name, modules: probe.modules, samples: probe.samples }] : []));
  const base: RateBase | undefined =
    previous === undefined ? undefined : { previous, seconds: (takenAt.getTime() - Date.parse(previous.takenAt)) / 1000 };
  const problems: string[] = [];
  const alive = supervisorAlive(state);
  if (!alive) problems.push(`the tc9 up process (pid ${state.supervisorPid}) is gone; run tc9 up again`);
  const worldservers = await readWorldservers(probes, registry, timeoutMs, problems);
  return {
    projectDir,
    topology: state.topology,
    configFile: state.configFile,
    takenAt: takenAt.toISOString(),
    supervisor: { pid: state.supervisorPid, alive, controlUrl: state.controlUrl ?? null },
    players: worldservers.reduce((total, server) => total + server.players, 0),
    nodes: probes.map(({ node, probe }) => nodeView(node, probe)),
    worldservers,
    gateways: gatewayViews(answering, base),
    bus: busViews(answering, base),
    rpc: rpcViews(answering),
    problems,
  };
}

function nodeView(node: NodeRunState, probe: NodeProbe): NodeView {
  return {
    name: node.name,
    status: node.status,
    health: probe.up ? "up" : "down",
    ready: probe.up ? probe.ready : null,
    notReady: probe.up ? probe.notReady : [],
    uptimeSeconds: probe.up ? probe.uptimeSeconds : null,
    restarts: node.restarts,
    pid: node.pid ?? null,
    modules: node.modules,
    httpUrl: node.httpUrl ?? null,
    grpcAddress: node.grpcAddress ?? null,
    logFile: node.logFile,
    lastExit: node.lastExit ?? null,
    problem: probe.up ? null : probe.problem,
  };
}

/** Worldservers from the first answering node hosting the registry; none (and a problem) otherwise. */
async function readWorldservers(
  probes: ReadonlyArray<{ node: NodeRunState; probe: NodeProbe }>,
  registry: RegistryClients,
  timeoutMs: number,
  problems: string[],
): Promise<WorldserverView[]> {
  const hosts = probes.filter(({ node }) => node.modules.includes(REGISTRY_MODULE));
  if (hosts.length === 0) return [];
  const host = hosts.find(({ node, probe }) => probe.up && node.grpcAddress !== undefined);
  if (host === undefined) {
    problems.push(`the servers registry (node ${hosts.map(({ node }) => node.name).join(", ")}) is down; worldservers are unknown`);
    return [];
  }
  try {
    return await registry.worldservers(host.node.grpcAddress as string, host.probe.up ? host.probe.samples : [], timeoutMs);
  } catch (error) {
    problems.push(`the servers registry at ${host.node.grpcAddress} did not list the worldservers (${errorSummary(error).message})`);
    return [];
  }
}

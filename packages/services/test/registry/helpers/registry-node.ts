/** Registry nodes on a NATS bus, in this process or in a child OS process, sharing one KV bucket. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createLogger, defineModule, defineTopology, startNode, type Client, type RunningNode, type Topology } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { deleteJetStreamState } from "@tc9/sdk/testing";
import { registryModule, type RegistryOptions } from "../../../src/registry/index.js";
import { NATS_URL } from "./registry-cluster.js";

export { freePort } from "@tc9/sdk/testing";

/** Listen ports of a registry node another process must reach. */
export interface NodePorts {
  readonly grpc: number;
  readonly http: number;
}

const quiet = createLogger({ level: "silent" });
const realms = [{ id: 1, name: "One" }];

/** The node `registry` hosting the registry module on a NATS bus with `subjectPrefix`. */
export function registryTopology(subjectPrefix: string, options: Partial<RegistryOptions>, ports?: NodePorts): Topology {
  return defineTopology({
    realms,
    bus: { kind: "nats", servers: NATS_URL, subjectPrefix },
    nodes: {
      registry: {
        modules: [{ module: registryModule, options }],
        ...(ports ? { grpc: { port: ports.grpc }, http: { port: ports.http } } : {}),
      },
    },
  });
}

/** Starts a registry node in this process. */
export async function startRegistryNode(subjectPrefix: string, options: Partial<RegistryOptions>): Promise<RunningNode> {
  const node = await startNode(registryTopology(subjectPrefix, options), "registry", { logger: quiet });
  await node.started();
  return node;
}

/** Whether a registry node in this process holds the lease (probes and redistributes). */
export function probing(node: RunningNode): boolean {
  return node.moduleInfo("registry")?.["probing"] === true;
}

const caller = defineModule({ name: "registry-caller", uses: [ServersRegistryService], start: async () => ({}) });

/** A node of this process calling a registry node of another process over gRPC. */
export async function startRemoteCaller(subjectPrefix: string, ports: NodePorts): Promise<{ node: RunningNode; registry: Client<typeof ServersRegistryService> }> {
  const topology = defineTopology({
    realms,
    bus: { kind: "nats", servers: NATS_URL, subjectPrefix },
    nodes: {
      registry: { modules: [registryModule], grpc: { port: ports.grpc }, http: { port: ports.http } },
      caller: { modules: [caller] },
    },
  });
  const node = await startNode(topology, "caller", { logger: quiet });
  await node.started();
  return { node, registry: node.use(ServersRegistryService) };
}

/** Runs `registry-node-main.ts` from source in a new Node process. */
export function spawnRegistryNode(subjectPrefix: string, options: Partial<RegistryOptions>, ports: NodePorts): ChildProcess {
  const entry = fileURLToPath(new URL("./registry-node-main.ts", import.meta.url));
  return spawn(
    process.execPath,
    ["--conditions=tc9:source", "--import", "tsx", entry, subjectPrefix, String(ports.grpc), String(ports.http), JSON.stringify(options)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}

/** The `/healthz` of a node on `port` shows whether its registry module probes. */
export async function remoteProbing(port: number): Promise<boolean | undefined> {
  try {
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { modules?: Array<{ name: string; info?: { probing?: unknown } }> };
    const probes = body.modules?.find((module) => module.name === "registry")?.info?.probing;
    return typeof probes === "boolean" ? probes : undefined;
  } catch {
    return undefined;
  }
}

/** Deletes the KV buckets (and any stream) the registries under `subjectPrefix` made on the shared NATS. */
export async function deleteRegistryBuckets(subjectPrefix: string): Promise<void> {
  await deleteJetStreamState({ servers: NATS_URL, subjectPrefix });
}

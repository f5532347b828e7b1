import {
  createLogger,
  createNatsBus,
  defineModule,
  defineTopology,
  startNode,
  type Bus,
  type Client,
  type RunningNode,
} from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { deleteJetStreamState, uniqueSubjectPrefix } from "@tc9/sdk/testing";
import { registryModule, type RegistryOptions } from "../../../src/registry/index.js";

/** The NATS server (with JetStream) of the test environment. */
export const NATS_URL = process.env["TC9_TEST_NATS_URL"] ?? "nats://127.0.0.1:4222";

const quiet = createLogger({ level: "silent" });
const caller = defineModule({ name: "registry-caller", async start() { return {}; } });

/** A registry node, a second node that calls it over gRPC, and a NATS bus watching their events. */
export interface RegistryCluster {
  /** Calls from inside the registry's node (in-process binding, peer "in-process"). */
  readonly inProcess: Client<typeof ServersRegistryService>;
  /** Calls from another node over gRPC (the peer is 127.0.0.1). */
  readonly overGrpc: Client<typeof ServersRegistryService>;
  /** An independent NATS connection on the cluster's subject prefix. */
  readonly observer: Bus;
  /** The ids the registry module's `info()` lists as degraded. */
  degradedGameServers(): string[];
  /** One of the registry node's per-worldserver gauges (e.g. `tc9_registry_game_server_degraded`): id → value. */
  gauge(name: string): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/**
 * Starts the registry on a NATS bus with a subject prefix of its own. The registry node listens
 * for gRPC on a port chosen by the system; the calling node's topology is built afterwards with
 * the port read back.
 */
export async function startRegistryCluster(options: Partial<RegistryOptions>): Promise<RegistryCluster> {
  const subjectPrefix = uniqueSubjectPrefix("registry");
  const bus = { kind: "nats" as const, servers: NATS_URL, subjectPrefix };
  const realms = [{ id: 1, name: "One" }, { id: 2, name: "Two" }];
  const registryTopology = defineTopology({
    realms, bus,
    nodes: { registry: { modules: [{ module: registryModule, options }] } },
  });
  const registryNode = await startNode(registryTopology, "registry", { logger: quiet });
  let callerNode: RunningNode | undefined;
  const observer = createNatsBus({ servers: NATS_URL, name: "registry-test-observer", subjectPrefix });
  try {
    await registryNode.started();
    const port = Number(registryNode.grpcAddress?.split(":").pop());
    const callerTopology = defineTopology({
      realms, bus,
      nodes: {
        registry: { modules: [{ module: registryModule, options }], grpc: { port } },
        caller: { modules: [caller] },
      },
    });
    callerNode = await startNode(callerTopology, "caller", { logger: quiet });
    await callerNode.started();
  } catch (error) {
    await registryNode.stop();
    await observer.close();
    await deleteJetStreamState({ servers: NATS_URL, subjectPrefix });
    throw error;
  }
  const other = callerNode;
  return {
    inProcess: registryNode.use(ServersRegistryService),
    overGrpc: other.use(ServersRegistryService),
    observer,
    degradedGameServers() {
      const listed = registryNode.moduleInfo("registry")?.["degradedGameServers"];
      if (!Array.isArray(listed)) throw new Error("the registry module's info() has no degradedGameServers list");
      return listed.map(String);
    },
    async gauge(name) {
      const metric = registryNode.metrics.registry.getSingleMetric(name);
      const values = metric ? (await metric.get()).values : [];
      return new Map(values.map((sample) => [String(sample.labels["id"]), sample.value]));
    },
    async stop() {
      try {
        await other.stop();
        await registryNode.stop();
        await observer.close();
      } finally {
        // The registry kept its state in KV buckets scoped by the prefix: delete them.
        await deleteJetStreamState({ servers: NATS_URL, subjectPrefix });
      }
    },
  };
}

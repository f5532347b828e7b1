import type { Logger } from "pino";
import type { Bus } from "../bus/index.js";
import type { Client, Contract, Handlers } from "../contracts/contract.js";
import { createLogger } from "../observability/logger.js";
import { NodeMetrics } from "../observability/node-metrics.js";
import { startHealthServer, type HealthServer, type ReadinessReport } from "../observability/health-server.js";
import { createGrpcClient, type GrpcClientHandle } from "./bindings/grpc-client.js";
import { startGrpcServer, type GrpcServerHandle } from "./bindings/grpc-server.js";
import { InFlightCalls } from "./bindings/in-flight.js";
import { createInProcessClient, type InProcessTarget } from "./bindings/in-process-client.js";
import { NodeDatabases } from "./module-databases.js";
import type { AnyModule, ModuleContext, StartedModule } from "./module.js";
import { startModuleWithRetry, type RetryPolicy } from "./module-starter.js";
import { createNodeBus } from "./node-bus.js";
import { runReadinessChecks } from "./readiness.js";
import type { NodeConfig, Topology } from "./topology.js";
import { TopologyError } from "./topology-errors.js";
import { validateModuleOptions } from "./module-options.js";

export interface StartNodeOptions {
  /** Parent logger; a pino logger on stdout by default. */
  readonly logger?: Logger;
  /** Use this bus instead of the one the topology describes (tests share a local bus this way). */
  readonly bus?: Bus;
  /** How long stopping waits for in-flight calls before cutting them. Default 10 s. */
  readonly shutdownTimeoutMs?: number;
  /** Backoff between attempts to start a module whose dependencies are down. */
  readonly retry?: RetryPolicy;
  /** Apply each module's migrations before starting it. Default true. */
  readonly applyMigrations?: boolean;
}

/** A node: one process's share of a topology, serving its modules' contracts. */
export interface RunningNode {
  readonly name: string;
  /** `host:port` of the node's gRPC server, when it serves a contract. */
  readonly grpcAddress: string | undefined;
  /** `http://host:port` of `/healthz`, `/readyz` and `/metrics`. */
  readonly httpUrl: string;
  readonly metrics: NodeMetrics;
  readonly bus: Bus;
  /** Resolves once every hosted module has started (it may take retries while a dependency is down). */
  started(): Promise<void>;
  readiness(): Promise<ReadinessReport>;
  /** What a started module reports about itself (`info()`), or undefined while it is not started. */
  moduleInfo(module: string): Record<string, unknown> | undefined;
  /** A client for any contract served in the topology, bound like a module's `ctx.use`. */
  use<C extends Contract>(contract: C): Client<C>;
  /** Stops in reverse start order after draining in-flight calls. Idempotent. */
  stop(): Promise<void>;
}

interface ModuleSlot {
  readonly module: AnyModule;
  readonly options: unknown;
  readonly inFlight: InFlightCalls;
  readonly context: ModuleContext<unknown>;
  instance: StartedModule | undefined;
}

/**
 * Starts the named node of a topology: HTTP health first (so `/readyz` answers while modules start),
 * then the gRPC server, then each module in dependency order, retrying with backoff while what it
 * needs (MariaDB, NATS, a migration) is unavailable.
 */
export async function startNode(topology: Topology, nodeName: string, options: StartNodeOptions = {}): Promise<RunningNode> {
  const config = topology.nodes.get(nodeName);
  if (!config) {
    throw new TopologyError(
      "TC9_ERR_TOPOLOGY_UNKNOWN_NODE",
      `the topology has no node "${nodeName}"; known nodes: ${[...topology.nodes.keys()].join(", ")}`,
    );
  }
  const validatedOptions = config.modules.map((placed) => validateModuleOptions(placed.module, placed.options));
  const logger = (options.logger ?? createLogger()).child({ node: nodeName });
  const metrics = new NodeMetrics(nodeName);
  const bus = options.bus ?? createNodeBus(topology.bus, nodeName, metrics, logger);
  const databases = new NodeDatabases(topology);
  const lifetime = new AbortController();
  const slots = new Map<string, ModuleSlot>();
  const remoteClients = new Map<string, GrpcClientHandle<Contract>>();
  const localClients = new Map<string, Client<Contract>>();
  const startedAt = Date.now();

  const targetFor = (module: AnyModule): InProcessTarget<Contract> => {
    const slot = slots.get(module.name) as ModuleSlot;
    return {
      module: module.name,
      inFlight: slot.inFlight,
      handlers: () => slot.instance?.handlers as Handlers<Contract> | undefined,
    };
  };
  const clientFor = <C extends Contract>(contract: C): Client<C> => {
    const provider = topology.servedBy.get(contract.fullName);
    if (!provider) {
      throw new TopologyError(
        "TC9_ERR_TOPOLOGY_CONTRACT_UNSERVED",
        `no node serves ${contract.fullName}; add the module that serves it to a node`,
      );
    }
    if (provider.node === nodeName) {
      let client = localClients.get(contract.fullName);
      if (!client) {
        client = createInProcessClient(contract as Contract, targetFor(provider.module), metrics);
        localClients.set(contract.fullName, client);
      }
      return client as Client<C>;
    }
    let handle = remoteClients.get(contract.fullName);
    if (!handle) {
      handle = createGrpcClient(contract as Contract, grpcDialAddress(topology.nodes.get(provider.node) as NodeConfig), metrics);
      remoteClients.set(contract.fullName, handle);
    }
    return handle.client as Client<C>;
  };

  config.modules.forEach((placed, index) => {
    const module = placed.module;
    const moduleLogger = logger.child({ module: module.name });
    const context: ModuleContext<unknown> = {
      module: module.name,
      node: nodeName,
      options: validatedOptions[index],
      logger: moduleLogger,
      metrics: metrics.registry,
      bus,
      realms: topology.realms.map(({ id, name }) => ({ id, name })),
      databases: databases.forModule(module.name, module.databases),
      use: <C extends Contract>(contract: C): Client<C> => {
        if (!module.uses.some((used) => used.fullName === contract.fullName)) {
          throw new TopologyError(
            "TC9_ERR_MODULE_UNDECLARED_USE",
            `module "${module.name}" called ctx.use(${contract.fullName}) without declaring it; add it to the module's uses`,
          );
        }
        return clientFor(contract);
      },
      signal: lifetime.signal,
    };
    slots.set(module.name, { module, options: validatedOptions[index], inFlight: new InFlightCalls(), context, instance: undefined });
  });

  const readiness = (): Promise<ReadinessReport> =>
    runReadinessChecks({ slots: [...slots.values()], bus, databases });
  const health: HealthServer = await startHealthServer({
    host: config.http.host,
    port: config.http.port,
    registry: metrics.registry,
    readiness,
    describe: () => ({
      node: nodeName,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      modules: [...slots.values()].map((slot) => ({
        name: slot.module.name,
        started: slot.instance !== undefined,
        ...(slot.instance?.info ? { info: slot.instance.info() } : {}),
      })),
    }),
  });

  const served = [...slots.values()]
    .filter((slot) => slot.module.serves !== undefined)
    .map((slot) => ({ contract: slot.module.serves as Contract, target: targetFor(slot.module) }));
  let grpcServer: GrpcServerHandle | undefined;
  try {
    grpcServer = served.length > 0 ? await startGrpcServer(config.grpc.host, config.grpc.port, served, metrics) : undefined;
  } catch (error) {
    await health.close();
    throw new TopologyError(
      "TC9_ERR_NODE_LISTEN",
      `node "${nodeName}" could not listen for gRPC on ${config.grpc.host}:${config.grpc.port}: ${(error as Error).message}; ` +
        `free the port or change nodes.${nodeName}.grpc.port`,
      { cause: error },
    );
  }

  const startSequence = (async () => {
    for (const slot of slots.values()) {
      const instance = await startModuleWithRetry({
        module: slot.module,
        context: slot.context,
        databases,
        applyMigrations: options.applyMigrations ?? true,
        retry: options.retry,
        signal: lifetime.signal,
        logger: slot.context.logger,
      });
      if (!instance) return;
      slot.instance = instance;
      metrics.setModuleReady(slot.module.name, true);
    }
    logger.info({ modules: [...slots.keys()], grpc: grpcServer?.port, http: health.address.port }, "node started");
  })();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      lifetime.abort();
      await startSequence.catch(() => undefined);
      await grpcServer?.shutdown(timeoutMs);
      for (const slot of [...slots.values()].reverse()) {
        const drained = await slot.inFlight.drain(timeoutMs);
        if (!drained) logger.warn({ module: slot.module.name, inFlight: slot.inFlight.size }, "stopping with calls in flight");
        const instance = slot.instance;
        slot.instance = undefined;
        metrics.setModuleReady(slot.module.name, false);
        await instance?.stop?.().catch((error: unknown) => slot.context.logger.error({ err: error }, "module stop failed"));
      }
      for (const handle of remoteClients.values()) handle.close();
      if (!options.bus) await bus.close();
      await databases.close();
      await health.close();
      logger.info("node stopped");
    })();
    return stopping;
  };

  return {
    name: nodeName,
    grpcAddress: grpcServer ? `${config.grpc.host}:${grpcServer.port}` : undefined,
    httpUrl: `http://${health.address.host}:${health.address.port}`,
    metrics,
    bus,
    started: () => startSequence,
    readiness,
    moduleInfo: (module) => slots.get(module)?.instance?.info?.(),
    use: clientFor,
    stop,
  };
}

/** Where other nodes reach this node's gRPC server (a wildcard listen address means loopback here). */
export function grpcDialAddress(node: NodeConfig): string {
  const host = node.grpc.host === "0.0.0.0" || node.grpc.host === "::" ? "127.0.0.1" : node.grpc.host;
  return `${host}:${node.grpc.port}`;
}

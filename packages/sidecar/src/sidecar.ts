import { createLogger, defineModule, defineTopology, startNode, type AnyModule, type Contract, type RunningNode, type Topology } from "@tc9/sdk";
import { CharactersService, GroupService, GuidService, MatchmakingService, ServersRegistryService } from "@tc9/sdk/contracts";
import type { Logger } from "pino";
import type { SidecarConfig } from "./config.js";
import { SidecarError } from "./errors.js";
import { SIDECAR_MODULE, sidecarModule } from "./sidecar-module.js";

/** The node the sidecar runs as. */
export const SIDECAR_NODE = "sidecar";

/** Options of {@link startSidecar}. */
export interface StartSidecarOptions {
  /** Parent logger; a pino logger at `config.logLevel` by default. */
  readonly logger?: Logger;
  /** How long stopping waits for in-flight WorldServerService calls. Default 5 s. */
  readonly shutdownTimeoutMs?: number;
}

/** A running sidecar process's share of the work. */
export interface RunningSidecar {
  /** The bound WorldServerService gRPC port. */
  readonly grpcPort: number;
  /** The bound `/healthcheck` + `/metrics` port. */
  readonly healthPort: number;
  readonly socketPath: string;
  readonly node: RunningNode;
  /** The id the registry gave the connected worldserver, once registered. */
  serverId(): string | undefined;
  /** True while a worldserver library is connected. */
  libraryConnected(): boolean;
  /** Closes the socket, the health endpoint and the gRPC server after in-flight calls drained. */
  stop(): Promise<void>;
}

/** A stand-in for a contract served by a cluster process elsewhere: the sidecar only dials it. */
function remoteContract(name: string, contract: Contract): AnyModule {
  return defineModule({
    name,
    serves: contract,
    start: () => Promise.reject(new SidecarError("TC9_ERR_SIDECAR_CONFIG", `${contract.fullName} is served by another process; the sidecar only calls it`)),
  });
}

function splitAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(":");
  return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
}

/**
 * The sidecar's view of the cluster: its own node, plus one node per address it dials (registry,
 * guid, matchmaking, group and characters services; one node for services sharing an address)
 * whose contracts it reaches over gRPC.
 */
function sidecarTopology(config: SidecarConfig, module: AnyModule): Topology {
  const remotes = new Map<string, AnyModule[]>();
  const dial = (address: string, module: AnyModule): void => {
    remotes.set(address, [...(remotes.get(address) ?? []), module]);
  };
  dial(config.serversRegistryAddress, remoteContract("servers-registry", ServersRegistryService));
  dial(config.guidProviderAddress, remoteContract("guid-provider", GuidService));
  dial(config.matchmakingAddress, remoteContract("matchmaking", MatchmakingService));
  dial(config.groupAddress, remoteContract("groups", GroupService));
  dial(config.charactersAddress, remoteContract("characters", CharactersService));
  const remoteNodes = Object.fromEntries(
    [...remotes].map(([address, modules], index) => [`remote-${index + 1}`, { modules, grpc: splitAddress(address) }]),
  );
  return defineTopology({
    // The sidecar opens no database; its realm comes from the worldserver's HELLO.
    realms: [{ id: 1, name: "worldserver" }],
    bus: { kind: "nats", servers: config.natsUrl, subjectPrefix: config.natsSubjectPrefix },
    nodes: {
      [SIDECAR_NODE]: { modules: [module], grpc: { host: config.listenHost, port: config.grpcPort }, http: { host: "127.0.0.1", port: 0 } },
      ...remoteNodes,
    },
  });
}

/**
 * Starts the sidecar: a tc9 node serving `WorldServerService` on `TC9_GRPC_PORT`, the health
 * endpoint on `TC9_HEALTH_CHECK_PORT`, and the Unix socket libsidecar connects to. Resolves once
 * everything listens (the worldserver may connect before or after).
 */
export async function startSidecar(config: SidecarConfig, options: StartSidecarOptions = {}): Promise<RunningSidecar> {
  let resolveGrpcPort: (port: number) => void = () => undefined;
  const grpcPort = new Promise<number>((resolve) => (resolveGrpcPort = resolve));
  const logger = options.logger ?? createLogger({ level: config.logLevel, bindings: { service: "tc9-sidecar" } });
  const node = await startNode(sidecarTopology(config, sidecarModule({ config, grpcPort })), SIDECAR_NODE, {
    logger,
    applyMigrations: false,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 5_000,
  });
  const boundGrpcPort = Number(node.grpcAddress?.split(":").pop());
  resolveGrpcPort(boundGrpcPort);
  await node.started();
  const info = (): Record<string, unknown> => node.moduleInfo(SIDECAR_MODULE) ?? {};
  return {
    grpcPort: boundGrpcPort,
    healthPort: Number(info()["healthPort"]),
    socketPath: config.socketPath,
    node,
    serverId: () => info()["serverId"] as string | undefined,
    libraryConnected: () => info()["libraryConnected"] === true,
    stop: () => node.stop(),
  };
}

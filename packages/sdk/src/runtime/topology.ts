import { z } from "zod";
import type { Contract } from "../contracts/contract.js";
import { dependencyOrder } from "./dependency-order.js";
import { isModuleDefinition, type AnyModule, type RealmInfo } from "./module.js";
import { TopologyError } from "./topology-errors.js";
import { topologySchema, type ParsedTopology, type TopologyInput } from "./topology-schema.js";

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface RealmConfig extends RealmInfo {
  readonly databases: { readonly characters?: string; readonly world?: string };
}

export type BusConfig = ParsedTopology["bus"];

export interface PlacedModule {
  readonly module: AnyModule;
  /** Raw options from the topology; the module's schema validates them when the node starts. */
  readonly options: unknown;
}

export interface NodeConfig {
  readonly name: string;
  /** Hosted modules in start order (each after the local modules it uses). */
  readonly modules: readonly PlacedModule[];
  readonly grpc: ListenAddress;
  readonly http: ListenAddress;
}

/** A validated topology: realms, bus, databases, nodes and where each contract is served. */
export interface Topology {
  readonly kind: "tc9.topology";
  readonly name: string;
  readonly realms: readonly RealmConfig[];
  readonly databases: { readonly auth?: string };
  readonly bus: BusConfig;
  readonly nodes: ReadonlyMap<string, NodeConfig>;
  /** Contract full name → the module serving it and the node hosting that module. */
  readonly servedBy: ReadonlyMap<string, { readonly module: AnyModule; readonly node: string }>;
}

/**
 * Declares realms, nodes and the modules each hosts, the bus, the databases and listen addresses.
 * Everything is checked here; a mistake is a `TopologyError` with a code and the fix.
 */
export function defineTopology(input: TopologyInput): Topology {
  const parsed = parse(input);
  const catalogue = buildCatalogue(parsed);
  const nodes = new Map<string, { name: string; placed: PlacedModule[]; grpc: ListenAddress; http: ListenAddress }>();
  const hostOf = new Map<AnyModule, string>();
  for (const [nodeName, node] of Object.entries(parsed.nodes)) {
    const placed = node.modules.map((entry) => resolvePlacement(entry, nodeName, catalogue));
    for (const { module } of placed) {
      const other = hostOf.get(module);
      if (other !== undefined) {
        throw new TopologyError(
          "TC9_ERR_TOPOLOGY_DUPLICATE_MODULE",
          `module "${module.name}" is placed on node "${other}" and on node "${nodeName}"; place each module on one node`,
        );
      }
      hostOf.set(module, nodeName);
    }
    nodes.set(nodeName, { name: nodeName, placed, grpc: node.grpc, http: node.http });
  }
  const modules = [...hostOf.keys()];
  checkUniqueNames(modules);
  const servedBy = indexServedContracts(modules, hostOf);
  const providersOf = (module: AnyModule): AnyModule[] =>
    module.uses.map((contract) => servedBy.get(contract.fullName)?.module).filter((m): m is AnyModule => !!m);
  checkUsedContractsServed(modules, servedBy);
  checkNoCycle(modules, providersOf);
  checkDatabases(modules, parsed);
  checkListeners(nodes);
  checkRemoteConsumers(modules, hostOf, servedBy, nodes);
  checkBusPlacement(modules, hostOf, parsed);

  const ordered = new Map<string, NodeConfig>();
  for (const node of nodes.values()) {
    const local = new Set(node.placed.map((p) => p.module));
    const result = dependencyOrder(node.placed, (p) =>
      node.placed.filter((q) => local.has(q.module) && providersOf(p.module).includes(q.module)),
    );
    ordered.set(node.name, { name: node.name, modules: result.order ?? node.placed, grpc: node.grpc, http: node.http });
  }
  return {
    kind: "tc9.topology",
    name: parsed.name,
    realms: parsed.realms,
    databases: parsed.databases,
    bus: parsed.bus,
    nodes: ordered,
    servedBy,
  };
}

function parse(input: TopologyInput): ParsedTopology {
  const result = topologySchema.safeParse(input);
  if (!result.success) {
    throw new TopologyError("TC9_ERR_TOPOLOGY_INVALID", `the topology is not valid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

function buildCatalogue(parsed: ParsedTopology): Map<string, AnyModule> {
  const catalogue = new Map<string, AnyModule>();
  for (const module of parsed.modules) catalogue.set(module.name, module);
  return catalogue;
}

type Placement = ParsedTopology["nodes"][string]["modules"][number];

function resolvePlacement(entry: Placement, nodeName: string, catalogue: Map<string, AnyModule>): PlacedModule {
  const ref = typeof entry === "object" && !isModuleDefinition(entry) ? entry.module : entry;
  const options = typeof entry === "object" && !isModuleDefinition(entry) ? entry.options : undefined;
  if (typeof ref !== "string") return { module: ref, options };
  const module = catalogue.get(ref);
  if (!module) {
    const known = [...catalogue.keys()].sort().join(", ") || "none";
    throw new TopologyError(
      "TC9_ERR_TOPOLOGY_UNKNOWN_MODULE",
      `node "${nodeName}" hosts module "${ref}", which the topology does not know (known: ${known}); ` +
        `fix the name or add the module to topology.modules`,
    );
  }
  return { module, options };
}

function checkUniqueNames(modules: readonly AnyModule[]): void {
  const byName = new Map<string, AnyModule>();
  for (const module of modules) {
    if (byName.has(module.name)) {
      throw new TopologyError(
        "TC9_ERR_TOPOLOGY_DUPLICATE_MODULE",
        `two different modules are named "${module.name}"; rename one of them`,
      );
    }
    byName.set(module.name, module);
  }
}

function indexServedContracts(modules: readonly AnyModule[], hostOf: Map<AnyModule, string>): Map<string, { module: AnyModule; node: string }> {
  const servedBy = new Map<string, { module: AnyModule; node: string }>();
  for (const module of modules) {
    const contract: Contract | undefined = module.serves;
    if (!contract) continue;
    const other = servedBy.get(contract.fullName);
    if (other) {
      throw new TopologyError(
        "TC9_ERR_TOPOLOGY_CONTRACT_SERVED_TWICE",
        `${contract.fullName} is served by module "${other.module.name}" and by module "${module.name}"; keep one of them`,
      );
    }
    servedBy.set(contract.fullName, { module, node: hostOf.get(module) as string });
  }
  return servedBy;
}

function checkUsedContractsServed(modules: readonly AnyModule[], servedBy: ReadonlyMap<string, unknown>): void {
  for (const module of modules) {
    for (const contract of module.uses) {
      if (!servedBy.has(contract.fullName)) {
        throw new TopologyError(
          "TC9_ERR_TOPOLOGY_CONTRACT_UNSERVED",
          `module "${module.name}" uses ${contract.fullName} but no node hosts a module serving it; ` +
            `add that module to a node`,
        );
      }
    }
  }
}

function checkNoCycle(modules: readonly AnyModule[], providersOf: (m: AnyModule) => AnyModule[]): void {
  const result = dependencyOrder(modules, providersOf);
  if (result.cycle) {
    const path = result.cycle.map((m) => `"${m.name}"`).join(" → ");
    throw new TopologyError(
      "TC9_ERR_TOPOLOGY_CYCLE",
      `modules use each other in a cycle: ${path}; break it by moving the shared part into its own module or onto the bus`,
    );
  }
}

function checkDatabases(modules: readonly AnyModule[], parsed: ParsedTopology): void {
  for (const module of modules) {
    for (const kind of module.databases) {
      if (kind === "auth") {
        if (!parsed.databases.auth) {
          throw new TopologyError(
            "TC9_ERR_TOPOLOGY_MISSING_DATABASE",
            `module "${module.name}" needs the auth database; set databases.auth to a mysql:// URL`,
          );
        }
        continue;
      }
      for (const realm of parsed.realms) {
        if (!realm.databases[kind]) {
          throw new TopologyError(
            "TC9_ERR_TOPOLOGY_MISSING_DATABASE",
            `module "${module.name}" needs the ${kind} database of realm ${realm.id}; ` +
              `set realms[${parsed.realms.indexOf(realm)}].databases.${kind} to a mysql:// URL`,
          );
        }
      }
    }
  }
}

function checkListeners(nodes: Map<string, { name: string; grpc: ListenAddress; http: ListenAddress }>): void {
  const taken = new Map<number, { host: string; owner: string }[]>();
  for (const node of nodes.values()) {
    for (const [what, address] of [["grpc", node.grpc], ["http", node.http]] as const) {
      if (address.port === 0) continue;
      const owner = `nodes.${node.name}.${what}`;
      const users = taken.get(address.port) ?? [];
      const clash = users.find((u) => u.host === address.host || u.host === "0.0.0.0" || address.host === "0.0.0.0");
      if (clash) {
        throw new TopologyError(
          "TC9_ERR_TOPOLOGY_PORT_CLASH",
          `${owner}: port ${address.port} on ${address.host} is already used by ${clash.owner}; pick another port`,
        );
      }
      users.push({ host: address.host, owner });
      taken.set(address.port, users);
    }
  }
}

function checkRemoteConsumers(
  modules: readonly AnyModule[],
  hostOf: Map<AnyModule, string>,
  servedBy: ReadonlyMap<string, { module: AnyModule; node: string }>,
  nodes: Map<string, { grpc: ListenAddress }>,
): void {
  for (const module of modules) {
    for (const contract of module.uses) {
      const provider = servedBy.get(contract.fullName);
      if (!provider || provider.node === hostOf.get(module)) continue;
      if (nodes.get(provider.node)?.grpc.port === 0) {
        throw new TopologyError(
          "TC9_ERR_TOPOLOGY_GRPC_PORT_REQUIRED",
          `module "${module.name}" on node "${hostOf.get(module)}" calls ${contract.fullName} on node ` +
            `"${provider.node}", which has no fixed gRPC port; set nodes.${provider.node}.grpc.port`,
        );
      }
    }
  }
}

function checkBusPlacement(modules: readonly AnyModule[], hostOf: Map<AnyModule, string>, parsed: ParsedTopology): void {
  if (parsed.bus.kind !== "local") return;
  const nodesWithEvents = new Set(
    modules
      .filter((m) => (m.events.publishes?.length ?? 0) + (m.events.subscribes?.length ?? 0) > 0)
      .map((m) => hostOf.get(m)),
  );
  if (nodesWithEvents.size > 1) {
    throw new TopologyError(
      "TC9_ERR_TOPOLOGY_LOCAL_BUS_SPLIT",
      `modules with bus events run on ${nodesWithEvents.size} nodes, but the local bus only reaches one process; ` +
        `set bus to { kind: "nats", servers: "nats://127.0.0.1:4222" }`,
    );
  }
}

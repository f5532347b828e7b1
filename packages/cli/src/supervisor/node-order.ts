import type { Topology } from "@tc9/sdk";

/**
 * The topology's nodes in start order: a node comes after the nodes serving contracts its modules
 * use (the topology has no cycles between modules, so none between nodes' dependencies either,
 * except within one node). Ties keep the config's order.
 */
export function nodeStartOrder(topology: Topology): string[] {
  const needs = new Map<string, Set<string>>();
  for (const [name, node] of topology.nodes) {
    const providers = new Set<string>();
    for (const { module } of node.modules) {
      for (const contract of module.uses) {
        const provider = topology.servedBy.get(contract.fullName)?.node;
        if (provider !== undefined && provider !== name) providers.add(provider);
      }
    }
    needs.set(name, providers);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < needs.size) {
    const next = [...needs].find(([name, providers]) => !placed.has(name) && [...providers].every((provider) => placed.has(provider)));
    // A cycle between nodes (each needs the other) cannot wait on readiness; start the rest in config order.
    const name = next?.[0] ?? [...needs.keys()].find((candidate) => !placed.has(candidate)) ?? "";
    order.push(name);
    placed.add(name);
  }
  return order;
}

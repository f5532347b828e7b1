/**
 * The same two modules in two shapes. Modules never say where they run: the topology does, and
 * the runtime turns `ctx.use(CounterService)` into a direct call or a gRPC call accordingly.
 */
import { defineTopology, type Topology } from "@tc9/sdk";
import { counter } from "./modules/counter.js";
import { greeter } from "./modules/greeter.js";

/** Fixed loopback ports, below the ephemeral range: the greeter dials the counter's gRPC port; curl the HTTP ones. */
export const PORTS = {
  allHttp: 17180,
  counterGrpc: 17151,
  counterHttp: 17181,
  greeterGrpc: 17152,
  greeterHttp: 17182,
} as const;

const realms = [{ id: 1, name: "Hello" }];

/** One node, `all`: the greeter calls the counter in process. */
export const oneNode: Topology = defineTopology({
  name: "hello-one-node",
  realms,
  nodes: {
    all: { modules: [counter, greeter], http: { port: PORTS.allHttp } },
  },
});

/** Two nodes, `counter` and `greeter`, one per process: the greeter calls the counter over gRPC. */
export const twoNodes: Topology = defineTopology({
  name: "hello-two-nodes",
  realms,
  nodes: {
    counter: { modules: [counter], grpc: { port: PORTS.counterGrpc }, http: { port: PORTS.counterHttp } },
    greeter: { modules: [greeter], grpc: { port: PORTS.greeterGrpc }, http: { port: PORTS.greeterHttp } },
  },
});

/** The topology that has a node of this name (`all`, `counter` or `greeter`). */
export function topologyOf(nodeName: string): Topology | undefined {
  return [oneNode, twoNodes].find((topology) => topology.nodes.has(nodeName));
}

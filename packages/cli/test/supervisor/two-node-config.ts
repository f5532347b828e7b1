// The text of a two-node tc9.config.ts for the supervisor tests: "world" (simulated worldservers)
// needs "registry" (the servers registry, on a fixed gRPC port), although it is listed first.

/** A config whose nodes read their database and port from the arguments. */
export function twoNodeConfig(charactersDbUrl: string, registryPort: number): string {
  return `import { defineTopology } from "@tc9/sdk";
import { registryModule, simulatorsModule } from "@tc9/services";

export default defineTopology({
  name: "two-node-test",
  realms: [{ id: 1, name: "test", databases: { characters: ${JSON.stringify(charactersDbUrl)} } }],
  bus: { kind: "local" },
  nodes: {
    world: { modules: [{ module: simulatorsModule, options: { count: 1 } }] },
    registry: { grpc: { host: "127.0.0.1", port: ${registryPort} }, modules: [registryModule] },
  },
});
`;
}

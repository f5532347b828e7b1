import { createGrpcClient, NodeMetrics, type GrpcClientHandle } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import type { WorldserverView } from "./cluster-snapshot.js";
import type { PromSample } from "./prometheus-text.js";

/** The module name whose node answers `ServersRegistryService`. */
export const REGISTRY_MODULE = "registry";

/**
 * gRPC clients of the servers registry, one per address, kept across snapshots (so `tc9 top` does
 * not dial the registry every refresh) until {@link RegistryClients.close}.
 */
export class RegistryClients {
  readonly #handles = new Map<string, GrpcClientHandle<typeof ServersRegistryService>>();
  /** The CLI's own call metrics: required by the client, never served. */
  readonly #metrics = new NodeMetrics("tc9-cli");

  /**
   * Every worldserver the registry at `grpcAddress` knows, with `degraded` and `pendingMaps` read
   * from the registry node's `tc9_registry_game_server_degraded` and
   * `tc9_registry_game_server_pending_maps` gauges. Throws when the registry does not answer.
   */
  async worldservers(grpcAddress: string, registrySamples: readonly PromSample[], timeoutMs: number): Promise<WorldserverView[]> {
    let handle = this.#handles.get(grpcAddress);
    if (handle === undefined) {
      handle = createGrpcClient(ServersRegistryService, grpcAddress, this.#metrics);
      this.#handles.set(grpcAddress, handle);
    }
    const degraded = new Set(
      registrySamples.filter((sample) => sample.name === "tc9_registry_game_server_degraded" && sample.value === 1).map((sample) => sample.labels["id"]),
    );
    const pending = new Map(
      registrySamples.filter((sample) => sample.name === "tc9_registry_game_server_pending_maps").map((sample) => [sample.labels["id"], sample.value]),
    );
    const { gameServers } = await handle.client.listAllGameServers({ api: "tc9" }, { timeoutMs });
    return gameServers
      .map((server): WorldserverView => ({
        id: server.ID,
        alias: server.alias,
        address: server.address,
        realmId: server.realmID,
        crossRealm: server.isCrossRealm,
        assignedMaps: [...server.assignedMaps].sort((a, b) => a - b),
        availableMaps: [...server.availableMaps].sort((a, b) => a - b),
        players: server.activeConnections,
        degraded: degraded.has(server.ID),
        pendingMaps: pending.get(server.ID) ?? 0,
      }))
      .sort((a, b) => a.realmId - b.realmId || a.alias.localeCompare(b.alias) || a.id.localeCompare(b.id));
  }

  close(): void {
    for (const handle of this.#handles.values()) handle.close();
    this.#handles.clear();
  }
}

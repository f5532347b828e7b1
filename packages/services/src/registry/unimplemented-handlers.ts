import { RpcError, RpcStatus, type Handlers } from "@tc9/sdk";
import type { ServersRegistryService } from "@tc9/sdk/contracts";

type LaterHandlers = Pick<
  Handlers<typeof ServersRegistryService>,
  "bindGroupToGameServer" | "getMapLayerConfiguration" | "updateMapLayerConfiguration" | "getLayerStats" | "registerMatchmakingServer"
>;

function later(rpc: string, feature: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new RpcError(
        RpcStatus.UNIMPLEMENTED,
        `${rpc} is not served yet: ${feature} arrives with the registry's cluster-routing work; until then only registration, lookups and health checks are`,
      ),
    );
}

/** The RPCs of ServersRegistryService that the cluster-routing work brings. */
export const unimplementedHandlers: LaterHandlers = {
  bindGroupToGameServer: later("BindGroupToGameServer", "map layering"),
  getMapLayerConfiguration: later("GetMapLayerConfiguration", "map layering"),
  updateMapLayerConfiguration: later("UpdateMapLayerConfiguration", "map layering"),
  getLayerStats: later("GetLayerStats", "map layering"),
  registerMatchmakingServer: later("RegisterMatchmakingServer", "matchmaking registration and health (PR #37)"),
};

import { RpcError, RpcStatus, type Handlers } from "@tc9/sdk";
import type { ServersRegistryService } from "@tc9/sdk/contracts";

type LaterHandlers = Pick<
  Handlers<typeof ServersRegistryService>,
  "getMapLayerConfiguration" | "updateMapLayerConfiguration" | "getLayerStats" | "registerMatchmakingServer"
>;

function later(rpc: string, feature: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new RpcError(
        RpcStatus.UNIMPLEMENTED,
        `${rpc} is not served by tc9's registry: it has no ${feature}; ask AvailableGameServersForMapAndRealm where a player goes`,
      ),
    );
}

/** The RPCs of ServersRegistryService that tc9's registry answers with UNIMPLEMENTED. */
export const unimplementedHandlers: LaterHandlers = {
  getMapLayerConfiguration: later("GetMapLayerConfiguration", "map layering"),
  updateMapLayerConfiguration: later("UpdateMapLayerConfiguration", "map layering"),
  getLayerStats: later("GetLayerStats", "map layering"),
  registerMatchmakingServer: later("RegisterMatchmakingServer", "matchmaking registration and health (PR #37)"),
};

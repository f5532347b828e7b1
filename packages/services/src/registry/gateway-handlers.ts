import { RpcError, RpcStatus, type Handlers } from "@tc9/sdk";
import type { ServersRegistryService } from "@tc9/sdk/contracts";
import { REGISTRY_API, type RegistryDeps } from "./registry-deps.js";
import { checkGatewayAddresses, checkRealm } from "./registration-checks.js";
import type { GatewayRecord } from "./registry-store.js";
import { hostFromPeer, serverIdFor } from "./server-identity.js";

type GatewayHandlers = Pick<Handlers<typeof ServersRegistryService>, "registerGateway" | "gatewaysForRealms" | "listGatewaysForRealm">;

const byLoadThenId = (a: GatewayRecord, b: GatewayRecord): number =>
  a.activeConnections - b.activeConnections || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The gateway half of ServersRegistryService. */
export function gatewayHandlers(deps: RegistryDeps): GatewayHandlers {
  const { store } = deps;
  return {
    /**
     * As ToCloud9: the players' address is the preferred host name and the game port (tc9 falls
     * back to the caller's IP when no name is sent), the health address is always the caller's IP
     * and the health port, and the id hashes the lower-cased health address.
     */
    async registerGateway(request, call) {
      for (const [name, port] of [["gamePort", request.gamePort], ["healthPort", request.healthPort]] as const) {
        if (port < 1 || port > 0xffff) throw new RpcError(RpcStatus.INVALID_ARGUMENT, `${name} ${port} is not a TCP port; send the port the gateway listens on`);
      }
      checkRealm("gateway", request.realmID, false, deps.servedRealms);
      const ip = hostFromPeer(call.peer);
      const healthCheckAddress = `${ip}:${request.healthPort}`.toLowerCase();
      const gateway: GatewayRecord = {
        id: serverIdFor(healthCheckAddress),
        address: `${request.preferredHostName !== "" ? request.preferredHostName : ip}:${request.gamePort}`,
        healthCheckAddress,
        realmId: request.realmID,
        activeConnections: 0,
      };
      checkGatewayAddresses(gateway, await store.gameServers());
      await store.putGateway(gateway);
      deps.monitor.watch({ kind: "gateway", id: gateway.id, healthCheckAddress });
      deps.logger.info({ id: gateway.id, address: gateway.address, realmId: gateway.realmId }, "gateway registered");
      await deps.events.gatewayAdded(gateway);
      return { api: REGISTRY_API, id: gateway.id };
    },

    /** The least-loaded gateway of each realm asked for (realms without one are left out). */
    async gatewaysForRealms(request) {
      const gateways = [];
      for (const realmId of request.realmIDs) {
        const [best] = (await store.gateways(realmId)).sort(byLoadThenId);
        if (best) gateways.push({ address: best.address, realmID: best.realmId, isCrossRealm: false, grpcAddress: "", ID: "", alias: "" });
      }
      return { api: REGISTRY_API, gateways };
    },

    async listGatewaysForRealm(request) {
      const gateways = (await store.gateways(request.realmID)).map((gateway) => ({
        id: gateway.id,
        address: gateway.address,
        healthAddress: gateway.healthCheckAddress,
        realmID: gateway.realmId,
        activeConnections: gateway.activeConnections,
      }));
      return { api: REGISTRY_API, gateways };
    },
  };
}

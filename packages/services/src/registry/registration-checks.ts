import { RpcError, RpcStatus } from "@tc9/sdk";
import type { GameServerRecord, GatewayRecord } from "./registry-store.js";

/*
 * What RegisterGameServer and RegisterGateway refuse before anything is stored: a realm this
 * registry does not serve, a cross-realm server naming a realm, and an address another live
 * server already uses in another role or for another realm (two processes configured with the
 * same ports, or a server moved to another realm while the old one still runs).
 */

const list = (realms: ReadonlySet<number>): string => [...realms].sort((a, b) => a - b).join(", ");

/** Refuses a realm outside `served` (cross-realm servers are checked for realm 0 instead). */
export function checkRealm(what: "worldserver" | "gateway", realmId: number, isCrossRealm: boolean, served: ReadonlySet<number>): void {
  if (isCrossRealm) {
    if (realmId !== 0) {
      throw new RpcError(RpcStatus.INVALID_ARGUMENT, `a cross-realm ${what} names realm ${realmId}; send realmID 0 with isCrossRealm`);
    }
    return;
  }
  if (realmId === 0) throw new RpcError(RpcStatus.INVALID_ARGUMENT, `realmID is 0; send the realm the ${what} serves, or set isCrossRealm`);
  if (!served.has(realmId)) {
    throw new RpcError(
      RpcStatus.FAILED_PRECONDITION,
      `realm ${realmId} is not served by this registry (it serves ${list(served)}); fix the ${what}'s realm id, or add the realm to the topology's realms or the registry's extraRealms option`,
    );
  }
}

/**
 * Refuses a worldserver whose game address is another live server's health or gRPC address (or
 * the other way round), or whose game address is registered for another realm or pool.
 */
export function checkGameServerAddresses(server: GameServerRecord, registered: readonly GameServerRecord[]): void {
  for (const other of registered) {
    if (other.id === server.id) {
      if (other.realmId !== server.realmId || other.isCrossRealm !== server.isCrossRealm) {
        throw new RpcError(
          RpcStatus.FAILED_PRECONDITION,
          `${server.address} is registered for ${other.isCrossRealm ? "the cross-realm pool" : `realm ${other.realmId}`} by a live worldserver; stop it (it is removed after its failed health checks) or give this one another game port`,
        );
      }
      continue;
    }
    const clash =
      [other.healthCheckAddress, other.grpcAddress].some((address) => address.toLowerCase() === server.address) ||
      [server.healthCheckAddress, server.grpcAddress].some((address) => address.toLowerCase() === other.address);
    if (clash) {
      throw new RpcError(
        RpcStatus.FAILED_PRECONDITION,
        `worldserver ${server.address} (health ${server.healthCheckAddress}, gRPC ${server.grpcAddress}) shares an address with live worldserver ${other.address} (health ${other.healthCheckAddress}, gRPC ${other.grpcAddress}); give each server its own ports`,
      );
    }
  }
}

/**
 * Refuses a gateway whose players' address is a live worldserver's game, health or gRPC address,
 * or whose health address is a worldserver's game or gRPC address (sharing a health endpoint is
 * allowed: it answers for both).
 */
export function checkGatewayAddresses(gateway: GatewayRecord, servers: readonly GameServerRecord[]): void {
  const players = gateway.address.toLowerCase();
  const health = gateway.healthCheckAddress.toLowerCase();
  const other = servers.find((server) => {
    const [game, serverHealth, grpc] = [server.address, server.healthCheckAddress, server.grpcAddress].map((address) => address.toLowerCase());
    return players === game || players === serverHealth || players === grpc || health === game || health === grpc;
  });
  if (other) {
    throw new RpcError(
      RpcStatus.FAILED_PRECONDITION,
      `gateway ${gateway.address} (health ${gateway.healthCheckAddress}) shares an address with live worldserver ${other.address}; give the gateway its own ports`,
    );
  }
}

import type { GameServerRecord, GatewayRecord, RegistryStore, ServerPool } from "./registry-store.js";

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function inPool(server: GameServerRecord, pool: ServerPool): boolean {
  return pool.isCrossRealm ? server.isCrossRealm : !server.isCrossRealm && server.realmId === pool.realmId;
}

/** A {@link RegistryStore} in process memory: what registered is forgotten when the process stops. */
export class InMemoryRegistryStore implements RegistryStore {
  readonly #gameServers = new Map<string, GameServerRecord>();
  readonly #gateways = new Map<string, GatewayRecord>();

  async putGameServer(server: GameServerRecord): Promise<void> {
    this.#gameServers.set(server.id, server);
  }

  async gameServer(id: string): Promise<GameServerRecord | undefined> {
    return this.#gameServers.get(id);
  }

  async gameServers(pool?: ServerPool): Promise<GameServerRecord[]> {
    const all = [...this.#gameServers.values()];
    return (pool ? all.filter((server) => inPool(server, pool)) : all).sort(byId);
  }

  async updateGameServer(id: string, change: (server: GameServerRecord) => GameServerRecord): Promise<GameServerRecord | undefined> {
    const current = this.#gameServers.get(id);
    if (!current) return undefined;
    const updated = change(current);
    this.#gameServers.set(id, updated);
    return updated;
  }

  async removeGameServer(id: string): Promise<GameServerRecord | undefined> {
    const current = this.#gameServers.get(id);
    this.#gameServers.delete(id);
    return current;
  }

  async putGateway(gateway: GatewayRecord): Promise<void> {
    this.#gateways.set(gateway.id, gateway);
  }

  async gateways(realmId?: number): Promise<GatewayRecord[]> {
    const all = [...this.#gateways.values()];
    return (realmId === undefined ? all : all.filter((gateway) => gateway.realmId === realmId)).sort(byId);
  }

  async updateGateway(id: string, change: (gateway: GatewayRecord) => GatewayRecord): Promise<GatewayRecord | undefined> {
    const current = this.#gateways.get(id);
    if (!current) return undefined;
    const updated = change(current);
    this.#gateways.set(id, updated);
    return updated;
  }

  async removeGateway(id: string): Promise<GatewayRecord | undefined> {
    const current = this.#gateways.get(id);
    this.#gateways.delete(id);
    return current;
  }
}

import { GROUP_BINDING_TTL_MS, type GameServerRecord, type GatewayRecord, type GroupMapKey, type RegistryStore, type ServerPool } from "./registry-store.js";

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function inPool(server: GameServerRecord, pool: ServerPool): boolean {
  return pool.isCrossRealm ? server.isCrossRealm : !server.isCrossRealm && server.realmId === pool.realmId;
}

/** A {@link RegistryStore} in process memory: what registered is forgotten when the process stops. */
export class InMemoryRegistryStore implements RegistryStore {
  readonly #gameServers = new Map<string, GameServerRecord>();
  readonly #gateways = new Map<string, GatewayRecord>();
  readonly #groupBindings = new Map<string, { readonly serverId: string; expiresAt: number }>();

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

  async groupBinding(key: GroupMapKey): Promise<string | undefined> {
    const binding = this.#liveBinding(key);
    if (binding) binding.expiresAt = Date.now() + GROUP_BINDING_TTL_MS;
    return binding?.serverId;
  }

  async setGroupBinding(key: GroupMapKey, serverId: string): Promise<void> {
    this.#groupBindings.set(groupKey(key), { serverId, expiresAt: Date.now() + GROUP_BINDING_TTL_MS });
  }

  async replaceGroupBinding(key: GroupMapKey, expected: string | undefined, serverId: string): Promise<string> {
    const current = this.#liveBinding(key)?.serverId;
    if (current !== expected && current !== undefined) return current;
    await this.setGroupBinding(key, serverId);
    return serverId;
  }

  #liveBinding(key: GroupMapKey): { readonly serverId: string; expiresAt: number } | undefined {
    const binding = this.#groupBindings.get(groupKey(key));
    if (binding && binding.expiresAt <= Date.now()) {
      this.#groupBindings.delete(groupKey(key));
      return undefined;
    }
    return binding;
  }
}

const groupKey = ({ realmId, groupId, mapId }: GroupMapKey): string => `${realmId}:${groupId}:${mapId}`;

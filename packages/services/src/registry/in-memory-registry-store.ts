import {
  byId,
  GROUP_BINDING_TTL_MS,
  inPool,
  type GameServerRecord,
  type GatewayRecord,
  type GroupMapKey,
  type RegistryStore,
  type RemovedGameServer,
  type ServerPool,
} from "./registry-store.js";
import { DEFAULT_REJOIN_GRACE_MS } from "./registry-options.js";

/** A {@link RegistryStore} in process memory: what registered is forgotten when the process stops. */
export class InMemoryRegistryStore implements RegistryStore {
  readonly #rejoinGraceMs: number;
  readonly #gameServers = new Map<string, GameServerRecord>();
  readonly #removed = new Map<string, RemovedGameServer>();
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

  /** `rejoinGraceMs`: how long a removed worldserver is remembered (the module option's default). */
  constructor(rejoinGraceMs = DEFAULT_REJOIN_GRACE_MS) {
    this.#rejoinGraceMs = rejoinGraceMs;
  }

  async putRemovedGameServer(removed: RemovedGameServer): Promise<void> {
    for (const [id, old] of this.#removed) if (old.removedAt + this.#rejoinGraceMs <= Date.now()) this.#removed.delete(id);
    this.#removed.set(removed.server.id, removed);
  }

  async takeRemovedGameServer(id: string): Promise<RemovedGameServer | undefined> {
    const removed = this.#removed.get(id);
    this.#removed.delete(id);
    return removed && removed.removedAt + this.#rejoinGraceMs > Date.now() ? removed : undefined;
  }

  async exclusive<T>(_name: string, task: () => Promise<T>): Promise<T> {
    return task();
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

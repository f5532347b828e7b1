import type { KeyValue } from "@tc9/sdk";
import { setTimeout as sleep } from "node:timers/promises";
import { RegistryError } from "./errors.js";
import { byId, inPool, type GameServerRecord, type GatewayRecord, type GroupMapKey, type RegistryStore, type RemovedGameServer, type ServerPool } from "./registry-store.js";

/** The buckets a {@link KvRegistryStore} keeps its state in (see the README's KV layout). */
export interface RegistryBuckets {
  /** `ws.<id>` worldservers, `gw.<id>` gateways; no expiry. */
  readonly servers: KeyValue;
  /** `grp.<realm>.<group>.<map>` → server id; entries expire `GROUP_BINDING_TTL_MS` after their last write. */
  readonly groups: KeyValue;
  /** `ws.<id>` worldservers removed for failed probes; entries expire after the rejoin grace. */
  readonly removed: KeyValue;
  /** `lock.<pool>` while a registry process changes a pool's maps; entries expire after the lease. */
  readonly locks: KeyValue;
}

/** Attempts of one compare-and-set before giving up (each retry follows another writer's success). */
const MAX_ATTEMPTS = 100;
/** Wait between attempts to take a pool lock another registry process holds. */
const LOCK_POLL_MS = 20;

const json = new TextEncoder();
const text = new TextDecoder();
const encode = (value: unknown): Uint8Array => json.encode(JSON.stringify(value));
const decode = <T>(value: Uint8Array): T => JSON.parse(text.decode(value)) as T;

const groupKey = ({ realmId, groupId, mapId }: GroupMapKey): string => `grp.${realmId}.${groupId}.${mapId}`;

/**
 * A {@link RegistryStore} on JetStream KV (ToCloud9 keeps the same state in Redis): every registry
 * process on the same buckets sees the same servers, and a restarted one finds them again. Each
 * write is a compare-and-set on the key's revision, retried on a conflict, so concurrent writers
 * never lose each other's updates; changes to a pool's maps run under a lock key so two processes
 * never interleave redistributions.
 */
export class KvRegistryStore implements RegistryStore {
  readonly #buckets: RegistryBuckets;
  readonly #owner: string;
  readonly #rejoinGraceMs: number;

  /** `owner` names this process in the lock keys it writes; removed servers count for `rejoinGraceMs`. */
  constructor(buckets: RegistryBuckets, owner: string, rejoinGraceMs: number) {
    this.#buckets = buckets;
    this.#owner = owner;
    this.#rejoinGraceMs = rejoinGraceMs;
  }

  async putGameServer(server: GameServerRecord): Promise<void> {
    await this.#mutate<GameServerRecord>(this.#buckets.servers, `ws.${server.id}`, () => server);
  }

  async gameServer(id: string): Promise<GameServerRecord | undefined> {
    const entry = await this.#buckets.servers.get(`ws.${id}`);
    return entry && decode<GameServerRecord>(entry.value);
  }

  async gameServers(pool?: ServerPool): Promise<GameServerRecord[]> {
    const all = (await this.#buckets.servers.entries("ws.")).map((entry) => decode<GameServerRecord>(entry.value));
    return (pool ? all.filter((server) => inPool(server, pool)) : all).sort(byId);
  }

  async updateGameServer(id: string, change: (server: GameServerRecord) => GameServerRecord): Promise<GameServerRecord | undefined> {
    return (await this.#mutate<GameServerRecord>(this.#buckets.servers, `ws.${id}`, (current) => current && change(current))).after;
  }

  async removeGameServer(id: string): Promise<GameServerRecord | undefined> {
    return (await this.#mutate<GameServerRecord>(this.#buckets.servers, `ws.${id}`, () => undefined)).before;
  }

  async putRemovedGameServer(removed: RemovedGameServer): Promise<void> {
    await this.#mutate<RemovedGameServer>(this.#buckets.removed, `ws.${removed.server.id}`, () => removed);
  }

  async takeRemovedGameServer(id: string): Promise<RemovedGameServer | undefined> {
    const { before } = await this.#mutate<RemovedGameServer>(this.#buckets.removed, `ws.${id}`, () => undefined);
    return before && before.removedAt + this.#rejoinGraceMs > Date.now() ? before : undefined;
  }

  async putGateway(gateway: GatewayRecord): Promise<void> {
    await this.#mutate<GatewayRecord>(this.#buckets.servers, `gw.${gateway.id}`, () => gateway);
  }

  async gateways(realmId?: number): Promise<GatewayRecord[]> {
    const all = (await this.#buckets.servers.entries("gw.")).map((entry) => decode<GatewayRecord>(entry.value));
    return (realmId === undefined ? all : all.filter((gateway) => gateway.realmId === realmId)).sort(byId);
  }

  async updateGateway(id: string, change: (gateway: GatewayRecord) => GatewayRecord): Promise<GatewayRecord | undefined> {
    return (await this.#mutate<GatewayRecord>(this.#buckets.servers, `gw.${id}`, (current) => current && change(current))).after;
  }

  async removeGateway(id: string): Promise<GatewayRecord | undefined> {
    return (await this.#mutate<GatewayRecord>(this.#buckets.servers, `gw.${id}`, () => undefined)).before;
  }

  async groupBinding(key: GroupMapKey): Promise<string | undefined> {
    // Writing the value again restarts its lifetime.
    return (await this.#mutate<string>(this.#buckets.groups, groupKey(key), (current) => current)).after;
  }

  async setGroupBinding(key: GroupMapKey, serverId: string): Promise<void> {
    await this.#mutate<string>(this.#buckets.groups, groupKey(key), () => serverId);
  }

  async replaceGroupBinding(key: GroupMapKey, expected: string | undefined, serverId: string): Promise<string> {
    const { after } = await this.#mutate<string>(this.#buckets.groups, groupKey(key), (current) =>
      current !== undefined && current !== expected ? current : serverId,
    );
    return after ?? serverId;
  }

  async exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
    const key = `lock.${name}`;
    let revision: number | undefined;
    for (;;) {
      revision = await this.#buckets.locks.create(key, encode(this.#owner));
      if (revision !== undefined) break;
      await sleep(LOCK_POLL_MS);
    }
    try {
      return await task();
    } finally {
      await this.#buckets.locks.delete(key, revision);
    }
  }

  /**
   * Reads a key, computes its next value (undefined deletes it) and writes it if nobody wrote in
   * between, else starts over. Answers the value before and after.
   */
  async #mutate<T>(kv: KeyValue, key: string, next: (current: T | undefined) => T | undefined): Promise<{ before: T | undefined; after: T | undefined }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const entry = await kv.get(key);
      const before = entry && decode<T>(entry.value);
      const after = next(before);
      if (after === undefined) {
        if (!entry || (await kv.delete(key, entry.revision))) return { before, after };
        continue;
      }
      const written = entry ? await kv.update(key, encode(after), entry.revision) : await kv.create(key, encode(after));
      if (written !== undefined) return { before, after };
    }
    throw new RegistryError(
      "TC9_ERR_REGISTRY_STORE_CONTENDED",
      `${MAX_ATTEMPTS} writers changed ${kv.bucket}/${key} while this registry tried to; check that no runaway process writes the registry's bucket`,
    );
  }
}

/** The realm-scoped databases a request names by `realmID`, refusing realms the cluster does not serve. */
import { RpcError, RpcStatus, type Database, type ModuleDatabases, type RealmInfo } from "@tc9/sdk";
import { ItemDisplayCache } from "./item-display-cache.js";

/** A served realm's databases and item display cache. */
export interface RealmStores {
  readonly characters: Database;
  readonly items: ItemDisplayCache;
}

/** Looks up a realm's stores; throws `NOT_FOUND` for a realm the topology does not have. */
export type RealmResolver = (realmId: number) => RealmStores;

/** One item display cache per realm, created on first use. */
export function realmResolver(databases: ModuleDatabases, realms: readonly RealmInfo[]): RealmResolver {
  const served = new Set(realms.map((realm) => realm.id));
  const stores = new Map<number, RealmStores>();
  return (realmId) => {
    if (!served.has(realmId)) {
      throw new RpcError(
        RpcStatus.NOT_FOUND,
        `realm ${realmId} is not served by this cluster (realms: ${[...served].join(", ")}); ask for one of those or add the realm to the topology`,
      );
    }
    let realm = stores.get(realmId);
    if (realm === undefined) {
      realm = { characters: databases.characters(realmId), items: new ItemDisplayCache(databases.world(realmId)) };
      stores.set(realmId, realm);
    }
    return realm;
  };
}

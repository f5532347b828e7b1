import { Database, type DatabaseOptions } from "./database.js";
import { StorageConfigError, UnknownRealmError } from "./errors.js";

/** The database URLs of one deployment: one auth database, and characters + world per realm. */
export interface DatabaseSetConfig {
  readonly auth: string;
  /** Keyed by realm id (the `realmlist.id` of the realm). */
  readonly realms: Readonly<Record<string, { readonly characters: string; readonly world: string }>>;
}

/** A realm's two per-realm databases. */
export interface RealmDatabases {
  readonly characters: Database;
  readonly world: Database;
}

/** Pool settings applied to every database of a set (the URL comes from the config). */
export type DatabaseSetOptions = Omit<DatabaseOptions, "url">;

/**
 * All databases of a deployment, one pool per distinct URL (realms that share a world database
 * share its pool). Building it opens no connection.
 */
export class DatabaseSet {
  readonly auth: Database;
  readonly #realms: ReadonlyMap<number, RealmDatabases>;
  readonly #all: readonly Database[];

  constructor(config: DatabaseSetConfig, options: DatabaseSetOptions = {}) {
    const pools = new Map<string, Database>();
    const open = (url: string): Database => {
      let database = pools.get(url);
      if (database === undefined) {
        database = new Database({ ...options, url });
        pools.set(url, database);
      }
      return database;
    };
    this.auth = open(config.auth);
    const realms = new Map<number, RealmDatabases>();
    for (const [key, urls] of Object.entries(config.realms)) {
      realms.set(parseRealmId(key), { characters: open(urls.characters), world: open(urls.world) });
    }
    this.#realms = realms;
    this.#all = [...pools.values()];
  }

  /** The configured realm ids, ascending. */
  get realmIds(): number[] {
    return [...this.#realms.keys()].sort((a, b) => a - b);
  }

  /** A realm's databases; `UnknownRealmError` when the realm is not configured. */
  realm(realmId: number): RealmDatabases {
    const realm = this.#realms.get(realmId);
    if (realm === undefined) throw new UnknownRealmError(realmId, this.realmIds);
    return realm;
  }

  characters(realmId: number): Database {
    return this.realm(realmId).characters;
  }

  world(realmId: number): Database {
    return this.realm(realmId).world;
  }

  /** Pings every distinct database in parallel; rejects with the first failure. */
  async ping(): Promise<void> {
    const results = await Promise.allSettled(this.#all.map((database) => database.ping()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure !== undefined) throw failure.reason;
  }

  /** Closes every pool. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((database) => database.close()));
  }
}

function parseRealmId(key: string): number {
  const realmId = Number(key);
  if (!/^\d+$/.test(key) || !Number.isSafeInteger(realmId) || realmId < 1 || realmId > 0xffffffff) {
    throw new StorageConfigError(
      `Realm key "${key}" in the database config is not a realm id; use the realm's realmlist.id (1 to 4294967295).`,
    );
  }
  return realmId;
}

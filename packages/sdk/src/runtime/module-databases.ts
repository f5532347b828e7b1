import type { Database } from "../storage/index.js";
import { openDatabase } from "../storage/index.js";
import type { DatabaseKind } from "./module.js";
import type { Topology } from "./topology.js";
import { TopologyError } from "./topology-errors.js";

/** The databases a module may open: those it declared, for every realm of the topology. */
export interface ModuleDatabases {
  auth(): Database;
  characters(realmId: number): Database;
  world(realmId: number): Database;
}

/**
 * One pool per database URL for the whole node, opened on first use (pools connect lazily, so a
 * node starts while MariaDB is down), closed when the node stops.
 */
export class NodeDatabases {
  private readonly pools = new Map<string, Database>();

  constructor(private readonly topology: Topology) {}

  /** The view a module gets; asking for an undeclared kind or an unknown realm is a coded error. */
  forModule(module: string, declared: readonly DatabaseKind[]): ModuleDatabases {
    const open = (kind: DatabaseKind, realmId?: number): Database => {
      if (!declared.includes(kind)) {
        throw new TopologyError(
          "TC9_ERR_MODULE_UNDECLARED_DATABASE",
          `module "${module}" opened the ${kind} database without declaring it; add "${kind}" to its databases`,
        );
      }
      return this.pool(this.urlOf(kind, realmId));
    };
    return {
      auth: () => open("auth"),
      characters: (realmId) => open("characters", realmId),
      world: (realmId) => open("world", realmId),
    };
  }

  /** Every database the given kinds resolve to across the topology's realms. */
  resolve(kinds: readonly DatabaseKind[]): Array<{ label: string; db: Database }> {
    const out: Array<{ label: string; db: Database }> = [];
    for (const kind of kinds) {
      if (kind === "auth") out.push({ label: "auth", db: this.pool(this.urlOf("auth")) });
      else for (const realm of this.topology.realms) {
        out.push({ label: `${kind}:${realm.id}`, db: this.pool(this.urlOf(kind, realm.id)) });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((db) => db.close()));
  }

  private urlOf(kind: DatabaseKind, realmId?: number): string {
    const url =
      kind === "auth"
        ? this.topology.databases.auth
        : this.topology.realms.find((realm) => realm.id === realmId)?.databases[kind];
    if (!url) {
      throw new TopologyError(
        "TC9_ERR_TOPOLOGY_MISSING_DATABASE",
        kind === "auth"
          ? "the auth database is not configured; set databases.auth"
          : `realm ${String(realmId)} has no ${kind} database; add the realm or set its databases.${kind}`,
      );
    }
    return url;
  }

  private pool(url: string): Database {
    let db = this.pools.get(url);
    if (!db) {
      db = openDatabase(url);
      this.pools.set(url, db);
    }
    return db;
  }
}

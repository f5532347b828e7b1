/** What `tc9 init` asks for (or takes from flags), and its defaults. */

/** The bus a scaffolded realm uses: the in-process local bus, or NATS at a URL. */
export type BusChoice = { readonly kind: "local" } | { readonly kind: "nats"; readonly url: string };

/** Simulated worldservers (how many), or real AzerothCore worldservers registering themselves. */
export type WorldserverChoice = { readonly kind: "simulated"; readonly count: number } | { readonly kind: "real" };

export interface ProjectSettings {
  /** The npm package name of the project (from the directory name). */
  readonly packageName: string;
  readonly realmName: string;
  /** The MariaDB server, without a database: `mysql://user:password@host:3306`. */
  readonly mysqlUrl: string;
  readonly bus: BusChoice;
  readonly worldservers: WorldserverChoice;
  /** The tc9 packages as dependencies: npm versions, or `file:` tarballs of a local checkout. */
  readonly dependencies: { readonly sdk: string; readonly services: string; readonly cli: string };
}

export const DEFAULT_REALM_NAME = "tc9";
export const DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306";
export const DEFAULT_SIMULATORS = 2;

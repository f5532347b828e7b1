import { StorageConfigError } from "./errors.js";

/** What a `mysql://` / `mariadb://` URL says about where and how to connect. */
export interface ConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string | undefined;
  /** The database (schema) name; absent for a server-level URL. */
  readonly database: string | undefined;
  /** A unix socket path (`?socket=/run/mysqld/mysqld.sock`), used instead of host and port. */
  readonly socketPath: string | undefined;
  /** Pool size from `?poolSize=` (alias `connectionLimit`), when the URL sets one. */
  readonly poolSize: number | undefined;
}

const defaultPort = 3306;
const knownParameters = new Set(["socket", "poolSize", "connectionLimit"]);

/**
 * Parses a database URL: `mysql://user:password@host:3306/database?poolSize=10`. The scheme may
 * be `mysql:` or `mariadb:`; user defaults to `root`, port to 3306. Unknown query parameters are
 * refused so a typo does not pass silently.
 */
export function parseDatabaseUrl(url: string): ConnectionSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new StorageConfigError(
      `"${redactDatabaseUrl(url)}" is not a URL. Write it as mysql://user:password@host:3306/database.`,
      { cause },
    );
  }
  if (parsed.protocol !== "mysql:" && parsed.protocol !== "mariadb:") {
    throw new StorageConfigError(
      `Database URL "${redactDatabaseUrl(url)}" has scheme "${parsed.protocol}"; use mysql:// or mariadb://.`,
    );
  }
  for (const name of parsed.searchParams.keys()) {
    if (!knownParameters.has(name)) {
      throw new StorageConfigError(
        `Database URL "${redactDatabaseUrl(url)}" has unknown parameter "${name}"; ` +
          `supported: ${[...knownParameters].join(", ")}.`,
      );
    }
  }
  const pathName = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (pathName.includes("/")) {
    throw new StorageConfigError(
      `Database URL "${redactDatabaseUrl(url)}" has a path with more than one segment; the path is the database name only.`,
    );
  }
  return {
    host: parsed.hostname === "" ? "127.0.0.1" : parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: parsed.port === "" ? defaultPort : Number(parsed.port),
    user: parsed.username === "" ? "root" : decodeURIComponent(parsed.username),
    password: parsed.password === "" ? undefined : decodeURIComponent(parsed.password),
    database: pathName === "" ? undefined : pathName,
    socketPath: parsed.searchParams.get("socket") ?? undefined,
    poolSize: parsePoolSize(url, parsed.searchParams.get("poolSize") ?? parsed.searchParams.get("connectionLimit")),
  };
}

function parsePoolSize(url: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new StorageConfigError(
      `Database URL "${redactDatabaseUrl(url)}" has poolSize "${raw}"; it must be a whole number of at least 1.`,
    );
  }
  return size;
}

/** Returns the URL with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/** Describes a connection target without secrets: `host:port/database` or `socket/database`. */
export function describeTarget(settings: ConnectionSettings): string {
  const where = settings.socketPath ?? `${settings.host}:${settings.port}`;
  return settings.database === undefined ? where : `${where}/${settings.database}`;
}

/** Returns the same server URL pointing at another database (used for scratch databases). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

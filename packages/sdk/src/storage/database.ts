import mysql, { type Pool, type PoolOptions } from "mysql2/promise";
import type { Logger } from "pino";
import { describeTarget, parseDatabaseUrl, redactDatabaseUrl, type ConnectionSettings } from "./connection-url.js";
import { translateDriverError } from "./driver-errors.js";
import { StorageConfigError, StorageUnavailableError } from "./errors.js";
import { PreparedStatements, type ExecuteResult, type Queryable } from "./queryable.js";
import type { SqlParams } from "./sql-values.js";
import { runTransaction, type TransactionCallback, type TransactionOptions } from "./transaction.js";

/** How to open one database's pool. */
export interface DatabaseOptions {
  /** `mysql://user:password@host:3306/database`; the database name is required. */
  readonly url: string;
  /** Maximum pooled connections; default the URL's `poolSize`, else 10. */
  readonly poolSize?: number;
  /** How long to wait for a connection (and for `ping()`) before giving up; default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** Default retry behaviour of `transaction()`, per call overridable. */
  readonly transactions?: TransactionOptions;
  /** Receives a warning for each transaction retry. */
  readonly logger?: Logger;
}

const defaultPoolSize = 10;
const defaultConnectTimeoutMs = 5000;
const settingsByDatabase = new WeakMap<Database, ConnectionSettings>();

/**
 * One MariaDB database (e.g. a realm's `characters`) behind a mysql2 pool. Statements are
 * prepared statements only (see `Queryable`). The pool connects lazily: constructing a Database
 * never touches the network, so a node starts while MariaDB is down and `ping()` reports it.
 */
export class Database implements Queryable {
  /** The database (schema) name from the URL. */
  readonly name: string;
  /** `host:port/name`, for logs and errors (never the password). */
  readonly target: string;
  readonly #pool: Pool;
  readonly #statements: PreparedStatements;
  readonly #connectTimeoutMs: number;
  readonly #transactionDefaults: TransactionOptions;
  readonly #logger: Logger | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: DatabaseOptions | string) {
    const resolved = typeof options === "string" ? { url: options } : options;
    const settings = parseDatabaseUrl(resolved.url);
    if (settings.database === undefined) {
      throw new StorageConfigError(
        `Database URL "${redactDatabaseUrl(resolved.url)}" names no database; append it as the path, e.g. .../acore_characters.`,
      );
    }
    this.name = settings.database;
    this.target = describeTarget(settings);
    this.#connectTimeoutMs = resolved.connectTimeoutMs ?? defaultConnectTimeoutMs;
    this.#transactionDefaults = resolved.transactions ?? {};
    this.#logger = resolved.logger;
    this.#pool = mysql.createPool(
      poolOptions(settings, resolved.poolSize ?? settings.poolSize ?? defaultPoolSize, this.#connectTimeoutMs),
    );
    this.#statements = new PreparedStatements((sql, values) => this.#openPool().execute(sql, values), this.target);
    settingsByDatabase.set(this, settings);
  }

  execute(sql: string, params?: SqlParams): Promise<ExecuteResult> {
    return this.#statements.execute(sql, params);
  }

  queryRows<Row extends object = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<Row[]> {
    return this.#statements.queryRows<Row>(sql, params);
  }

  queryOne<Row extends object = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<Row | undefined> {
    return this.#statements.queryOne<Row>(sql, params);
  }

  /** Runs `callback` in a transaction, retrying it on deadlocks (see `runTransaction`). */
  transaction<T>(callback: TransactionCallback<T>, options?: TransactionOptions): Promise<T> {
    return runTransaction(
      this.#openPool(),
      this.target,
      callback,
      { ...this.#transactionDefaults, ...options },
      this.#logger,
    );
  }

  /**
   * Checks that the server answers, within the connect timeout. Throws `StorageUnavailableError`
   * when it does not (refused, unreachable, bad login, unknown database, or no reply in time).
   */
  async ping(): Promise<void> {
    const pool = this.#openPool();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StorageUnavailableError(this.target, `no answer within ${this.#connectTimeoutMs} ms`)),
        this.#connectTimeoutMs,
      );
    });
    const attempt = (async () => {
      const connection = await pool.getConnection();
      try {
        await connection.ping();
      } finally {
        connection.release();
      }
    })();
    try {
      await Promise.race([attempt, timeout]);
    } catch (error) {
      attempt.catch(() => undefined);
      throw translateDriverError(error, this.target, undefined);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes every pooled connection; later calls fail with `StorageUnavailableError`. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#pool.end().catch(() => undefined);
    return this.#closing;
  }

  #openPool(): Pool {
    if (this.#closing !== undefined) {
      throw new StorageUnavailableError(this.target, "this Database was closed with close()");
    }
    return this.#pool;
  }
}

/** The URL-derived settings of a database, for the storage modules that open their own sessions. */
export function connectionSettingsOf(database: Database): ConnectionSettings {
  const settings = settingsByDatabase.get(database);
  if (settings === undefined) throw new StorageConfigError("Not a tc9 Database instance.");
  return settings;
}

/** mysql2 options shared by pools and single sessions: tc9's one value mapping (see integers.ts). */
export function sharedConnectionOptions(settings: ConnectionSettings, connectTimeoutMs: number): PoolOptions {
  return {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    socketPath: settings.socketPath,
    connectTimeout: connectTimeoutMs,
    charset: "UTF8MB4_UNICODE_CI",
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    timezone: "Z",
    namedPlaceholders: false,
  };
}

function poolOptions(settings: ConnectionSettings, poolSize: number, connectTimeoutMs: number): PoolOptions {
  return {
    ...sharedConnectionOptions(settings, connectTimeoutMs),
    multipleStatements: false,
    connectionLimit: poolSize,
    maxIdle: poolSize,
    waitForConnections: true,
    queueLimit: 0,
    enableKeepAlive: true,
  };
}

/** Opens a database pool (lazily connecting; see `Database`). */
export function openDatabase(options: DatabaseOptions | string): Database {
  return new Database(options);
}

import { Tc9Error } from "../errors.js";

/**
 * Storage error catalogue. Every error the storage layer throws on purpose is one of these; the
 * driver's own error, when there is one, is kept as `cause`.
 */

/** A database URL or a database-set config that cannot be used. */
export class StorageConfigError extends Tc9Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super("TC9_ERR_STORAGE_CONFIG", message, options);
  }
}

/** A realm id that the database set was not configured with. */
export class UnknownRealmError extends Tc9Error {
  readonly realmId: number;

  constructor(realmId: number, configured: readonly number[]) {
    const known = configured.length > 0 ? configured.join(", ") : "none";
    super(
      "TC9_ERR_STORAGE_UNKNOWN_REALM",
      `No databases are configured for realm ${realmId} (configured realms: ${known}). ` +
        `Add realms.${realmId}.characters and realms.${realmId}.world to the storage config.`,
    );
    this.realmId = realmId;
  }
}

/** The server could not be reached, refused the login, or dropped the connection. */
export class StorageUnavailableError extends Tc9Error {
  /** The database, as `host:port/name` (never with the password). */
  readonly target: string;

  constructor(target: string, reason: string, options?: { cause?: unknown }) {
    super(
      "TC9_ERR_STORAGE_UNAVAILABLE",
      `Database ${target} is unavailable: ${reason}. Check that MariaDB is running, reachable from ` +
        `this host, and that the URL's user, password and database are right.`,
      options,
    );
    this.target = target;
  }
}

/** The server rejected a statement; `sqlCode`/`errno`/`sqlState` are MariaDB's. */
export class StorageQueryError extends Tc9Error {
  /** MariaDB's symbolic error, e.g. `ER_DUP_ENTRY`, when the server sent one. */
  readonly sqlCode: string | undefined;
  /** MariaDB's numeric error, e.g. 1062, when the server sent one. */
  readonly errno: number | undefined;
  readonly sqlState: string | undefined;

  constructor(
    message: string,
    details: { sqlCode?: string; errno?: number; sqlState?: string; cause?: unknown },
  ) {
    super("TC9_ERR_STORAGE_QUERY", message, { cause: details.cause });
    this.sqlCode = details.sqlCode;
    this.errno = details.errno;
    this.sqlState = details.sqlState;
  }
}

/** A statement parameter that cannot be bound (e.g. `undefined`, or an unsafe integer `number`). */
export class StorageParameterError extends Tc9Error {
  constructor(message: string) {
    super("TC9_ERR_STORAGE_PARAMETER", message);
  }
}

/** A statement returned a result of the wrong shape for the method it was run with. */
export class StorageResultError extends Tc9Error {
  constructor(message: string) {
    super("TC9_ERR_STORAGE_RESULT", message);
  }
}

/** A transaction kept losing deadlocks or lock waits and ran out of attempts. */
export class TransactionConflictError extends Tc9Error {
  readonly attempts: number;

  constructor(attempts: number, cause: unknown) {
    super(
      "TC9_ERR_STORAGE_TRANSACTION_CONFLICT",
      `Transaction gave up after ${attempts} attempt(s), each lost to a deadlock or lock wait timeout. ` +
        `Lock rows in one consistent order (e.g. by primary key), keep transactions short, or raise ` +
        `the transaction's attempts.`,
      { cause },
    );
    this.attempts = attempts;
  }
}

/** A value read from the database is not an integer (see `toBigInt` / `toSafeInteger`). */
export class IntegerConversionError extends Tc9Error {
  constructor(message: string) {
    super("TC9_ERR_STORAGE_NOT_AN_INTEGER", message);
  }
}

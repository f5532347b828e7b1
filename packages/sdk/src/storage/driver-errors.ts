import { Tc9Error } from "../errors.js";
import { StorageQueryError, StorageUnavailableError } from "./errors.js";
import { abbreviateSql } from "./sql-values.js";

/** The fields mysql2 puts on the errors it raises (all optional: network errors lack most). */
interface DriverErrorFields {
  readonly message: string;
  readonly code: string | undefined;
  readonly errno: number | undefined;
  readonly sqlState: string | undefined;
  readonly fatal: boolean;
}

/** MariaDB's ER_LOCK_DEADLOCK: the transaction was chosen as a deadlock victim and rolled back. */
const errnoLockDeadlock = 1213;
/** MariaDB's ER_LOCK_WAIT_TIMEOUT: a row lock was not granted within innodb_lock_wait_timeout. */
const errnoLockWaitTimeout = 1205;

/** Socket-level and login failures: the server is not usable, whatever the statement. */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENOENT",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_ACCESS_DENIED_ERROR",
  "ER_DBACCESS_DENIED_ERROR",
  "ER_BAD_DB_ERROR",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
]);

function fieldsOf(error: unknown): DriverErrorFields {
  if (typeof error !== "object" || error === null) {
    return { message: String(error), code: undefined, errno: undefined, sqlState: undefined, fatal: false };
  }
  const record = error as Record<string, unknown>;
  return {
    message: typeof record["message"] === "string" ? record["message"] : String(error),
    code: typeof record["code"] === "string" ? record["code"] : undefined,
    errno: typeof record["errno"] === "number" ? record["errno"] : undefined,
    sqlState: typeof record["sqlState"] === "string" ? record["sqlState"] : undefined,
    fatal: record["fatal"] === true,
  };
}

/** True when the error means "the server is not reachable / usable" rather than "bad statement". */
export function isUnavailableError(error: unknown): boolean {
  const fields = fieldsOf(error);
  if (fields.code !== undefined && unavailableCodes.has(fields.code)) return true;
  // An AggregateError (one failure per resolved address) carries the code on its members.
  if (error instanceof AggregateError) return error.errors.some((member) => isUnavailableError(member));
  return fields.fatal && fields.errno === undefined;
}

/** True for the two lock conflicts after which rerunning the whole transaction is the cure. */
export function isRetryableConflict(error: unknown): boolean {
  const errno = error instanceof StorageQueryError ? error.errno : fieldsOf(error).errno;
  return errno === errnoLockDeadlock || errno === errnoLockWaitTimeout;
}

/**
 * Turns whatever mysql2 threw into tc9's storage errors. tc9 errors (e.g. a parameter check) pass
 * through unchanged.
 */
export function translateDriverError(error: unknown, target: string, sql: string | undefined): Error {
  if (error instanceof Tc9Error) return error;
  const fields = fieldsOf(error);
  if (isUnavailableError(error)) {
    const reason = fields.code !== undefined && !fields.message.includes(fields.code)
      ? `${fields.code} ${fields.message}`.trim()
      : fields.message || (fields.code ?? "connection failed");
    return new StorageUnavailableError(target, reason, { cause: error });
  }
  const where = sql === undefined ? "" : ` in "${abbreviateSql(sql)}"`;
  const label = fields.code === undefined ? "" : ` (${fields.code})`;
  return new StorageQueryError(`MariaDB rejected a statement${where} on ${target}: ${fields.message}${label}`, {
    sqlCode: fields.code,
    errno: fields.errno,
    sqlState: fields.sqlState,
    cause: error,
  });
}

import { setTimeout as sleep } from "node:timers/promises";
import type { Pool, PoolConnection } from "mysql2/promise";
import type { Logger } from "pino";
import { isRetryableConflict, translateDriverError } from "./driver-errors.js";
import { StorageResultError, TransactionConflictError } from "./errors.js";
import { PreparedStatements, type ExecuteFunction, type ExecuteResult, type Queryable } from "./queryable.js";
import type { SqlParams } from "./sql-values.js";

/** How a transaction retries when it loses a deadlock (1213) or a lock wait (1205). */
export interface TransactionOptions {
  /** Total attempts, the first included. Default 4; 1 disables retrying. */
  readonly attempts?: number;
  /** Delay before the first retry; it doubles for each further retry (with jitter). Default 20 ms. */
  readonly initialBackoffMs?: number;
  /** Upper bound of one retry delay. Default 500 ms. */
  readonly maxBackoffMs?: number;
}

/** The statement API inside `db.transaction(...)`, bound to the transaction's connection. */
export interface Transaction extends Queryable {
  /** 1 on the first run of the callback, 2 on the first retry, and so on. */
  readonly attempt: number;
}

/**
 * The callback of `db.transaction`. It may run more than once (after a deadlock or a lock wait
 * timeout every statement is rolled back and the callback starts again from scratch), so it must
 * not have effects outside the database — publish events and send replies after it returns.
 */
export type TransactionCallback<T> = (tx: Transaction) => Promise<T>;

const defaults = { attempts: 4, initialBackoffMs: 20, maxBackoffMs: 500 } as const;

/**
 * Runs `callback` in a transaction on one pooled connection: BEGIN, the callback, COMMIT. Any
 * error rolls back; the connection always goes back to the pool (or is destroyed when even the
 * rollback failed). Deadlocks and lock wait timeouts rerun the callback up to `attempts` times,
 * then fail with `TransactionConflictError`; every other error is rethrown as it is.
 */
export async function runTransaction<T>(
  pool: Pool,
  target: string,
  callback: TransactionCallback<T>,
  options: TransactionOptions = {},
  logger?: Logger,
): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? defaults.attempts));
  const initialBackoffMs = options.initialBackoffMs ?? defaults.initialBackoffMs;
  const maxBackoffMs = options.maxBackoffMs ?? defaults.maxBackoffMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(pool, target, callback, attempt);
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= attempts) throw new TransactionConflictError(attempt, error);
      const delayMs = backoffDelay(attempt, initialBackoffMs, maxBackoffMs);
      logger?.warn({ target, attempt, delayMs, err: error }, "transaction lost a lock conflict; retrying");
      await sleep(delayMs);
    }
  }
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
function backoffDelay(retry: number, initialMs: number, maxMs: number): number {
  const step = Math.min(maxMs, initialMs * 2 ** (retry - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

async function runOnce<T>(pool: Pool, target: string, callback: TransactionCallback<T>, attempt: number): Promise<T> {
  let connection: PoolConnection;
  try {
    connection = await pool.getConnection();
  } catch (error) {
    throw translateDriverError(error, target, undefined);
  }
  const scope = new TransactionScope(connection, target, attempt);
  let reusable = true;
  try {
    await guard(target, () => connection.beginTransaction());
    const value = await callback(scope);
    await guard(target, () => connection.commit());
    return value;
  } catch (error) {
    try {
      await connection.rollback();
    } catch {
      reusable = false;
    }
    throw error;
  } finally {
    scope.finish();
    if (reusable) connection.release();
    else connection.destroy();
  }
}

async function guard(target: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    throw translateDriverError(error, target, undefined);
  }
}

/** A `Transaction` that refuses statements once its transaction has ended. */
class TransactionScope implements Transaction {
  readonly attempt: number;
  readonly #statements: PreparedStatements;
  #finished = false;

  constructor(connection: PoolConnection, target: string, attempt: number) {
    this.attempt = attempt;
    const run: ExecuteFunction = (sql, values) => {
      if (this.#finished) {
        return Promise.reject(
          new StorageResultError(
            "This transaction has already ended; use the tx object only inside its db.transaction() callback.",
          ),
        );
      }
      return connection.execute(sql, values);
    };
    this.#statements = new PreparedStatements(run, target);
  }

  finish(): void {
    this.#finished = true;
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
}

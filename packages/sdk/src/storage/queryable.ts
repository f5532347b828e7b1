import { translateDriverError } from "./driver-errors.js";
import { StorageResultError } from "./errors.js";
import { toBigInt } from "./integers.js";
import { abbreviateSql, bindParams, type BoundValue, type SqlParams } from "./sql-values.js";

/** The outcome of a statement that returns no rows (INSERT, UPDATE, DELETE, REPLACE, SET …). */
export interface ExecuteResult {
  /** Rows inserted, deleted or matched by an UPDATE (MariaDB's "affected rows"). */
  readonly affectedRows: number;
  /** Rows an UPDATE actually changed. */
  readonly changedRows: number;
  /** The AUTO_INCREMENT value of the first inserted row; 0n when none was generated. */
  readonly insertId: bigint;
  /** Number of warnings the statement raised. */
  readonly warningCount: number;
}

/**
 * The statement API shared by a database and a transaction. Every call is a server-side prepared
 * statement (`?` placeholders, cached per connection); there is no way to run interpolated SQL.
 *
 * Row values follow mysql2's types with tc9's settings: INT and smaller → `number`; BIGINT and
 * DECIMAL → decimal `string` (convert with `toBigInt`); FLOAT/DOUBLE → `number`; CHAR/VARCHAR/TEXT
 * → `string`; BINARY/BLOB → `Buffer`; DATE/DATETIME/TIMESTAMP → `string` as stored (no time-zone
 * conversion). The row type parameter is a promise the caller makes about its SELECT list.
 */
export interface Queryable {
  /** Runs a statement that returns no rows. */
  execute(sql: string, params?: SqlParams): Promise<ExecuteResult>;
  /** Runs a SELECT and returns all rows. */
  queryRows<Row extends object = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<Row[]>;
  /** Runs a SELECT expected to return at most one row; more than one is an error. */
  queryOne<Row extends object = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<Row | undefined>;
}

/** Anything with mysql2's promise `execute` (a pool or one of its connections). */
export type ExecuteFunction = (sql: string, values: BoundValue[]) => Promise<readonly [unknown, unknown]>;

interface ResultHeader {
  readonly affectedRows: number;
  readonly changedRows?: number;
  readonly insertId: number | string;
  readonly warningStatus: number;
}

function isResultHeader(result: unknown): result is ResultHeader {
  return typeof result === "object" && result !== null && !Array.isArray(result) && "affectedRows" in result;
}

/** Implements `Queryable` over one mysql2 execute function, translating driver errors. */
export class PreparedStatements implements Queryable {
  readonly #run: ExecuteFunction;
  readonly #target: string;

  constructor(run: ExecuteFunction, target: string) {
    this.#run = run;
    this.#target = target;
  }

  async execute(sql: string, params: SqlParams = []): Promise<ExecuteResult> {
    const result = await this.#send(sql, params);
    if (!isResultHeader(result)) {
      throw new StorageResultError(
        `"${abbreviateSql(sql)}" returned rows; run statements that return rows with queryRows() or queryOne().`,
      );
    }
    return {
      affectedRows: result.affectedRows,
      changedRows: result.changedRows ?? 0,
      insertId: toBigInt(result.insertId),
      warningCount: result.warningStatus,
    };
  }

  async queryRows<Row extends object = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<Row[]> {
    const result = await this.#send(sql, params);
    if (!Array.isArray(result)) {
      throw new StorageResultError(
        `"${abbreviateSql(sql)}" returned no result set; run statements without rows with execute().`,
      );
    }
    return result as Row[];
  }

  async queryOne<Row extends object = Record<string, unknown>>(
    sql: string,
    params: SqlParams = [],
  ): Promise<Row | undefined> {
    const rows = await this.queryRows<Row>(sql, params);
    if (rows.length > 1) {
      throw new StorageResultError(
        `"${abbreviateSql(sql)}" returned ${rows.length} rows where at most one was expected; ` +
          `narrow the WHERE clause or add LIMIT 1.`,
      );
    }
    return rows[0];
  }

  async #send(sql: string, params: SqlParams): Promise<unknown> {
    const bound = bindParams(sql, params);
    try {
      const [result] = await this.#run(sql, bound);
      return result;
    } catch (error) {
      throw translateDriverError(error, this.#target, sql);
    }
  }
}

import mysql from "mysql2/promise";
import { StorageParameterError } from "./errors.js";

/**
 * A value that can be bound to a `?` placeholder. `null` is SQL NULL (`undefined` is refused);
 * `bigint` is bound as an exact 64-bit integer; `Date` is sent as UTC; `Buffer` as binary.
 */
export type SqlValue = string | number | bigint | boolean | Date | Buffer | null;

/** The parameters of one statement, in placeholder order. */
export type SqlParams = readonly SqlValue[];

/** What mysql2 receives for one parameter after tc9 has checked and typed it. */
export type BoundValue = SqlValue | ReturnType<typeof mysql.TypedParameter.BIGINT>;

const maxUnsigned64 = (1n << 64n) - 1n;
const minSigned64 = -(1n << 63n);

/**
 * Checks the parameters of `sql` and types them for the binary protocol: rejects `undefined`
 * (the usual sign of a missing field) and integral `number`s beyond 2^53 (already imprecise), and
 * binds `bigint`s as BIGINT / BIGINT UNSIGNED so they are never rounded through a double.
 */
export function bindParams(sql: string, params: SqlParams): BoundValue[] {
  return params.map((value, index) => bindOne(sql, value, index));
}

function bindOne(sql: string, value: SqlValue | undefined, index: number): BoundValue {
  if (value === undefined) {
    throw new StorageParameterError(
      `Parameter ${index + 1} of "${abbreviateSql(sql)}" is undefined; pass null for SQL NULL, or fix the missing value.`,
    );
  }
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new StorageParameterError(
      `Parameter ${index + 1} of "${abbreviateSql(sql)}" is ${value}, beyond 2^53, so it has already lost precision; pass it as a bigint.`,
    );
  }
  if (typeof value === "bigint") {
    if (value > maxUnsigned64 || value < minSigned64) {
      throw new StorageParameterError(
        `Parameter ${index + 1} of "${abbreviateSql(sql)}" is ${value}, which does not fit in 64 bits.`,
      );
    }
    return value < 0n ? mysql.TypedParameter.BIGINT(value) : mysql.TypedParameter.BIGINT.unsigned(value);
  }
  return value;
}

/** The first line of a statement, shortened, for error messages. */
export function abbreviateSql(sql: string): string {
  const oneLine = sql.replace(/\s+/g, " ").trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

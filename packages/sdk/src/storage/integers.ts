import { IntegerConversionError } from "./errors.js";

/**
 * tc9's one mapping for wide integers read from MariaDB.
 *
 * Pools run with `supportBigNumbers` and `bigNumberStrings`, so every `BIGINT` (signed or
 * unsigned) and `DECIMAL` value — including `COUNT(*)` and `SUM(...)` results — arrives as a
 * decimal **string**, whatever its size. Narrower integer columns (`INT UNSIGNED` and below)
 * arrive as `number`, which is exact for them. Row types therefore declare BIGINT columns as
 * `string`, and code converts at the repository edge with `toBigInt` (exact, for GUIDs and other
 * 64-bit values) or `toSafeInteger` (for counts and values known to fit in 2^53).
 *
 * Going the other way, a `bigint` parameter is bound as a typed 64-bit integer, so values above
 * 2^53 (e.g. WoW GUIDs with high type bits) are written and compared exactly.
 */
export type DatabaseInteger = string | number | bigint;

const integerPattern = /^-?\d+$/;

/** Converts a BIGINT / DECIMAL / INT value read from MariaDB to an exact `bigint`. */
export function toBigInt(value: DatabaseInteger): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new IntegerConversionError(
        `${value} is not a safe integer, so it cannot be converted exactly; read the column as a string (BIGINT) instead.`,
      );
    }
    return BigInt(value);
  }
  const text = value.trim();
  if (!integerPattern.test(text)) {
    throw new IntegerConversionError(
      `"${value}" is not an integer; only whole-number columns (BIGINT, INT, DECIMAL without a fraction) convert to bigint.`,
    );
  }
  return BigInt(text);
}

/** Converts an integer value read from MariaDB to a `number`, refusing values beyond 2^53. */
export function toSafeInteger(value: DatabaseInteger): number {
  const exact = toBigInt(value);
  if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new IntegerConversionError(
      `${exact} does not fit in a JavaScript number without losing precision; use toBigInt() for this column.`,
    );
  }
  return Number(exact);
}

import { isGoNil } from "../../../src/bus/index.js";

/**
 * A decoded Go-JSON value as text that tells apart everything a decode can differ in: property
 * order, `bigint` vs `number`, `-0`, `undefined` members, `Map`s, and nil-marked slices and maps.
 */
export function snapshotGoValue(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean" || value === undefined || value === null) return String(value);
  if (Array.isArray(value)) {
    return `${isGoNil(value) ? "nil" : ""}[${value.map(snapshotGoValue).join(",")}]`;
  }
  if (value instanceof Map) {
    const entries = [...value].map(([key, item]) => `${snapshotGoValue(key)}=>${snapshotGoValue(item)}`);
    return `${isGoNil(value) ? "nil" : ""}Map{${entries.join(",")}}`;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record).map((key) => `${JSON.stringify(key)}:${snapshotGoValue(record[key])}`);
    return `{${members.join(",")}}`;
  }
  return `unexpected ${typeof value}`;
}

/** The snapshot of what `decode` returns, or `error <code>: <message>` when it throws. */
export function decodeOutcome(decode: () => unknown): string {
  try {
    return snapshotGoValue(decode());
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return `error ${code}: ${message}`;
  }
}

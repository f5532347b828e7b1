import type { GoType } from "./go-type.js";
import type { JsonNode } from "./json-node.js";
import type { JsonScanner } from "./json-scanner.js";

/**
 * A struct field with Go's `json:",omitempty"` on a value type: the key is left out when the value
 * is empty (0, "", false, empty or nil slice/map) and decodes to the zero value when missing.
 * The TypeScript property stays required.
 */
export function omitempty<T>(type: GoType<T>): GoType<T> {
  return { ...type, omitEmpty: true };
}

/** A Go pointer field with `omitempty` (`*T`): the TypeScript property is optional, see below. */
export interface GoOptionalType<T> extends GoType<T | undefined> {
  readonly optional: true;
}

/**
 * A Go pointer field with `json:",omitempty"` (`*uint8` …): `undefined` (nil) leaves the key out,
 * any present value is written, zero included. The TypeScript property is optional.
 */
export function omitemptyPointer<T>(type: GoType<T>): GoOptionalType<T> {
  return {
    goName: `*${type.goName}`,
    optional: true,
    jsonKey: type.jsonKey,
    omitEmpty: true,
    zero: () => undefined,
    isEmpty: (value) => value === undefined,
    write: (value) => (value === undefined ? "null" : type.write(value)),
    read: (node: JsonNode) => (node.kind === "null" ? undefined : type.read(node)),
    scan: (scanner: JsonScanner) => (scanner.skipNull() ? undefined : type.scan(scanner)),
  };
}

/** A struct field whose Go declaration has a `json:"key"` tag naming its JSON key. */
export function jsonName<G extends GoType<unknown>>(key: string, type: G): G {
  return { ...type, jsonKey: key };
}

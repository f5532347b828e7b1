import { BusDecodeError, BusEncodeError } from "../errors.js";
import type { JsonNode } from "./json-node.js";
import type { JsonScanner } from "./json-scanner.js";

/**
 * One node of the Go-JSON schema DSL: it stands for a Go type and is at the same time the codec
 * that writes a TypeScript value the way Go's `encoding/json` writes that Go type, and reads it back
 * the way Go's decoder does (missing or `null` → zero value, unknown keys ignored).
 *
 * Methods (not function properties) on purpose: any `GoType<T>` is then usable where a
 * `GoType<unknown>` is expected, which the struct DSL relies on.
 */
export interface GoType<T> {
  /** The Go spelling of the type, e.g. `uint32`, `[]uint64`, `map[uint32]uint8`. */
  readonly goName: string;
  /** True only for `omitemptyPointer` fields: the TypeScript property is optional. */
  readonly optional: boolean;
  /** The JSON key that `jsonName` gave this field; the struct uses the property name otherwise. */
  readonly jsonKey: string | undefined;
  /** True when the field carries Go's `omitempty` (value or pointer). */
  readonly omitEmpty: boolean;
  /** Go's zero value of the type (also what a missing key or `null` decodes to). */
  zero(): T;
  /** Go's "empty" test used by `omitempty`: false, 0, "", nil/empty slice or map, nil pointer. */
  isEmpty(value: T): boolean;
  /** Writes `value` as JSON text; throws {@link BusEncodeError}. */
  write(value: T): string;
  /** Reads a parsed JSON node; throws {@link BusDecodeError}. This is the reference decoder. */
  read(node: JsonNode): T;
  /**
   * Reads the next JSON value straight from the text (the fast path, no node tree). For a valid
   * value it returns what {@link read} returns for the parsed value; when anything is wrong it
   * throws, possibly earlier or with another message than {@link read} would, so callers answer a
   * throw by running {@link read} for the exact outcome.
   */
  scan(scanner: JsonScanner): T;
}

/** A Go type usable as a map key: integers and strings (written as JSON object keys). */
export interface GoMapKeyType<K> extends GoType<K> {
  /** The key as Go writes it into a JSON object key (decimal for integers). */
  formatKey(key: K): string;
  /** Reads a JSON object key back, as Go's decoder does. */
  parseKey(key: string): K;
}

/** The TypeScript type a schema node stands for. */
export type GoValueOf<S> = S extends GoType<infer T> ? T : never;

/** Base fields shared by every plain (non-wrapped) schema node. */
export const plainTypeTraits = {
  optional: false,
  jsonKey: undefined,
  omitEmpty: false,
} as const;

/** Re-throws a codec error raised inside `segment` (a field name or index) with its full path. */
export function rethrowWithin(error: unknown, segment: string | number): never {
  if (error instanceof BusEncodeError || error instanceof BusDecodeError) throw error.within(segment);
  throw error;
}

/** A short description of a JSON node's kind for error messages. */
export function describeNode(node: JsonNode): string {
  return node.kind === "number" ? `number ${node.text}` : node.kind;
}

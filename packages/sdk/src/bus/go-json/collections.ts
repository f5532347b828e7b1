import { BusDecodeError, BusDefinitionError, BusEncodeError } from "../errors.js";
import { isGoNil, nilMap, nilSlice } from "./go-nil.js";
import { quoteGoString } from "./go-string.js";
import { describeNode, plainTypeTraits, rethrowWithin, type GoMapKeyType, type GoType } from "./go-type.js";
import type { JsonNode } from "./json-node.js";
import { CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET } from "./json-scanner.js";
import { u8 } from "./scalars.js";

/** A slice schema; `element` is the schema of its items. */
export interface GoSliceType<T> extends GoType<T[]> {
  readonly element: GoType<T>;
}

/** A map schema; `key` and `value` are the schemas of its keys and values. */
export interface GoMapType<K, V> extends GoType<Map<K, V>> {
  readonly key: GoMapKeyType<K>;
  readonly value: GoType<V>;
}

/**
 * Go `[]T` as a TypeScript array. A Go nil slice is JSON `null`: decoding `null` gives an empty
 * array remembered as nil, so it re-encodes as `null`; to send `null` yourself pass
 * {@link nilSlice}`()`. Every other array, empty ones included, encodes as `[...]`.
 */
export function slice<T>(element: GoType<T>): GoSliceType<T> {
  if ((element as GoType<unknown>) === u8) {
    throw new BusDefinitionError(
      "slice(u8) is not supported: Go writes []byte as a base64 string; use str or slice(u16) instead",
    );
  }
  return {
    ...plainTypeTraits,
    goName: `[]${element.goName}`,
    element,
    zero: () => nilSlice<T>(),
    isEmpty: (value) => value == null || value.length === 0,
    write: (value) => {
      if (value == null || isGoNil(value)) return "null";
      if (!Array.isArray(value)) throw new BusEncodeError("", "expected an array");
      let out = "[";
      for (let index = 0; index < value.length; index++) {
        try {
          out += (index === 0 ? "" : ",") + element.write(value[index] as T);
        } catch (error) {
          rethrowWithin(error, index);
        }
      }
      return `${out}]`;
    },
    read: (node) => {
      if (node.kind === "null") return nilSlice<T>();
      if (node.kind !== "array") {
        throw new BusDecodeError("", `cannot read ${describeNode(node)} as ${element.goName} slice`);
      }
      const items: T[] = [];
      for (let index = 0; index < node.items.length; index++) {
        try {
          items.push(element.read(node.items[index] as JsonNode));
        } catch (error) {
          rethrowWithin(error, index);
        }
      }
      return items;
    },
    scan: (scanner) => {
      if (scanner.skipNull()) return nilSlice<T>();
      const items: T[] = [];
      if (scanner.enter(OPEN_BRACKET, CLOSE_BRACKET)) {
        do items.push(element.scan(scanner));
        while (scanner.hasMore(CLOSE_BRACKET));
      }
      return items;
    },
  };
}

/**
 * Go `map[K]V` as a TypeScript `Map`. Keys are written as JSON object keys (decimal for integers)
 * in the order Go writes them: sorted by the key's text, so `"10"` comes before `"9"`. A nil map is
 * `null`: decoding `null` gives an empty map remembered as nil; pass {@link nilMap}`()` to send it.
 */
export function mapOf<K, V>(key: GoMapKeyType<K>, value: GoType<V>): GoMapType<K, V> {
  const goName = `map[${key.goName}]${value.goName}`;
  return {
    ...plainTypeTraits,
    goName,
    key,
    value,
    zero: () => nilMap<K, V>(),
    isEmpty: (map) => map == null || map.size === 0,
    write: (map) => {
      if (map == null || isGoNil(map)) return "null";
      if (!(map instanceof Map)) throw new BusEncodeError("", "expected a Map");
      const entries: [string, string][] = [];
      for (const [k, v] of map) {
        const text = key.formatKey(k);
        try {
          entries.push([text, value.write(v)]);
        } catch (error) {
          rethrowWithin(error, text);
        }
      }
      entries.sort(([a], [b]) => compareCodePoints(a, b));
      return `{${entries.map(([k, v]) => `${quoteGoString(k)}:${v}`).join(",")}}`;
    },
    read: (node) => {
      if (node.kind === "null") return nilMap<K, V>();
      if (node.kind !== "object") throw new BusDecodeError("", `cannot read ${describeNode(node)} as ${goName}`);
      const map = new Map<K, V>();
      for (const [k, v] of node.members) {
        try {
          map.set(key.parseKey(k), value.read(v));
        } catch (error) {
          rethrowWithin(error, k);
        }
      }
      return map;
    },
    scan: (scanner) => {
      if (scanner.skipNull()) return nilMap<K, V>();
      const map = new Map<K, V>();
      if (scanner.enter(OPEN_BRACE, CLOSE_BRACE)) {
        do {
          const k = key.parseKey(scanner.memberKey());
          map.set(k, value.scan(scanner));
        } while (scanner.hasMore(CLOSE_BRACE));
      }
      return map;
    },
  };
}

/** Orders strings by Unicode code point, which is the byte order of their UTF-8 (Go's sort). */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

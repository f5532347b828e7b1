/**
 * Go tells a nil slice or map (`null` in JSON) from an empty one (`[]` / `{}`). TypeScript payloads
 * use plain arrays and `Map`s, so the difference is carried by identity: an array or map made by
 * {@link nilSlice} / {@link nilMap} (and every `null` the decoder reads) is remembered here and
 * encodes as `null` while it is still empty. Any other array or map encodes as `[]` / `{}`.
 */
const nilValues = new WeakSet<object>();

/** A new empty array that encodes as JSON `null`, like a Go nil slice. */
export function nilSlice<T>(): T[] {
  const slice: T[] = [];
  nilValues.add(slice);
  return slice;
}

/** A new empty `Map` that encodes as JSON `null`, like a Go nil map. */
export function nilMap<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  nilValues.add(map);
  return map;
}

/** True when `value` is an empty array or map made as a Go nil (so it encodes as `null`). */
export function isGoNil(value: readonly unknown[] | ReadonlyMap<unknown, unknown>): boolean {
  const size = Array.isArray(value) ? value.length : (value as ReadonlyMap<unknown, unknown>).size;
  return size === 0 && nilValues.has(value);
}

/**
 * Deterministic, fully populated sample messages built from reflection metadata, in the shape
 * the generated code uses (bigint, Uint8Array, Map, undefined for absent), and their plain
 * protobufjs JSON-ish form (`toObject` with `longs: String, bytes: String`, defaults omitted).
 */
import protobuf from "protobufjs";
import type { AnyMessage } from "./contract-catalog.js";

/** A small seeded PRNG (xorshift32), so every run builds the same samples. */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state;
  }

  below(limit: number): number {
    return this.next() % limit;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.below(values.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }
}

const TWO_63 = 2n ** 63n;
/** Unsigned 64-bit values above 2^53 and 2^63, as WoW GUIDs with high type bits are. */
const UNSIGNED_64 = [2n ** 64n - 1n, TWO_63, TWO_63 + 12_345n, 2n ** 53n + 1n, 0xf130_0000_0000_1234n, 1n];
/** Signed 64-bit values: both limits, negatives, and values past float precision. */
const SIGNED_64 = [-TWO_63, TWO_63 - 1n, -1n, -(2n ** 53n) - 3n, 2n ** 53n + 1n, 7n];
const STRINGS = ["Thrall", "Grünwald", "snow ☃", "clef 𝄞", "quote \" and \\ slash", "line\nbreak"];
const MAX_DEPTH = 3;

const UNSIGNED_TYPES = new Set(["uint64", "fixed64"]);

/** A populated message: every field set; optional fields sometimes explicitly set to the default. */
export function sampleMessage(type: protobuf.Type, prng: Prng, depth = 0): AnyMessage {
  const message: AnyMessage = {};
  for (const field of type.fieldsArray) {
    message[field.name] = sampleField(field, prng, depth);
  }
  return message;
}

function sampleField(field: protobuf.Field, prng: Prng, depth: number): unknown {
  if (field instanceof protobuf.MapField) {
    const entries = new Map<unknown, unknown>();
    if (field.resolvedType instanceof protobuf.Type && depth >= MAX_DEPTH) return entries;
    const wanted = field.keyType === "bool" ? 2 : 3;
    while (entries.size < wanted) {
      entries.set(sampleScalar(field.keyType, prng, true), sampleValue(field, prng, depth, true));
    }
    return entries;
  }
  if (field.repeated) {
    if (field.resolvedType instanceof protobuf.Type && depth >= MAX_DEPTH) return [];
    return Array.from({ length: 1 + prng.below(3) }, () => sampleValue(field, prng, depth, prng.below(5) !== 0));
  }
  if (field.resolvedType instanceof protobuf.Type) {
    return depth >= MAX_DEPTH ? undefined : sampleMessage(field.resolvedType, prng, depth + 1);
  }
  const explicitPresence = field.options?.["proto3_optional"] === true;
  return sampleValue(field, prng, depth, !explicitPresence || prng.below(3) !== 0);
}

/** One value of the field's value type (a map's value type for a map field). */
function sampleValue(field: protobuf.Field, prng: Prng, depth: number, nonDefault: boolean): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return sampleMessage(resolved, prng, depth + 1);
  if (resolved instanceof protobuf.Enum) {
    const numbers = Object.values(resolved.values);
    const nonZero = numbers.filter((number) => number !== 0);
    return nonDefault && nonZero.length > 0 ? prng.pick(nonZero) : 0;
  }
  return nonDefault ? sampleScalar(field.type, prng, false) : defaultScalar(field.type);
}

/** A non-default value of a scalar type. */
function sampleScalar(type: string, prng: Prng, asMapKey: boolean): unknown {
  switch (type) {
    case "double":
      return (prng.next() - 2 ** 31) / 1024 || 0.5;
    case "float":
      return Math.fround((prng.next() % 200_000) / 16 - 6_000) || 0.25;
    case "int32":
    case "sint32":
    case "sfixed32":
      return prng.next() | 0 || -5;
    case "uint32":
    case "fixed32":
      return prng.next() || 5;
    case "int64":
    case "sint64":
    case "sfixed64":
      return asMapKey ? BigInt(prng.next() | 0) - (1n << 40n) : prng.pick(SIGNED_64);
    case "uint64":
    case "fixed64":
      return asMapKey ? BigInt(prng.next()) + (1n << 54n) : prng.pick(UNSIGNED_64);
    case "bool":
      return asMapKey ? prng.below(2) === 0 : true;
    case "string":
      return `${prng.pick(STRINGS)} ${prng.below(1000)}`;
    case "bytes":
      return Uint8Array.from({ length: 1 + prng.below(8) }, () => prng.below(256));
    default:
      throw new Error(`no sample for scalar type ${type}`);
  }
}

function defaultScalar(type: string): unknown {
  switch (type) {
    case "int64":
    case "uint64":
    case "sint64":
    case "fixed64":
    case "sfixed64":
      return 0n;
    case "bool":
      return false;
    case "string":
      return "";
    case "bytes":
      return new Uint8Array(0);
    default:
      return 0;
  }
}

/**
 * The protobufjs plain form of a generated-shape message: what `toObject(decode(bytes),
 * {longs: String, bytes: String})` returns for its encoding, and valid input for `fromObject`.
 * Fields that proto3 does not put on the wire (implicit defaults, absent optionals, empty
 * repeats and maps) are left out.
 */
export function toPlain(type: protobuf.Type, message: AnyMessage): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    const valueType = field.resolvedType;
    if (field instanceof protobuf.MapField) {
      if (!(value instanceof Map) || value.size === 0) continue;
      plain[field.name] = Object.fromEntries(
        [...value].map(([key, item]) => [String(key), plainValue(valueType, field.type, item)]),
      );
    } else if (field.repeated) {
      if (!Array.isArray(value) || value.length === 0) continue;
      plain[field.name] = value.map((item) => plainValue(valueType, field.type, item));
    } else if (value !== undefined && !isImplicitDefault(field, value)) {
      plain[field.name] = plainValue(valueType, field.type, value);
    }
  }
  return plain;
}

function isImplicitDefault(field: protobuf.Field, value: unknown): boolean {
  if (field.options?.["proto3_optional"] === true || field.resolvedType instanceof protobuf.Type) return false;
  if (value instanceof Uint8Array) return value.length === 0;
  return Object.is(value, 0) || value === 0n || value === false || value === "";
}

function plainValue(valueType: protobuf.Type | protobuf.Enum | null, scalarType: string, value: unknown): unknown {
  if (valueType instanceof protobuf.Type) return toPlain(valueType, value as AnyMessage);
  if (typeof value === "bigint") {
    return (UNSIGNED_TYPES.has(scalarType) ? BigInt.asUintN(64, value) : BigInt.asIntN(64, value)).toString();
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}

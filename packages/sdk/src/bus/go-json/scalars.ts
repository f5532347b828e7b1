import { BusDecodeError, BusEncodeError } from "../errors.js";
import { formatGoFloat32, formatGoFloat64, parseGoFloat32, parseGoFloat64 } from "./go-float.js";
import { quoteGoString } from "./go-string.js";
import { describeNode, plainTypeTraits, type GoMapKeyType, type GoType } from "./go-type.js";
import type { JsonNode } from "./json-node.js";
import { LOWER_F, LOWER_T, type JsonScanner } from "./json-scanner.js";

const UNSIGNED_LITERAL = /^\d+$/;
const SIGNED_LITERAL = /^-?\d+$/;
const SIGNED_KEY = /^[+-]?\d+$/;
const MINUS = 0x2d;

/** A Go integer of at most 32 bits, held as a JS `number`. */
function smallInteger(goName: string, min: number, max: number): GoMapKeyType<number> {
  const literal = min < 0 ? SIGNED_LITERAL : UNSIGNED_LITERAL;
  const check = (value: number): string => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new BusEncodeError("", `${String(value)} is not a ${goName} (${min}..${max})`);
    }
    return String(value);
  };
  const parse = (text: string, pattern: RegExp, shown: string): number => {
    const value = pattern.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) {
      throw new BusDecodeError("", `cannot read ${shown} as ${goName}`);
    }
    return value === 0 ? 0 : value;
  };
  return {
    ...plainTypeTraits,
    goName,
    zero: () => 0,
    isEmpty: (value) => value === 0,
    write: check,
    read: (node) => {
      if (node.kind === "null") return 0;
      if (node.kind !== "number") throw new BusDecodeError("", `cannot read ${node.kind} as ${goName}`);
      return parse(node.text, literal, `number ${node.text}`);
    },
    scan: (scanner) => {
      if (scanner.skipNull()) return 0;
      scanner.number();
      const value = scanner.integerValue;
      // A plain integer literal read exactly; anything else (NaN) takes the textual route of `read`.
      if (value >= min && value <= max && (min < 0 || !isNegativeZero(value))) return value === 0 ? 0 : value;
      const text = scanner.numberText();
      return parse(text, literal, `number ${text}`);
    },
    formatKey: check,
    parseKey: (key) => parse(key, min < 0 ? SIGNED_KEY : UNSIGNED_LITERAL, `map key "${key}"`),
  };
}

/** A 64-bit Go integer, held as a `bigint` so every value round-trips exactly. */
function bigInteger(goName: string, min: bigint, max: bigint): GoMapKeyType<bigint> {
  const signed = min < 0n;
  const literal = signed ? SIGNED_LITERAL : UNSIGNED_LITERAL;
  const check = (value: bigint): string => {
    if (typeof value !== "bigint" || value < min || value > max) {
      throw new BusEncodeError("", `${String(value)} is not a ${goName} bigint (${min}..${max})`);
    }
    return value.toString();
  };
  const parse = (text: string, pattern: RegExp, shown: string): bigint => {
    const value = pattern.test(text) ? BigInt(text) : undefined;
    if (value === undefined || value < min || value > max) {
      throw new BusDecodeError("", `cannot read ${shown} as ${goName}`);
    }
    return value;
  };
  return {
    ...plainTypeTraits,
    goName,
    zero: () => 0n,
    isEmpty: (value) => value === 0n,
    write: check,
    read: (node) => {
      if (node.kind === "null") return 0n;
      if (node.kind !== "number") throw new BusDecodeError("", `cannot read ${node.kind} as ${goName}`);
      return parse(node.text, literal, `number ${node.text}`);
    },
    scan: (scanner) => {
      if (scanner.skipNull()) return 0n;
      scanner.number();
      const value = scanner.integerValue;
      // At most 15 digits always fit both 64-bit ranges; only an unsigned minus sign needs `read`'s check.
      if (value === value && (signed || !(value < 0 || isNegativeZero(value)))) return BigInt(value);
      const text = scanner.numberText();
      // A long plain integer is what `literal` accepts (given the sign check): skip the pattern.
      if (scanner.plainInteger && (signed || text.charCodeAt(0) !== MINUS)) {
        const big = BigInt(text);
        if (big >= min && big <= max) return big;
      }
      return parse(text, literal, `number ${text}`);
    },
    formatKey: check,
    parseKey: (key) => parse(key, signed ? SIGNED_KEY : UNSIGNED_LITERAL, `map key "${key}"`),
  };
}

/** A Go float of the given width. `float32` values are rounded to float32 on the way in and out. */
function float(
  goName: string,
  narrow: (value: number) => number,
  format: (value: number) => string,
  parse: (text: string) => number | undefined,
): GoType<number> {
  return {
    ...plainTypeTraits,
    goName,
    zero: () => 0,
    isEmpty: (value) => value === 0,
    write: (value) => {
      if (typeof value !== "number" || !Number.isFinite(narrow(value))) {
        throw new BusEncodeError("", `${String(value)} is not a finite ${goName} (Go refuses NaN and ±Inf)`);
      }
      return format(value);
    },
    read: (node: JsonNode) => {
      if (node.kind === "null") return 0;
      const value = node.kind === "number" ? parse(node.text) : undefined;
      if (value === undefined) throw new BusDecodeError("", `cannot read ${describeNode(node)} as ${goName}`);
      return value;
    },
    scan: (scanner: JsonScanner) => {
      if (scanner.skipNull()) return 0;
      scanner.number();
      // An exact integer rounds once to the width, as parsing its text would.
      if (scanner.integerValue === scanner.integerValue) return narrow(scanner.integerValue);
      const text = scanner.numberText();
      const value = parse(text);
      if (value === undefined) throw new BusDecodeError("", `cannot read number ${text} as ${goName}`);
      return value;
    },
  };
}

/** Go `uint8` (also Go's `byte`; note `slice(u8)` is refused: Go writes `[]byte` as base64). */
export const u8 = smallInteger("uint8", 0, 0xff);
/** Go `uint16`. */
export const u16 = smallInteger("uint16", 0, 0xffff);
/** Go `uint32`. */
export const u32 = smallInteger("uint32", 0, 0xffff_ffff);
/** Go `int32`. */
export const i32 = smallInteger("int32", -0x8000_0000, 0x7fff_ffff);
/** Go `uint64` (and Go `uint` on 64-bit platforms) as a `bigint`. */
export const u64 = bigInteger("uint64", 0n, 0xffff_ffff_ffff_ffffn);
/** Go `int64` (and Go `int` on 64-bit platforms) as a `bigint`. */
export const i64 = bigInteger("int64", -(2n ** 63n), 2n ** 63n - 1n);
/** Go `float32`: written with the shortest digits that round-trip in float32. */
export const f32 = float("float32", Math.fround, formatGoFloat32, parseGoFloat32);
/** Go `float64`. */
export const f64 = float("float64", (value) => value, formatGoFloat64, parseGoFloat64);

/** Go `string`, escaped exactly like `json.Marshal` (HTML-safe, U+2028/2029 escaped). */
export const str: GoMapKeyType<string> = {
  ...plainTypeTraits,
  goName: "string",
  zero: () => "",
  isEmpty: (value) => value === "",
  write: (value) => {
    if (typeof value !== "string") throw new BusEncodeError("", `${String(value)} is not a string`);
    return quoteGoString(value);
  },
  read: (node) => {
    if (node.kind === "null") return "";
    if (node.kind !== "string") throw new BusDecodeError("", `cannot read ${describeNode(node)} as string`);
    return node.value;
  },
  scan: (scanner) => (scanner.skipNull() ? "" : scanner.stringValue()),
  formatKey: (key) => {
    if (typeof key !== "string") throw new BusEncodeError("", `${String(key)} is not a string key`);
    return key;
  },
  parseKey: (key) => key,
};

/** Go `bool`. */
export const bool: GoType<boolean> = {
  ...plainTypeTraits,
  goName: "bool",
  zero: () => false,
  isEmpty: (value) => !value,
  write: (value) => {
    if (typeof value !== "boolean") throw new BusEncodeError("", `${String(value)} is not a boolean`);
    return value ? "true" : "false";
  },
  read: (node) => {
    if (node.kind === "null") return false;
    if (node.kind !== "bool") throw new BusDecodeError("", `cannot read ${describeNode(node)} as bool`);
    return node.value;
  },
  scan: (scanner) => {
    const next = scanner.next();
    if (next === LOWER_T) {
      scanner.literal("true");
      return true;
    }
    if (next === LOWER_F) {
      scanner.literal("false");
      return false;
    }
    scanner.literal("null");
    return false;
  },
};

function isNegativeZero(value: number): boolean {
  return value === 0 && 1 / value < 0;
}

import { BusDecodeError, BusDefinitionError, BusEncodeError } from "../errors.js";
import { quoteGoString } from "./go-string.js";
import { describeNode, plainTypeTraits, rethrowWithin, type GoType, type GoValueOf } from "./go-type.js";
import { CLOSE_BRACE, OPEN_BRACE, memberStartCodes } from "./json-scanner.js";

/** The fields of a Go struct, in Go declaration order (embedded structs flattened in place). */
export type StructFields = Readonly<Record<string, GoType<unknown>>>;

type OptionalKeys<F extends StructFields> = {
  [K in keyof F]: F[K] extends { readonly optional: true } ? K : never;
}[keyof F];

/** The TypeScript object type of a struct schema; `omitemptyPointer` fields are optional. */
export type StructValue<F extends StructFields> = {
  -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: GoValueOf<F[K]>;
} & {
  -readonly [K in OptionalKeys<F>]?: GoValueOf<F[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

/** One struct field as the codec sees it. */
export interface StructField {
  /** The Go field name, also the TypeScript property name. */
  readonly name: string;
  /** The JSON key: the `json:"…"` tag name if the Go field has one, else the field name. */
  readonly key: string;
  readonly type: GoType<unknown>;
}

/** A struct schema; `fields` lists the fields in the order Go writes them. */
export interface GoStructType<F extends StructFields> extends GoType<StructValue<F>> {
  readonly fields: readonly StructField[];
}

interface CompiledField extends StructField {
  /** `"key":`, quoted once at definition. */
  readonly prefix: string;
  /** Position in the struct, for the in-order fast path of decoding. */
  readonly index: number;
  /** The codes of `"key":`, to match the key in place (see `memberStartCodes`). */
  readonly keyAndColon: readonly number[] | undefined;
}

/**
 * Go `struct { … }`. Keys are written in field order. Decoding follows Go: unknown keys are
 * ignored, missing keys and `null` leave the zero value, a key matches its field exactly or else
 * case-insensitively, and the last duplicate wins.
 */
export function struct<F extends StructFields>(shape: F): GoStructType<F> {
  const fields: CompiledField[] = Object.entries(shape).map(([name, type], index) => {
    const key = type.jsonKey ?? name;
    return { name, key, type, index, prefix: `${quoteGoString(key)}:`, keyAndColon: memberStartCodes(key) };
  });
  const byKey = new Map<string, CompiledField>();
  const byFoldedKey = new Map<string, CompiledField>();
  for (const field of fields) {
    if (byKey.has(field.key)) throw new BusDefinitionError(`struct has two fields with JSON key "${field.key}"`);
    byKey.set(field.key, field);
    const folded = field.key.toLowerCase();
    if (!byFoldedKey.has(folded)) byFoldedKey.set(folded, field);
  }
  /** Go's match: the field with exactly this key, else the first whose key folds to it. */
  const fieldFor = (key: string): CompiledField | undefined => byKey.get(key) ?? byFoldedKey.get(key.toLowerCase());

  const fillZeros = (value: Record<string, unknown>): StructValue<F> => {
    for (const field of fields) {
      if (field.name in value) continue;
      const zero = field.type.zero();
      if (zero !== undefined) value[field.name] = zero;
    }
    return value as StructValue<F>;
  };

  return {
    ...plainTypeTraits,
    goName: `struct{${fields.map((f) => `${f.name} ${f.type.goName}`).join("; ")}}`,
    fields,
    zero: () => fillZeros({}),
    isEmpty: () => false,
    write: (value) => {
      if (typeof value !== "object" || value === null) throw new BusEncodeError("", "expected an object");
      const record = value as Record<string, unknown>;
      let out = "{";
      for (const field of fields) {
        const fieldValue = record[field.name];
        if (field.type.omitEmpty && field.type.isEmpty(fieldValue)) continue;
        try {
          out += (out.length === 1 ? "" : ",") + field.prefix + field.type.write(fieldValue);
        } catch (error) {
          rethrowWithin(error, field.name);
        }
      }
      return `${out}}`;
    },
    read: (node) => {
      if (node.kind === "null") return fillZeros({});
      if (node.kind !== "object") throw new BusDecodeError("", `cannot read ${describeNode(node)} as a struct`);
      const value: Record<string, unknown> = {};
      // Go writes fields in declaration order, so try the next field before looking the key up.
      let next = 0;
      let inOrder = true;
      for (const [key, member] of node.members) {
        const expected = fields[next];
        const field = expected?.key === key ? expected : fieldFor(key);
        if (field === undefined) continue;
        inOrder &&= field === expected;
        next = field.index + 1;
        let fieldValue: unknown;
        try {
          fieldValue = field.type.read(member);
        } catch (error) {
          rethrowWithin(error, field.name);
        }
        if (fieldValue === undefined) delete value[field.name];
        else value[field.name] = fieldValue;
      }
      if (inOrder && next === fields.length) return value as StructValue<F>;
      return fillZeros(value);
    },
    scan: (scanner) => {
      if (scanner.skipNull()) return fillZeros({});
      const value: Record<string, unknown> = {};
      // The same walk as `read`, with the expected key compared in place instead of decoded.
      let next = 0;
      let inOrder = true;
      if (scanner.enter(OPEN_BRACE, CLOSE_BRACE)) {
        do {
          const expected = fields[next];
          const field =
            expected?.keyAndColon !== undefined && scanner.memberKeyIs(expected.keyAndColon)
              ? expected
              : fieldFor(scanner.memberKey());
          if (field === undefined) {
            scanner.skipValue();
            continue;
          }
          inOrder &&= field === expected;
          next = field.index + 1;
          const fieldValue = field.type.scan(scanner);
          if (fieldValue === undefined) delete value[field.name];
          else value[field.name] = fieldValue;
        } while (scanner.hasMore(CLOSE_BRACE));
      }
      if (inOrder && next === fields.length) return value as StructValue<F>;
      return fillZeros(value);
    },
  };
}

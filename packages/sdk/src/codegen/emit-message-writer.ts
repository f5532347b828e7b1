/**
 * Emits `writeX(m, w)`: every field in field-number order, proto3 implicit presence (defaults are
 * not written), explicit presence for `optional` and message fields, packed numeric repeats.
 */
import type { CodeWriter } from "./code-writer.js";
import { codecOf, inWireOrder } from "./field-types.js";
import type { FieldModel, MessageModel, ValueType } from "./proto-model.js";
import { tagOf } from "./scalar-codecs.js";

export function emitMessageWriter(out: CodeWriter, message: MessageModel): void {
  const { tsName } = message;
  const messageParameter = message.fields.length === 0 ? "_m" : "m";
  out.list(`function write${tsName}(`, [`${messageParameter}: ${tsName}`, "w: $wire.Writer"], "): void {");
  out.indented(() => {
    for (const field of inWireOrder(message.fields)) emitFieldWrite(out, field);
  });
  out.line("}");
}

function emitFieldWrite(out: CodeWriter, field: FieldModel): void {
  const property = `m.${field.name}`;
  switch (field.cardinality) {
    case "implicit":
      guarded(
        out,
        `if (${codecOf(field.value).isSet(property)})`,
        writeStatements(field.value, field.number, property),
      );
      return;
    case "optional":
      guarded(out, `if (${property} !== undefined)`, writeStatements(field.value, field.number, property));
      return;
    case "repeated":
      emitRepeatedWrite(out, field, property);
      return;
    case "map":
      out.block(`for (const [key, value] of ${property}) {`, () => {
        out.line(`w.uint32(${tagOf(field.number, 2)}).fork();`);
        for (const line of writeStatements({ kind: "scalar", scalar: field.mapKey }, 1, "key")) out.line(line);
        for (const line of writeStatements(field.value, 2, "value")) out.line(line);
        out.line("w.ldelim();");
      });
      return;
  }
}

function emitRepeatedWrite(
  out: CodeWriter,
  field: FieldModel & { cardinality: "repeated" },
  property: string,
): void {
  const value = field.value;
  if (value.kind !== "message" && field.packed && codecOf(value).packable) {
    out.block(`if (${property}.length !== 0) {`, () => {
      out.line(`w.uint32(${tagOf(field.number, 2)}).fork();`);
      out.line(`for (const item of ${property}) ${codecOf(value).write("w", "item")};`);
      out.line("w.ldelim();");
    });
    return;
  }
  guarded(out, `for (const item of ${property})`, writeStatements(value, field.number, "item"));
}

/** `head statement` on one line, or `head { … }` when writing takes several statements. */
function guarded(out: CodeWriter, head: string, statements: readonly string[]): void {
  const [only] = statements;
  if (statements.length === 1 && only !== undefined) {
    out.line(`${head} ${only}`);
    return;
  }
  out.block(`${head} {`, () => {
    for (const statement of statements) out.line(statement);
  });
}

/** Statements writing tag and `expression` as field `fieldNumber`; messages are length-delimited. */
function writeStatements(value: ValueType, fieldNumber: number, expression: string): string[] {
  if (value.kind === "message") {
    return [`write${value.tsName}(${expression}, w.uint32(${tagOf(fieldNumber, 2)}).fork());`, "w.ldelim();"];
  }
  const codec = codecOf(value);
  return [`${codec.write(`w.uint32(${tagOf(fieldNumber, codec.wireType)})`, expression)};`];
}

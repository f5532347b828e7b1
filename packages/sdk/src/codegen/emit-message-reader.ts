/**
 * Emits `readX(r, end, m)`: a switch on the full tag (field number and wire type), so a known
 * field with an unexpected wire type is skipped like an unknown one. Repeated numeric fields
 * accept packed and unpacked encodings; a message field seen twice is merged, as protobuf says.
 */
import type { CodeWriter } from "./code-writer.js";
import { codecOf, inWireOrder, valueTsType } from "./field-types.js";
import type { FieldModel, MessageModel, ValueType } from "./proto-model.js";
import { scalarCodec, tagOf, type WireType } from "./scalar-codecs.js";

export function emitMessageReader(out: CodeWriter, message: MessageModel): void {
  const { tsName } = message;
  const parameters = ["r: $wire.Reader", "end: number", `m: ${tsName} = ${tsName}.create()`];
  out.list(`function read${tsName}(`, parameters, `): ${tsName} {`);
  out.indented(() => {
    out.block("while (r.pos < end) {", () => {
      out.line("const tag = r.tag();");
      out.block("switch (tag) {", () => {
        for (const field of inWireOrder(message.fields)) emitFieldCases(out, field);
        out.line("default:");
        out.line("  $wire.skipField(r, tag);");
      });
    });
    out.line("$wire.checkEnd(r, end);");
    out.line("return m;");
  });
  out.line("}");
}

function emitFieldCases(out: CodeWriter, field: FieldModel): void {
  const property = `m.${field.name}`;
  const value = field.value;
  switch (field.cardinality) {
    case "implicit":
    case "optional":
      out.line(`case ${tagOf(field.number, wireTypeOf(value))}:`);
      out.line(`  ${property} = ${readValue(value, property)};`);
      out.line("  break;");
      return;
    case "repeated":
      if (value.kind !== "message" && codecOf(value).packable) {
        out.block(`case ${tagOf(field.number, 2)}: {`, () => {
          out.line("const packedEnd = $wire.endOf(r);");
          out.line(`while (r.pos < packedEnd) ${property}.push(${codecOf(value).read});`);
          out.line("$wire.checkEnd(r, packedEnd);");
          out.line("break;");
        });
      }
      out.line(`case ${tagOf(field.number, wireTypeOf(value))}:`);
      out.line(`  ${property}.push(${readValue(value, undefined)});`);
      out.line("  break;");
      return;
    case "map":
      emitMapEntryCase(out, field, property);
      return;
  }
}

function emitMapEntryCase(out: CodeWriter, field: FieldModel & { cardinality: "map" }, property: string): void {
  const key = scalarCodec(field.mapKey);
  const value = field.value;
  out.block(`case ${tagOf(field.number, 2)}: {`, () => {
    out.line("const entryEnd = $wire.endOf(r);");
    out.line(`let key: ${key.tsType} = ${key.defaultValue};`);
    out.line(
      value.kind === "message"
        ? `let value: ${value.tsName} | undefined;`
        : `let value: ${valueTsType(value)} = ${codecOf(value).defaultValue};`,
    );
    out.block("while (r.pos < entryEnd) {", () => {
      out.line("const entryTag = r.tag();");
      out.line(`if (entryTag === ${tagOf(1, key.wireType)}) key = ${key.read};`);
      out.line(`else if (entryTag === ${tagOf(2, wireTypeOf(value))}) value = ${readValue(value, "value")};`);
      out.line("else $wire.skipField(r, entryTag);");
    });
    out.line("$wire.checkEnd(r, entryEnd);");
    out.line(`${property}.set(key, ${value.kind === "message" ? `value ?? ${value.tsName}.create()` : "value"});`);
    out.line("break;");
  });
}

function wireTypeOf(value: ValueType): WireType {
  return value.kind === "message" ? 2 : codecOf(value).wireType;
}

/** Reads one value; a message is merged into `mergeInto` when given (a repeated occurrence). */
function readValue(value: ValueType, mergeInto: string | undefined): string {
  if (value.kind !== "message") return codecOf(value).read;
  const merge = mergeInto === undefined ? "" : `, ${mergeInto}`;
  return `read${value.tsName}(r, $wire.endOf(r)${merge})`;
}

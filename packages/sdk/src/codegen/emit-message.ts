/**
 * Emits a message: its interface, its `MessageType` constant (typeName, create, encode, decode)
 * and the private field writer and reader behind encode and decode.
 */
import type { CodeWriter } from "./code-writer.js";
import { emitMessageReader } from "./emit-message-reader.js";
import { emitMessageWriter } from "./emit-message-writer.js";
import { codecOf, fieldTsType } from "./field-types.js";
import type { FieldModel, MessageModel } from "./proto-model.js";

export function emitMessage(out: CodeWriter, message: MessageModel): void {
  const { tsName, typeName } = message;
  out.doc(message.comment, `Protobuf message \`${typeName}\`.`);
  if (message.fields.length === 0) {
    out.line(`export interface ${tsName} {}`);
  } else {
    out.block(`export interface ${tsName} {`, () => {
      for (const field of message.fields) {
        out.doc(field.comment);
        out.line(`${field.name}: ${fieldTsType(field)};`);
      }
    });
  }
  out.line();
  out.block(`export const ${tsName}: MessageType<${tsName}> = {`, () => {
    out.line(`typeName: "${typeName}",`);
    out.block("create(init) {", () => {
      if (message.fields.length === 0) {
        out.line("return {};");
        return;
      }
      out.block("return {", () => {
        for (const field of message.fields) out.line(`${field.name}: ${initialValue(field)},`);
      }, "};");
    }, "},");
    out.block("encode(message) {", () => {
      out.line(`return $wire.encodeMessage(message, write${tsName});`);
    }, "},");
    out.block("decode(bytes) {", () => {
      out.list("return $wire.decodeMessage(", [`"${typeName}"`, "bytes", `read${tsName}`], ");");
    }, "},");
  }, "};");
  out.line();
  emitMessageWriter(out, message);
  out.line();
  emitMessageReader(out, message);
}

/** The expression `create(init)` uses for a field: a copy of `init`'s value or the default. */
function initialValue(field: FieldModel): string {
  const given = `init?.${field.name}`;
  switch (field.cardinality) {
    case "implicit":
      return `${given} ?? ${codecOf(field.value).defaultValue}`;
    case "optional":
      return field.value.kind === "message"
        ? `${given} === undefined ? undefined : ${field.value.tsName}.create(init.${field.name})`
        : given;
    case "repeated":
      return field.value.kind === "message"
        ? `${given}?.map((item) => ${field.value.tsName}.create(item)) ?? []`
        : `${given}?.slice() ?? []`;
    case "map":
      return field.value.kind === "message"
        ? `$wire.createMapValues(${given}, (item) => ${field.value.tsName}.create(item))`
        : `$wire.copyMap(${given})`;
  }
}

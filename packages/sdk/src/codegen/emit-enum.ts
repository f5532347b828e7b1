/** Emits an enum as a const object of its values plus the union type of those values. */
import type { CodeWriter } from "./code-writer.js";
import type { EnumModel } from "./proto-model.js";

export function emitEnum(out: CodeWriter, enumModel: EnumModel): void {
  const { tsName } = enumModel;
  out.doc(
    enumModel.comment,
    `Protobuf enum \`${enumModel.typeName}\`. Open, as proto3 enums are: decoding keeps a number ` +
      "this contract version does not list, so a decoded value may lie outside this union; " +
      "give a `switch` on it a default branch.",
  );
  out.block(`export const ${tsName} = {`, () => {
    for (const value of enumModel.values) {
      out.doc(value.comment);
      out.line(`${value.name}: ${value.number},`);
    }
  }, "} as const;");
  out.line(`export type ${tsName} = (typeof ${tsName})[keyof typeof ${tsName}];`);
}

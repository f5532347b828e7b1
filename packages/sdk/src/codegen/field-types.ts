/** TypeScript types and wire codecs of message fields, shared by the message emitters. */
import type { FieldModel, PlainValueType, ValueType } from "./proto-model.js";
import { enumCodec, scalarCodec, type ScalarCodec } from "./scalar-codecs.js";

/** The codec of a scalar or enum value. */
export function codecOf(value: PlainValueType): ScalarCodec {
  return value.kind === "scalar" ? scalarCodec(value.scalar) : enumCodec(value.tsName);
}

/** The TypeScript type of one value of a field (one element of a repeated field). */
export function valueTsType(value: ValueType): string {
  return value.kind === "message" ? value.tsName : codecOf(value).tsType;
}

/** The TypeScript type of the field's property in the message interface. */
export function fieldTsType(field: FieldModel): string {
  const valueType = valueTsType(field.value);
  switch (field.cardinality) {
    case "implicit":
      return valueType;
    case "optional":
      return `${valueType} | undefined`;
    case "repeated":
      return `${valueType}[]`;
    case "map":
      return `Map<${scalarCodec(field.mapKey).tsType}, ${valueType}>`;
  }
}

/** Fields in wire order (by field number), the order protobuf-go writes them in. */
export function inWireOrder(fields: readonly FieldModel[]): FieldModel[] {
  return [...fields].sort((left, right) => left.number - right.number);
}

/**
 * How each protobuf scalar type is represented in TypeScript and written to / read from the wire
 * by generated code. Expressions refer to the generated file's `$wire` import (see
 * `src/contracts/wire.ts`) and to protobufjs `Writer`/`Reader` methods.
 */

/** The protobuf scalar types, as protobufjs reflection names them. */
export const SCALAR_TYPES = [
  "double",
  "float",
  "int32",
  "uint32",
  "sint32",
  "fixed32",
  "sfixed32",
  "int64",
  "uint64",
  "sint64",
  "fixed64",
  "sfixed64",
  "bool",
  "string",
  "bytes",
] as const;

export type ScalarType = (typeof SCALAR_TYPES)[number];

/** Protobuf wire types: varint, 64-bit, length-delimited, 32-bit. */
export type WireType = 0 | 1 | 2 | 5;

export interface ScalarCodec {
  /** The TypeScript type of one value. */
  readonly tsType: string;
  /** The proto3 default as a TypeScript expression. */
  readonly defaultValue: string;
  readonly wireType: WireType;
  /** Whether a repeated field of this type is packed (proto3 default). */
  readonly packable: boolean;
  /** Expression that writes `value` (no tag) to the writer expression `writer`. */
  write(writer: string, value: string): string;
  /** Expression that reads one value from the reader `r`. */
  readonly read: string;
  /** Condition under which proto3 implicit presence writes `value` (it is not the default). */
  isSet(value: string): string;
}

function numberCodec(wireType: WireType, method: string): ScalarCodec {
  return {
    tsType: "number",
    defaultValue: "0",
    wireType,
    packable: true,
    write: (writer, value) => `${writer}.${method}(${value})`,
    read: `r.${method}()`,
    // Floating point: -0 and NaN are not the default and are written, as protobuf-go does.
    isSet: (value) => (method === "float" || method === "double" ? `!Object.is(${value}, 0)` : `${value} !== 0`),
  };
}

function bigintCodec(wireType: WireType, writeFunction: string, readFunction: string): ScalarCodec {
  return {
    tsType: "bigint",
    defaultValue: "0n",
    wireType,
    packable: true,
    write: (writer, value) => `$wire.${writeFunction}(${writer}, ${value})`,
    read: `$wire.${readFunction}(r)`,
    isSet: (value) => `${value} !== 0n`,
  };
}

const CODECS: Readonly<Record<ScalarType, ScalarCodec>> = {
  double: numberCodec(1, "double"),
  float: numberCodec(5, "float"),
  int32: numberCodec(0, "int32"),
  uint32: numberCodec(0, "uint32"),
  sint32: numberCodec(0, "sint32"),
  fixed32: numberCodec(5, "fixed32"),
  sfixed32: numberCodec(5, "sfixed32"),
  int64: bigintCodec(0, "writeVarint64", "readInt64"),
  uint64: bigintCodec(0, "writeVarint64", "readUint64"),
  sint64: bigintCodec(0, "writeSint64", "readSint64"),
  fixed64: bigintCodec(1, "writeFixed64", "readFixed64"),
  sfixed64: bigintCodec(1, "writeFixed64", "readSfixed64"),
  bool: {
    tsType: "boolean",
    defaultValue: "false",
    wireType: 0,
    packable: true,
    write: (writer, value) => `${writer}.bool(${value})`,
    read: "r.bool()",
    isSet: (value) => value,
  },
  string: {
    tsType: "string",
    defaultValue: '""',
    wireType: 2,
    packable: false,
    write: (writer, value) => `${writer}.string(${value})`,
    read: "r.string()",
    isSet: (value) => `${value} !== ""`,
  },
  bytes: {
    tsType: "Uint8Array",
    defaultValue: "new Uint8Array(0)",
    wireType: 2,
    packable: false,
    write: (writer, value) => `${writer}.bytes(${value})`,
    read: "$wire.readBytes(r)",
    isSet: (value) => `${value}.length !== 0`,
  },
};

export function isScalarType(type: string): type is ScalarType {
  return (SCALAR_TYPES as readonly string[]).includes(type);
}

export function scalarCodec(type: ScalarType): ScalarCodec {
  return CODECS[type];
}

/** The codec of an enum field: an open enum travels as an `int32` varint. */
export function enumCodec(enumTsName: string): ScalarCodec {
  return {
    tsType: enumTsName,
    defaultValue: "0",
    wireType: 0,
    packable: true,
    write: (writer, value) => `${writer}.int32(${value})`,
    read: `r.int32() as ${enumTsName}`,
    isSet: (value) => `${value} !== 0`,
  };
}

/** The tag of field `fieldNumber` with `wireType`, as `Reader.tag()` returns it. */
export function tagOf(fieldNumber: number, wireType: WireType): number {
  return fieldNumber * 8 + wireType;
}

/**
 * Loads one `.proto` file with protobufjs reflection (`keepCase: true`) into the small model the
 * emitters work from, and rejects what the generated code does not support (proto2, imports,
 * oneofs, streaming RPCs) with an error that says so.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import protobuf from "protobufjs";
import { ContractGenerationError } from "./generation-error.js";
import { IdentifierRegistry, lowerCamel, outputFileName, serviceNames } from "./names.js";
import { isScalarType, type ScalarType } from "./scalar-codecs.js";

export type ValueType =
  | { readonly kind: "scalar"; readonly scalar: ScalarType }
  | { readonly kind: "enum"; readonly tsName: string }
  | { readonly kind: "message"; readonly tsName: string };

/**
 * `implicit`: proto3 implicit presence (default not written); `optional`: explicit presence
 * (proto3 `optional` and every singular message field), `undefined` when absent.
 */
export type Cardinality = "implicit" | "optional" | "repeated" | "map";

/** A scalar or enum value: the values proto3 implicit presence applies to. */
export type PlainValueType = Exclude<ValueType, { kind: "message" }>;

interface FieldBase {
  readonly name: string;
  readonly number: number;
  readonly comment: string | undefined;
}

export type FieldModel = FieldBase &
  (
    | { readonly cardinality: "implicit"; readonly value: PlainValueType }
    | { readonly cardinality: "optional"; readonly value: ValueType }
    /** `packed`: whether a repeated numeric field is written packed. */
    | { readonly cardinality: "repeated"; readonly value: ValueType; readonly packed: boolean }
    | { readonly cardinality: "map"; readonly value: ValueType; readonly mapKey: ScalarType }
  );

export interface MessageModel {
  readonly tsName: string;
  /** e.g. `v1.GetGroupResponse.Member` */
  readonly typeName: string;
  readonly comment: string | undefined;
  readonly fields: readonly FieldModel[];
}

export interface EnumModel {
  readonly tsName: string;
  readonly typeName: string;
  readonly comment: string | undefined;
  readonly values: readonly { name: string; number: number; comment: string | undefined }[];
}

export interface MethodModel {
  /** The RPC name, e.g. `GetGroup`. */
  readonly name: string;
  /** The contract key, e.g. `getGroup`. */
  readonly key: string;
  readonly comment: string | undefined;
  readonly requestTsName: string;
  readonly responseTsName: string;
}

export interface ServiceModel {
  readonly name: string;
  /** e.g. `v1.GroupService` */
  readonly fullName: string;
  readonly comment: string | undefined;
  readonly methods: readonly MethodModel[];
}

export interface ProtoFileModel {
  /** The file name, e.g. `group.proto`. */
  readonly sourceName: string;
  /** The generated file name, e.g. `group.ts`. */
  readonly outputName: string;
  readonly enums: readonly EnumModel[];
  readonly messages: readonly MessageModel[];
  readonly services: readonly ServiceModel[];
}

/** Parses `protoPath` on its own (no imports) and builds its model, claiming every name in `names`. */
export function loadProtoFile(protoPath: string, names: IdentifierRegistry): ProtoFileModel {
  const sourceName = basename(protoPath);
  const fail = (problem: string, fix: string): never => {
    throw new ContractGenerationError(sourceName, problem, fix);
  };
  const source = readFileSync(protoPath, "utf8");
  if (!/^\s*syntax\s*=\s*["']proto3["']\s*;/m.test(source)) {
    fail("the file is not proto3", 'Declare `syntax = "proto3";` (tc9 contracts are proto3, as ToCloud9\'s are).');
  }
  const root = new protobuf.Root();
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(source, root, { keepCase: true, alternateCommentMode: true });
    root.resolveAll();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return fail(`protobufjs cannot load it (${reason})`, "Fix the .proto file.");
  }
  if ((parsed.imports?.length ?? 0) + (parsed.weakImports?.length ?? 0) > 0) {
    fail("it imports other files", "Keep each contract in one self-contained file, as ToCloud9's are.");
  }
  const scope = parsed.package === undefined ? root : root.lookup(parsed.package);
  if (!(scope instanceof protobuf.Namespace)) {
    return fail(`package ${String(parsed.package)} declares nothing`, "Declare messages or services in it.");
  }

  const enums: EnumModel[] = [];
  const messages: MessageModel[] = [];
  const services: ServiceModel[] = [];
  const owner = (kind: string, object: protobuf.ReflectionObject): string =>
    `${kind} ${object.fullName.slice(1)} (${sourceName})`;

  const visit = (namespace: protobuf.NamespaceBase): void => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) {
        const tsName = names.claim(tsNameOf(nested), owner("message", nested));
        names.claim(`write${tsName}`, owner("message", nested));
        names.claim(`read${tsName}`, owner("message", nested));
        messages.push({
          tsName,
          typeName: nested.fullName.slice(1),
          comment: commentOf(nested.comment),
          fields: nested.fieldsArray.map((field) => fieldModel(field, fail)),
        });
        visit(nested);
      } else if (nested instanceof protobuf.Enum) {
        enums.push({
          tsName: names.claim(tsNameOf(nested), owner("enum", nested)),
          typeName: nested.fullName.slice(1),
          comment: commentOf(nested.comment),
          values: Object.entries(nested.values).map(([name, number]) => ({
            name,
            number,
            comment: commentOf(nested.comments[name]),
          })),
        });
      } else if (nested instanceof protobuf.Service) {
        for (const name of Object.values(serviceNames(nested.name))) names.claim(name, owner("service", nested));
        services.push(serviceModel(nested, fail));
      } else if (nested instanceof protobuf.Namespace) {
        visit(nested);
      }
    }
  };
  visit(scope);
  return { sourceName, outputName: outputFileName(sourceName), enums, messages, services };
}

type Fail = (problem: string, fix: string) => never;

function fieldModel(field: protobuf.Field, fail: Fail): FieldModel {
  const where = `field ${field.fullName.slice(1)}`;
  if (field.name === "__proto__") fail(`${where} is named __proto__`, "Rename the field.");
  const proto3Optional = field.options?.["proto3_optional"] === true;
  if (field.partOf !== null && !proto3Optional) {
    fail(`${where} is part of oneof ${field.partOf.name}`, "Use separate optional fields; oneof is not supported.");
  }
  const base: FieldBase = { name: field.name, number: field.id, comment: commentOf(field.comment) };
  const value = valueTypeOf(field, where, fail);
  if (field instanceof protobuf.MapField) {
    const mapKey = field.keyType;
    if (!isScalarType(mapKey) || ["double", "float", "bytes"].includes(mapKey)) {
      return fail(`${where} has map key type ${mapKey}`, "Use an integer, bool or string key.");
    }
    return { ...base, cardinality: "map", value, mapKey };
  }
  if (field.repeated) return { ...base, cardinality: "repeated", value, packed: field.packed };
  if (proto3Optional || value.kind === "message") return { ...base, cardinality: "optional", value };
  return { ...base, cardinality: "implicit", value };
}

function valueTypeOf(field: protobuf.Field, where: string, fail: Fail): ValueType {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return { kind: "message", tsName: tsNameOf(resolved) };
  if (resolved instanceof protobuf.Enum) return { kind: "enum", tsName: tsNameOf(resolved) };
  if (isScalarType(field.type)) return { kind: "scalar", scalar: field.type };
  return fail(`${where} has unsupported type ${field.type}`, "Use a proto3 scalar, enum or message type.");
}

function serviceModel(service: protobuf.Service, fail: Fail): ServiceModel {
  const keys = new Set<string>();
  const methods = service.methodsArray.map((method): MethodModel => {
    const key = lowerCamel(method.name);
    if (keys.has(key)) {
      fail(`rpc ${service.name}.${method.name} has the same key \`${key}\` as another rpc`, "Rename one.");
    }
    keys.add(key);
    if (method.requestStream === true || method.responseStream === true) {
      fail(`rpc ${service.name}.${method.name} streams`, "Only unary RPCs are supported, as in ToCloud9.");
    }
    const request = method.resolvedRequestType;
    const response = method.resolvedResponseType;
    if (request === null || response === null) {
      return fail(`rpc ${service.name}.${method.name} has unresolved types`, "Declare its messages in this file.");
    }
    return {
      name: method.name,
      key,
      comment: commentOf(method.comment),
      requestTsName: tsNameOf(request),
      responseTsName: tsNameOf(response),
    };
  });
  return { name: service.name, fullName: service.fullName.slice(1), comment: commentOf(service.comment), methods };
}

/** `.v1.Outer.Inner` → `Outer_Inner`: the names of the enclosing messages and the type's own. */
function tsNameOf(object: protobuf.Type | protobuf.Enum): string {
  const parts = [object.name];
  for (let parent = object.parent; parent instanceof protobuf.Type; parent = parent.parent) {
    parts.unshift(parent.name);
  }
  return parts.join("_");
}

function commentOf(comment: string | null | undefined): string | undefined {
  const trimmed = comment?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/**
 * Pairs every message of a set of .proto files, loaded with protobufjs reflection (the reference
 * codec), with the generated `MessageType` of the same name.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import protobuf from "protobufjs";
import { SDK_ROOT, type GenerateOptions } from "../../../scripts/gen-contracts.js";

/** A generated message as the tests see it: a record of unknown field values. */
export type AnyMessage = Record<string, unknown>;

/** A generated `MessageType` as the tests drive it, without its static message type. */
export interface AnyMessageType {
  readonly typeName: string;
  create(init?: object): AnyMessage;
  encode(message: AnyMessage): Uint8Array;
  decode(bytes: Uint8Array): AnyMessage;
}

export interface CatalogEntry {
  /** Reflection type loaded from the .proto file. */
  readonly reflection: protobuf.Type;
  /** The generated code's message type. */
  readonly generated: AnyMessageType;
  /** e.g. `v1.GetGroupResponse.Member` */
  readonly typeName: string;
}

/** Every message type declared in `target.protoDir`, paired with `generatedModule`'s export. */
export function loadCatalog(target: GenerateOptions, generatedModule: object): CatalogEntry[] {
  const protoDir = resolve(SDK_ROOT, target.protoDir);
  const exports = new Map(Object.entries(generatedModule));
  const entries: CatalogEntry[] = [];
  for (const file of readdirSync(protoDir).filter((name) => name.endsWith(".proto")).sort()) {
    const root = new protobuf.Root().loadSync(join(protoDir, file), { keepCase: true });
    root.resolveAll();
    for (const reflection of messageTypes(root)) {
      const generated = exports.get(tsNameOf(reflection));
      if (!isMessageType(generated)) {
        throw new Error(`${file}: no generated MessageType for ${reflection.fullName}`);
      }
      entries.push({ reflection, generated, typeName: reflection.fullName.slice(1) });
    }
  }
  return entries;
}

/** `.v1.Outer.Inner` → `Outer_Inner`. */
export function tsNameOf(type: protobuf.ReflectionObject): string {
  const parts = [type.name];
  for (let parent = type.parent; parent instanceof protobuf.Type; parent = parent.parent) parts.unshift(parent.name);
  return parts.join("_");
}

function messageTypes(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.flatMap((nested) => {
    if (nested instanceof protobuf.Type) return [nested, ...messageTypes(nested)];
    if (nested instanceof protobuf.Namespace) return messageTypes(nested);
    return [];
  });
}

function isMessageType(value: unknown): value is AnyMessageType {
  return (
    typeof value === "object" &&
    value !== null &&
    "encode" in value &&
    typeof value.encode === "function" &&
    "decode" in value &&
    typeof value.decode === "function"
  );
}

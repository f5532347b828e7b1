/**
 * Naming rules of the generated contract code: TypeScript names of protobuf types, method keys,
 * output file names, and a registry that rejects two declarations with the same name.
 */
import { ContractGenerationError } from "./generation-error.js";

/**
 * Lower camel case of an RPC name, keeping an inner acronym: `GetGUIDPool` → `getGUIDPool`,
 * `GUIDPool` → `guidPool`, `ID` → `id`.
 */
export function lowerCamel(name: string): string {
  const leadingCapitals = /^[A-Z]+/.exec(name)?.[0] ?? "";
  if (leadingCapitals.length <= 1 || leadingCapitals.length === name.length) {
    return leadingCapitals.toLowerCase() + name.slice(leadingCapitals.length);
  }
  const keep = /[a-z]/.test(name.charAt(leadingCapitals.length)) ? 1 : 0;
  const lowered = leadingCapitals.slice(0, leadingCapitals.length - keep).toLowerCase();
  return lowered + name.slice(lowered.length);
}

/** `group.proto` → `group.ts`; other separators become dashes (kebab case). */
export function outputFileName(protoFileName: string): string {
  const stem = protoFileName.replace(/\.proto$/, "");
  const kebab = stem
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();
  return `${kebab}.ts`;
}

/** The generated names of a service: the contract constant and its two interfaces. */
export function serviceNames(serviceName: string): { contract: string; handlers: string; client: string } {
  const stem = serviceName.endsWith("Service") && serviceName !== "Service" ? serviceName.slice(0, -7) : serviceName;
  return { contract: serviceName, handlers: `${stem}Handlers`, client: `${stem}Client` };
}

/** Globals the generated code refers to; a protobuf type with one of these names would shadow it. */
const RESERVED_NAMES = new Set([
  "Array",
  "BigInt",
  "Map",
  "Object",
  "Promise",
  "Uint8Array",
  "undefined",
  "defineContract",
]);

/** Hands out top-level identifiers of one generated file and fails on a duplicate. */
export class IdentifierRegistry {
  readonly #owners = new Map<string, string>();
  readonly #sourceName: string;

  /** `sourceName` names the input in error messages, e.g. `proto/v1`. */
  constructor(sourceName: string) {
    this.#sourceName = sourceName;
  }

  /** Records that `owner` (e.g. `message v1.Foo.Bar`) declares `identifier`. */
  claim(identifier: string, owner: string): string {
    const previous = this.#owners.get(identifier);
    if (RESERVED_NAMES.has(identifier) || identifier.startsWith("$")) {
      throw new ContractGenerationError(
        this.#sourceName,
        `${owner} would be generated as \`${identifier}\`, a name the generated code needs for itself`,
        "Rename the protobuf declaration.",
      );
    }
    if (previous !== undefined) {
      throw new ContractGenerationError(
        this.#sourceName,
        `${owner} and ${previous} would both be generated as \`${identifier}\``,
        "Rename one of them (nested types are named Outer_Inner).",
      );
    }
    this.#owners.set(identifier, owner);
    return identifier;
  }
}

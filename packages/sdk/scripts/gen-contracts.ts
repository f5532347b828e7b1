/**
 * The contract code generator: turns every `proto/v1/*.proto` into typed TypeScript in
 * `src/contracts/generated/` (one file per .proto plus `index.ts`), with hand-rolled protobufjs
 * encode/decode per message and a `defineContract` constant per service.
 *
 * Run `npm run gen -w @tc9/sdk` after changing a .proto file; a test fails while the generated
 * files differ from what `generateContracts()` produces.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emitFile, emitIndex } from "./contract-gen/emit-file.js";
import { ContractGenerationError } from "./contract-gen/generation-error.js";
import { IdentifierRegistry } from "./contract-gen/names.js";
import { loadProtoFile } from "./contract-gen/proto-model.js";

/** The `@tc9/sdk` package folder. */
export const SDK_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where one generation run reads and writes; relative paths are relative to the package. */
export interface GenerateOptions {
  /** Folder of the .proto files. */
  readonly protoDir: string;
  /** Folder the TypeScript goes to; its previous contents are replaced. */
  readonly outDir: string;
  /** Folder of `contract.ts` and `wire.ts`, which the generated code imports. */
  readonly runtimeDir: string;
}

/** The ToCloud9 v1 contracts. */
export const V1_CONTRACTS: GenerateOptions = {
  protoDir: "proto/v1",
  outDir: "src/contracts/generated",
  runtimeDir: "src/contracts",
};

/** A test-only contract using every supported proto3 feature (see its .proto file). */
export const TEST_FIXTURE_CONTRACTS: GenerateOptions = {
  protoDir: "test/contracts/fixtures/proto",
  outDir: "test/contracts/fixtures/generated",
  runtimeDir: "src/contracts",
};

/** Everything `npm run gen -w @tc9/sdk` writes. */
export const GENERATION_TARGETS: readonly GenerateOptions[] = [V1_CONTRACTS, TEST_FIXTURE_CONTRACTS];

/** One generated file: its name inside `outDir` and its full text. */
export interface GeneratedFile {
  readonly name: string;
  readonly contents: string;
}

function resolveOptions(options: GenerateOptions): GenerateOptions {
  return {
    protoDir: resolve(SDK_ROOT, options.protoDir),
    outDir: resolve(SDK_ROOT, options.outDir),
    runtimeDir: resolve(SDK_ROOT, options.runtimeDir),
  };
}

/** Generates the contract code in memory, in file name order, `index.ts` last. */
export function generateContracts(options: GenerateOptions = V1_CONTRACTS): GeneratedFile[] {
  const { protoDir, outDir, runtimeDir } = resolveOptions(options);
  const names = new IdentifierRegistry(packagePath(protoDir));
  const runtimeImport = toImportPath(relative(outDir, runtimeDir));
  const protoFiles = readdirSync(protoDir)
    .filter((name) => name.endsWith(".proto"))
    .sort();
  const outputs = new Map<string, string>([["index.ts", "the generated index"]]);
  const files = protoFiles.map((protoFile): GeneratedFile => {
    const protoPath = join(protoDir, protoFile);
    const model = loadProtoFile(protoPath, names);
    const clash = outputs.get(model.outputName);
    if (clash !== undefined) {
      throw new ContractGenerationError(protoFile, `it would be generated as ${model.outputName}, like ${clash}`, "Rename it.");
    }
    outputs.set(model.outputName, protoFile);
    return { name: model.outputName, contents: emitFile(model, { sourcePath: packagePath(protoPath), runtimeImport }) };
  });
  const index = emitIndex(
    files.map((file) => file.name),
    `${packagePath(protoDir)}/*.proto`,
  );
  return [...files, { name: "index.ts", contents: index }];
}

/** Replaces the contents of `outDir` with freshly generated files; returns their paths. */
export function writeContracts(options: GenerateOptions = V1_CONTRACTS): string[] {
  const { outDir } = resolveOptions(options);
  const files = generateContracts(options);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const path = join(outDir, file.name);
    writeFileSync(path, file.contents);
    return path;
  });
}

/** The generated files currently on disk in `outDir` (for the staleness check). */
export function readGeneratedContracts(options: GenerateOptions = V1_CONTRACTS): GeneratedFile[] {
  const { outDir } = resolveOptions(options);
  return readdirSync(outDir)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => ({ name, contents: readFileSync(join(outDir, name), "utf8") }));
}

function packagePath(path: string): string {
  return relative(SDK_ROOT, path).split(sep).join("/");
}

function toImportPath(relativePath: string): string {
  const posix = relativePath.split(sep).join("/");
  return posix.startsWith(".") ? posix : `./${posix}`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const target of GENERATION_TARGETS) writeContracts(target);
}

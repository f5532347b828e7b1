/**
 * The contract code generator's command line.
 *
 * - `npm run gen -w @tc9/sdk` (no arguments): regenerates the SDK's own contracts, every
 *   `proto/v1/*.proto` into `src/contracts/generated/`, and the test fixture. A test fails while
 *   the generated files differ from what `generateContracts()` produces.
 * - `node --import tsx <sdk>/scripts/gen-contracts.ts --proto <dir> --out <dir>`: generates an SDK
 *   user's contracts against `@tc9/sdk/contract-runtime` (`--runtime-import` overrides that).
 *
 * The generator itself is `src/codegen/` (`@tc9/sdk/codegen`); this file only adds the SDK's own
 * targets, whose paths are relative to the package and whose runtime is imported relatively.
 */
import { relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  generateContracts as generate,
  readGeneratedContracts as readGenerated,
  writeContracts as write,
  type ContractCodegenOptions,
  type GeneratedFile,
} from "../src/codegen/index.js";

/** The `@tc9/sdk` package folder. */
export const SDK_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One of the SDK's own generation targets; paths are relative to the package. */
export interface GenerateOptions {
  /** Folder of the .proto files. */
  readonly protoDir: string;
  /** Folder the TypeScript goes to; its previous contents are replaced. */
  readonly outDir: string;
  /** Folder of `contract.ts` and `wire.ts`, which the generated code imports relatively. */
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

/** Generates one SDK target in memory, in file name order, `index.ts` last. */
export function generateContracts(options: GenerateOptions = V1_CONTRACTS): GeneratedFile[] {
  return generate(codegenOptions(options));
}

/** Replaces the contents of an SDK target's `outDir` with freshly generated files; returns their paths. */
export function writeContracts(options: GenerateOptions = V1_CONTRACTS): string[] {
  return write(codegenOptions(options));
}

/** The generated files currently on disk in an SDK target's `outDir` (for the staleness check). */
export function readGeneratedContracts(options: GenerateOptions = V1_CONTRACTS): GeneratedFile[] {
  return readGenerated(codegenOptions(options));
}

function codegenOptions(options: GenerateOptions): ContractCodegenOptions {
  const outDir = resolve(SDK_ROOT, options.outDir);
  const runtimeImport = relative(outDir, resolve(SDK_ROOT, options.runtimeDir)).split(sep).join("/");
  return {
    protoDir: resolve(SDK_ROOT, options.protoDir),
    outDir,
    runtimeImport: runtimeImport.startsWith(".") ? runtimeImport : `./${runtimeImport}`,
    sourceRoot: SDK_ROOT,
    generatedBy: "scripts/gen-contracts.ts",
    regenerateCommand: "npm run gen -w @tc9/sdk",
  };
}

const USAGE = "usage: gen-contracts.ts [--proto <dir> --out <dir> [--runtime-import <specifier>]]";

/** Runs the command line: the SDK's own targets, or a user's `--proto`/`--out` pair. */
function main(args: string[]): void {
  const usageError = (problem: string): void => {
    process.stderr.write(`${problem}\n${USAGE}\n`);
    process.exitCode = 2;
  };
  let values: { proto?: string; out?: string; "runtime-import"?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { proto: { type: "string" }, out: { type: "string" }, "runtime-import": { type: "string" } },
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.proto === undefined && values.out === undefined) {
    for (const target of GENERATION_TARGETS) writeContracts(target);
    return;
  }
  if (values.proto === undefined || values.out === undefined) return usageError("--proto and --out go together");
  const written = write({ protoDir: values.proto, outDir: values.out, runtimeImport: values["runtime-import"] });
  process.stdout.write(`${written.map((path) => relative(process.cwd(), path)).join("\n")}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) main(process.argv.slice(2));

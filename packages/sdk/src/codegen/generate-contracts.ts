/**
 * One generation run: every `.proto` file of a folder becomes a TypeScript file of typed messages
 * and contracts, plus an `index.ts` re-exporting them all. Pure in memory (`generateContracts`),
 * written to disk (`writeContracts`), or read back for a staleness check (`readGeneratedContracts`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { emitFile, emitIndex, type HeaderText } from "./emit-file.js";
import { ContractGenerationError } from "./generation-error.js";
import { IdentifierRegistry } from "./names.js";
import { loadProtoFile } from "./proto-model.js";

/** The runtime import SDK users generate against: `@tc9/sdk/contract-runtime/{contract,wire}.js`. */
const SDK_CONTRACT_RUNTIME = "@tc9/sdk/contract-runtime";

/** Where one generation run reads and writes. Relative paths are relative to the current directory. */
export interface ContractCodegenOptions {
  /** Folder of the `.proto` files (proto3, unary RPCs, one self-contained file per contract). */
  readonly protoDir: string;
  /** Folder the TypeScript goes to; `writeContracts` replaces its previous contents. */
  readonly outDir: string;
  /**
   * Specifier the generated files import `contract.js` and `wire.js` under. Default
   * `@tc9/sdk/contract-runtime`, the published runtime; the SDK itself uses a relative path.
   */
  readonly runtimeImport?: string;
  /**
   * Folder the `.proto` paths in file headers and errors are relative to. Default: the nearest
   * folder at or above `protoDir` holding a `package.json`, so the output does not depend on the
   * current directory.
   */
  readonly sourceRoot?: string;
  /** Names the generator in each file's do-not-edit header. Default `@tc9/sdk/codegen`. */
  readonly generatedBy?: string;
  /** The command the header tells readers to run after changing a `.proto`, e.g. `npm run gen`. */
  readonly regenerateCommand?: string;
}

/** One generated file: its name inside `outDir` and its full text. */
export interface GeneratedFile {
  readonly name: string;
  readonly contents: string;
}

/**
 * Generates the contract code in memory, in file name order, `index.ts` last. Throws a
 * `ContractGenerationError` (`TC9_ERR_CONTRACT_GENERATE`) naming the file and the fix when a
 * `.proto` uses something unsupported or two declarations would get the same name.
 */
export function generateContracts(options: ContractCodegenOptions): GeneratedFile[] {
  const protoDir = resolve(options.protoDir);
  const sourceRoot = resolve(options.sourceRoot ?? packageRootOf(protoDir));
  const sourcePath = (path: string): string => relative(sourceRoot, path).split(sep).join("/");
  const header: HeaderText = {
    generatedBy: options.generatedBy ?? "@tc9/sdk/codegen",
    regenerateCommand: options.regenerateCommand,
  };
  const runtimeImport = options.runtimeImport ?? SDK_CONTRACT_RUNTIME;
  const names = new IdentifierRegistry(sourcePath(protoDir));
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
    const contents = emitFile(model, { ...header, sourcePath: sourcePath(protoPath), runtimeImport });
    return { name: model.outputName, contents };
  });
  const index = emitIndex(
    files.map((file) => file.name),
    `${sourcePath(protoDir)}/*.proto`,
    header,
  );
  return [...files, { name: "index.ts", contents: index }];
}

/** Replaces the contents of `outDir` with freshly generated files; returns their paths. */
export function writeContracts(options: ContractCodegenOptions): string[] {
  const files = generateContracts(options);
  const outDir = resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const path = join(outDir, file.name);
    writeFileSync(path, file.contents);
    return path;
  });
}

/**
 * The `.ts` files currently in `outDir`, in name order: compare them with `generateContracts`
 * in a test to catch generated code that is stale or was edited by hand.
 */
export function readGeneratedContracts(options: Pick<ContractCodegenOptions, "outDir">): GeneratedFile[] {
  const outDir = resolve(options.outDir);
  return readdirSync(outDir)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => ({ name, contents: readFileSync(join(outDir, name), "utf8") }));
}

/** The nearest folder at or above `dir` with a `package.json`; `dir`'s parent when there is none. */
function packageRootOf(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, "package.json"))) return current;
    if (dirname(current) === current) return dirname(dir);
  }
}

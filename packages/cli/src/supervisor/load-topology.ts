import { access } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import type { Topology } from "@tc9/sdk";
import { tsImport } from "tsx/esm/api";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "./errors.js";

/**
 * Loads a tc9 config file: a TypeScript (or JavaScript) module whose default export is the result
 * of `defineTopology(...)`. It is compiled on the fly with tsx's `tsImport`, so an operator's
 * project needs no build step. Failures name the file, what is wrong and the fix.
 */
export async function loadTopology(configFile: string): Promise<Topology> {
  try {
    await access(configFile);
  } catch {
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.config,
      `${configFile} does not exist; run tc9 init to create a project, or pass --config <file>`,
    );
  }
  let loaded: { default?: unknown };
  try {
    loaded = (await tsImport(pathToFileURL(configFile).href, import.meta.url)) as { default?: unknown };
  } catch (error) {
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.config,
      `${configFile} failed to load: ${error instanceof Error ? error.message : String(error)}; fix the error it names ` +
        "(a topology mistake names the key and the fix)",
      { cause: error },
    );
  }
  // A config in a package without "type": "module" is compiled as CommonJS: its default export then sits one level down.
  const exported = loaded.default;
  const topology = isTopology(exported) ? exported : (exported as { default?: unknown } | undefined)?.default;
  if (!isTopology(topology)) {
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.config,
      `${configFile}: the default export is not a topology; end the file with export default defineTopology({ ... })`,
    );
  }
  return topology;
}

function isTopology(value: unknown): value is Topology {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "tc9.topology";
}

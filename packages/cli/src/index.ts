export { createProgram, ExitCode, runCli } from "./program.js";
export { processIo } from "./cli-io.js";
export type { CliIo, OutputStream } from "./cli-io.js";

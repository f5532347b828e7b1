export { createProgram, ExitCode, runCli } from "./program.js";

import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn } from "../../option-parsers.js";

/** Registers `tc9 down`: stops the realm `tc9 up` runs from a project directory. */
export function register(program: Command, io: CliIo): void {
  program
    .command("down")
    .description("stop the realm tc9 up runs from a project directory (nodes stop in reverse start order)")
    .option("--dir <path>", "the project directory (where tc9.config.ts and .tc9/ are)", ".")
    .option("--timeout <ms>", "how long to wait for the realm to stop", integerIn(1_000, 600_000), 60_000)
    .option("--json", "print the outcome as JSON")
    .addHelpText(
      "after",
      `
Asks tc9 up's supervisor to stop through its loopback control endpoint (SIGTERM to its pid when
that does not answer), then waits until it has exited. Players in the world are saved by the
worldservers as they stop. Exits 1 when no realm runs in the directory.

Examples:
  $ tc9 down
  $ tc9 down --dir ~/realms/tc9 --json`,
    )
    .action(async (options) => {
      const { runDown } = await import("./run-down.js");
      await runDown(io, options);
    });
}

import { InvalidArgumentError, type Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn } from "../../option-parsers.js";

/** Parses `--account name:password`. */
function parseAccount(value: string): { username: string; password: string } {
  const separator = value.indexOf(":");
  if (separator <= 0 || separator === value.length - 1) throw new InvalidArgumentError("expected name:password, e.g. alice:secret.");
  return { username: value.slice(0, separator), password: value.slice(separator + 1) };
}

/** Registers `tc9 up`: starts the realm a project's tc9.config.ts describes and supervises it. */
export function register(program: Command, io: CliIo): void {
  program
    .command("up")
    .description("start the realm described by tc9.config.ts: every node, in dependency order, supervised")
    .option("-c, --config <file>", "the config file; its folder holds .tc9/ (run file and logs)", "tc9.config.ts")
    .option("--no-top", "print progress lines and the addresses instead of the live tc9 top view")
    .option("--account <name:password>", "create this account once the realm is up (an existing one is kept)", parseAccount)
    .option("--ready-timeout <ms>", "how long each node may take to become ready", integerIn(1_000, 3_600_000), 120_000)
    .option("--check-timeout <ms>", "how long each pre-start connection check may take", integerIn(100, 600_000), 3_000)
    .addHelpText(
      "after",
      `
Before starting anything, checks that MariaDB and NATS (when the bus is NATS) answer and that the
fixed ports are free; then creates missing databases and tables (never touching existing data),
and starts the nodes: one node inside this process, several as child processes. Each node's output
is appended to .tc9/logs/<node>.log; .tc9/run.json is what tc9 top, tc9 logs and tc9 down read.
A node that dies is restarted with exponential backoff. Ctrl-C, SIGTERM, tc9 down or quitting
tc9 top stops the nodes in reverse order.

Examples:
  $ tc9 up
  $ tc9 up --config examples/embedded-realm/tc9.config.ts --account alice:secret
  $ tc9 up --no-top &   # in scripts and CI; stop it with tc9 down`,
    )
    .action(async (options) => {
      const { runUp } = await import("./run-up.js");
      await runUp(io, options);
    });
}

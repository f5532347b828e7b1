import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";

/** Registers `tc9 status`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("show the realm tc9 up runs: nodes, worldservers, gateways, bus traffic and gRPC latency")
    .option("--dir <path>", "the project directory tc9 up was started in", ".")
    .option("--json", "print the snapshot as JSON")
    .addHelpText(
      "after",
      `
Reads <dir>/.tc9/run.json, asks every node for /healthz, /readyz and /metrics, and the servers
registry for its worldservers. Exits 1 when nothing runs there or a node is down.

Examples:
  $ tc9 status
  $ tc9 status --dir ~/realms/test --json`,
    )
    .action(async (options) => {
      const { runStatus } = await import("./run-status.js");
      await runStatus(io, options);
    });
}

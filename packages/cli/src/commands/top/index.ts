import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn } from "../../option-parsers.js";

/** Registers `tc9 top`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("top")
    .description("watch the realm tc9 up runs, live: nodes, worldservers, gateways, bus traffic and gRPC latency")
    .option("--dir <path>", "the project directory tc9 up was started in", ".")
    .option("--once", "print one plain snapshot and exit (what happens anyway when output is not a terminal)")
    .option("--interval <ms>", "refresh period in milliseconds", integerIn(100, 600_000), 1000)
    .addHelpText(
      "after",
      `
Keys: ↑/↓ or k/j select a node · / filter every section (Enter keeps, Esc clears) · l show the
selected node's log · r restart the selected node (asks y/n) · q quit.

Examples:
  $ tc9 top
  $ tc9 top --dir ~/realms/test --interval 500
  $ tc9 top --once > snapshot.txt`,
    )
    .action(async (options) => {
      const { runTop } = await import("./run-top.js");
      await runTop(io, options);
    });
}

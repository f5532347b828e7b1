import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn } from "../../option-parsers.js";

/** Registers `tc9 logs`: the node log files of the realm `tc9 up` runs from a project directory. */
export function register(program: Command, io: CliIo): void {
  program
    .command("logs")
    .description("print the log of a node of the realm tc9 up runs (all nodes, interleaved by time, when none is named)")
    .argument("[node]", "the node whose log to print; every node when left out")
    .option("-f, --follow", "keep printing new lines until Ctrl-C")
    .option("-n, --lines <n>", "how many of the last lines to print first (per node)", integerIn(0, 1_000_000), 50)
    .option("--dir <path>", "the project directory (where tc9.config.ts and .tc9/ are)", ".")
    .addHelpText(
      "after",
      `
Each node's output (JSON lines from its logger, plus anything it printed) is in
.tc9/logs/<node>.log. Without a node name the lines of every node are merged by their time and
prefixed with the node's name.

Examples:
  $ tc9 logs
  $ tc9 logs realm --lines 200
  $ tc9 logs world -f`,
    )
    .action(async (node, options) => {
      const { runLogs } = await import("./run-logs.js");
      await runLogs(io, { ...options, node });
    });
}

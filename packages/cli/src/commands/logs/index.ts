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
    .option("--json", "print the lines as they are in the files (pino's JSON records), for scripts")
    .addHelpText(
      "after",
      `
Each node's output (JSON lines from its logger, plus anything it printed) is in
.tc9/logs/<node>.log. Each record is printed as one line:
  HH:MM:SS.mmm LEVEL node msg key=value … err="message" at <first stack frame>
(local time; the stack frame only for ERROR and FATAL). Other lines are printed as they are,
after "node | " when no node is named; then the lines of every node are merged by their time.

Examples:
  $ tc9 logs
  $ tc9 logs realm --lines 200
  $ tc9 logs world -f
  $ tc9 logs --json | jq -Rc 'fromjson? | select(.level >= 50)'`,
    )
    .action(async (node, options) => {
      const { runLogs } = await import("./run-logs.js");
      await runLogs(io, { ...options, node });
    });
}

import { Option, type Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn } from "../../option-parsers.js";

/** Registers `tc9 init`: scaffolds a realm project. */
export function register(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("create a realm project: package.json, tc9.config.ts (the topology), README.md")
    .argument("[dir]", "where to create it (created if missing; must be empty unless --force)", ".")
    .option("--realm-name <name>", "the realm's name in the realm list (default tc9)")
    .option("--mysql-url <url>", "the MariaDB server, no database: mysql://user:password@host:3306 (default mysql://root@127.0.0.1:3306)")
    .addOption(new Option("--nats <url>", "use NATS with JetStream as the bus, e.g. nats://127.0.0.1:4222").conflicts("localBus"))
    .option("--local-bus", "use the in-process bus (one node; the default)")
    .addOption(new Option("--simulators <n>", "run this many simulated worldservers (default 2)").argParser(integerIn(1, 64)).conflicts("realWorldservers"))
    .option("--real-worldservers", "no simulators: real AzerothCore worldservers (cluster mode) register with the registry")
    .option("-y, --yes", "ask nothing: take the flags and the defaults")
    .option("--tc9-from <dir>", "depend on the tc9 tarballs in this directory (npm pack of a local checkout) instead of npm versions")
    .option("--force", "write into a directory that is not empty (files of the same name are replaced)")
    .option("--install", "run npm install in the project afterwards")
    .option("--json", "print what was created as JSON")
    .addHelpText(
      "after",
      `
On a terminal, asks for the realm name, the MariaDB server, the bus and the worldservers (each
flag given skips its question); otherwise takes the flags and the defaults. The settings land at
the top of tc9.config.ts, where environment variables (TC9_MYSQL_URL, TC9_NATS_URL,
TC9_AUTH_PORT …) can override them.

Examples:
  $ tc9 init my-realm
  $ tc9 init my-realm --yes --realm-name Azeroth --mysql-url mysql://tc9:secret@db:3306 --nats nats://nats:4222
  $ tc9 init . --yes --simulators 4 --install
  $ tc9 init /tmp/realm --yes --tc9-from /tmp/tc9-tarballs`,
    )
    .action(async (dir, options) => {
      const { runInit } = await import("./run-init.js");
      await runInit(io, { ...options, dir });
    });
}

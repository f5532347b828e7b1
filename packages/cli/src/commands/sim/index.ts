import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { integerIn, parseHostPort } from "../../option-parsers.js";

/** Registers `tc9 sim`: simulated worldservers registered with a servers registry. */
export function register(program: Command, io: CliIo): void {
  program
    .command("sim")
    .description("run simulated AzerothCore worldservers (cluster mode, ToCloud9 sidecar) registered with a servers registry")
    .requiredOption("--registry <host:port>", "the servers registry's gRPC address", parseHostPort)
    .option("--realm <id>", "the realm the worldservers serve (default 1)", integerIn(1, 255), 1)
    .option("--count <n>", "how many worldservers to start (default 1)", integerIn(1, 64), 1)
    .option("--maps <ids>", 'comma-separated map ids each worldserver can load; "" for every map (default "")', "")
    .option("--host <address>", "where their ports listen and the host they register (default 127.0.0.1)", "127.0.0.1")
    .option("--characters-db <url>", "the realm's characters database; without it characters live in memory (Sim<guid>, level 1)")
    .option("--json", "print the started worldservers as JSON")
    .addHelpText(
      "after",
      `
Runs until Ctrl-C (SIGINT) or SIGTERM, then stops the worldservers like a shutdown: players in the
world are saved, then every port closes. Only gateways may reach the game ports.

Examples:
  $ tc9 sim --registry 127.0.0.1:8999
  $ tc9 sim --registry 127.0.0.1:8999 --count 3 --maps 0,1 --json
  $ tc9 sim --registry 10.0.0.5:8999 --realm 2 --characters-db mysql://root@127.0.0.1:3306/acore_characters`,
    )
    .action(async (options) => {
      const { runSim } = await import("./run-sim.js");
      await runSim(io, options);
    });
}

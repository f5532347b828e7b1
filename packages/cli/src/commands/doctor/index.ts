import { Option, type Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP, CHARACTERS_DB_HELP, NATS_URL_ENV } from "../../connection-flags.js";
import { collect, integerIn, parseHostPort, parsePortList } from "../../option-parsers.js";

/** Registers `tc9 doctor`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("doctor")
    .description("check what a tc9 cluster needs: databases and their schema, NATS with JetStream, free ports, private worldservers")
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--characters-db <url...>", CHARACTERS_DB_HELP)
    .option("--nats <url>", `NATS server, nats://host:4222 (default: $${NATS_URL_ENV})`)
    .option("--ports <list>", "ports that must be free on 0.0.0.0, comma-separated, e.g. 3724,8085", parsePortList)
    .addOption(
      new Option("--worldserver <host:port>", "a worldserver game port to check (repeatable): it must answer, and only on private addresses")
        .argParser(collect(parseHostPort)),
    )
    .option("--timeout <ms>", "how long each connection attempt may take", integerIn(100, 600_000), 3000)
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      `
Each check prints ✔ (passed), ✖ (failed, with a fix) or ⚠ WARNING (works, but is unsafe); checks
whose input was not given are skipped. Exits 1 if any check failed.

Examples:
  $ tc9 doctor --auth-db mysql://root@127.0.0.1:3306/acore_auth --characters-db mysql://root@127.0.0.1:3306/acore_characters
  $ tc9 doctor --nats nats://127.0.0.1:4222 --ports 3724,8085
  $ tc9 doctor --worldserver 127.0.0.1:8086 --worldserver 127.0.0.1:8087 --json`,
    )
    .action(async (options) => {
      const { runDoctor } = await import("./run-doctor.js");
      await runDoctor(io, options);
    });
}

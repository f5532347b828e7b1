import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";
import { integerIn, parseDuration, parseHostPort } from "../../option-parsers.js";

/** Registers `tc9 bots`: headless game clients playing a short scenario against a realm. */
export function register(program: Command, io: CliIo): void {
  program
    .command("bots")
    .description("run headless 3.3.5a clients against a realm and report successes, failures and latencies")
    .requiredOption("--auth <host:port>", "the logon server (authserver or tc9 auth module)", parseHostPort)
    .requiredOption("--count <n>", "how many bots play at once", integerIn(1, 10_000))
    .requiredOption("--accounts <prefix>", "account name prefix: the bots log on as <prefix>1 … <prefix><count>")
    .requiredOption("--password <password>", "the password of every bot account")
    .option("--realm <id>", "the realm to play on (default: the first of the realm list)", integerIn(1, 255))
    .option("--create-accounts", "create the accounts that do not exist yet (needs --auth-db or $TC9_AUTH_DB)")
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--duration <time>", "repeat the scenario until this much time passed, e.g. 30s or 5m (default: run it once)", parseDuration)
    .option("--timeout <ms>", "how long each reply may take (default 10000)", integerIn(100, 600_000), 10_000)
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      `
Each bot logs on (SRP6) and reads the realm list, connects to the realm's world port, creates a
character if its account has none, enters the world, says a line and waits to hear it, teleports a
few yards with .go xyz on the same map, and logs out. The report counts failures by the step they
happened at and gives p50/p95/p99 latencies per step. Exits 1 if any run failed.

Examples:
  $ tc9 bots --auth 127.0.0.1:3724 --count 50 --accounts bot --password botpass \\
      --create-accounts --auth-db mysql://root@127.0.0.1:3306/acore_auth
  $ tc9 bots --auth 127.0.0.1:3724 --count 200 --accounts bot --password botpass --duration 5m
  $ tc9 bots --auth 127.0.0.1:3724 --count 5 --accounts bot --password botpass --json`,
    )
    .action(async (options, command) => {
      if (options.accounts.length + String(options.count).length > 17 || !/^[A-Za-z0-9]+$/.test(options.accounts)) {
        command.error("error: --accounts must be letters and digits, short enough that <prefix><count> has at most 17 characters", {
          code: "commander.usage",
          exitCode: 2,
        });
      }
      const { runBots } = await import("./run-bots.js");
      await runBots(io, options);
    });
}

import { Option, type Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";
import { parseDuration } from "../../option-parsers.js";

/** Who a ban is recorded as coming from when `--by` is not given (AzerothCore's author for console bans). */
const DEFAULT_BAN_AUTHOR = "Server";

/** Registers `tc9 account ban <username>`. */
export function register(account: Command, io: CliIo): void {
  account
    .command("ban")
    .description("ban an account for a while or for good (the logon server then refuses it)")
    .argument("<username>", "account name")
    .addOption(new Option("--duration <time>", "how long, e.g. 30m, 2h, 7d, 1d12h").argParser(parseDuration).conflicts("permanent"))
    .option("--permanent", "ban until unbanned")
    .requiredOption("--reason <text>", "why, at most 255 characters (shown to GMs)")
    .option("--by <name>", "who banned, at most 50 characters", DEFAULT_BAN_AUTHOR)
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account ban alice --duration 2h --reason "spamming trade chat"
  $ tc9 account ban mallory --permanent --reason "gold selling" --by Hallgrim`,
    )
    .action(async (username, options, command) => {
      const { duration, permanent, ...rest } = options;
      if (duration === undefined && permanent !== true) {
        command.error("error: give either --duration <time> or --permanent", { code: "commander.usage", exitCode: 2 });
      }
      const { runBan } = await import("./account-actions.js");
      await runBan(io, duration === undefined ? { username, ...rest, permanent: true } : { username, ...rest, durationSeconds: duration });
    });
}

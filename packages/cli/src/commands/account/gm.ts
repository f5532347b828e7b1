import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";
import { parseGmLevel, parseRealmId } from "../../option-parsers.js";

/** Registers `tc9 account gm <username> <level>`. */
export function register(account: Command, io: CliIo): void {
  account
    .command("gm")
    .description("set an account's GM level (account_access), on one realm or on every realm")
    .argument("<username>", "account name")
    .argument("<level>", "0 player, 1 moderator, 2 game master, 3 administrator", parseGmLevel)
    .option("--realm <id>", "the realm the level applies to, or -1 for every realm", parseRealmId, -1)
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account gm alice 3
  $ tc9 account gm bob 2 --realm 1
  $ tc9 account gm bob 0          # back to a player`,
    )
    .action(async (username, level, options) => {
      const { runGm } = await import("./account-actions.js");
      await runGm(io, { username, level, ...options });
    });
}

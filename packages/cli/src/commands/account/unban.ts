import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";

/** Registers `tc9 account unban <username>`. */
export function register(account: Command, io: CliIo): void {
  account
    .command("unban")
    .description("lift an account's ban")
    .argument("<username>", "account name")
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account unban alice
  $ tc9 account unban alice --json`,
    )
    .action(async (username, options) => {
      const { runUnban } = await import("./account-actions.js");
      await runUnban(io, { username, ...options });
    });
}

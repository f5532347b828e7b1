import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";

/** Registers `tc9 account password <username> <new-password>`. */
export function register(account: Command, io: CliIo): void {
  account
    .command("password")
    .description("set an account's password (replaces its SRP6 salt and verifier)")
    .argument("<username>", "account name")
    .argument("<new-password>", "the new password, at most 16 characters; - reads it from the first line of stdin")
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account password alice 'n3w-secret'
  $ printf '%s\\n' "$PASSWORD" | tc9 account password alice -`,
    )
    .action(async (username, newPassword, options) => {
      const { runPassword } = await import("./account-actions.js");
      await runPassword(io, { username, newPassword, ...options });
    });
}

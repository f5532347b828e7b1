import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP } from "../../connection-flags.js";
import { integerIn, parseGmLevel, parseRealmId } from "../../option-parsers.js";

/** Registers `tc9 account create <username> <password>`. */
export function register(account: Command, io: CliIo): void {
  account
    .command("create")
    .description("create an account (names are stored upper-case; SRP6 salt and verifier, as AzerothCore does)")
    .argument("<username>", "account name, at most 17 characters")
    .argument("<password>", "password, at most 16 characters; - reads it from the first line of stdin")
    .option("--email <address>", "e-mail address")
    .option("--expansion <n>", "0 classic, 1 The Burning Crusade, 2 Wrath of the Lich King (default 2)", integerIn(0, 2))
    .option("--gm <level>", "also make it a GM: 0 player, 1 moderator, 2 game master, 3 administrator", parseGmLevel)
    .option("--realm <id>", "with --gm: the realm the level applies to, or -1 for every realm (default -1)", parseRealmId)
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account create alice 's3cret' --email alice@example.com
  $ tc9 account create admin 'l0ngpass' --gm 3 --realm -1 --json
  $ printf '%s\\n' "$PASSWORD" | tc9 account create bob -`,
    )
    .action(async (username, password, options, command) => {
      if (options.realm !== undefined && options.gm === undefined) {
        command.error("error: --realm only applies together with --gm <level>", { code: "commander.usage", exitCode: 2 });
      }
      const { runCreate } = await import("./account-actions.js");
      await runCreate(io, { username, password, ...options });
    });
}

import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_HELP, CHARACTERS_DB_HELP } from "../../connection-flags.js";

/** Registers `tc9 migrate`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("migrate")
    .description("apply tc9's SQL migrations to the auth and characters databases (each file once, in order)")
    .option("--status", "show applied, pending and changed migrations; change nothing")
    .option("--auth-db <url>", AUTH_DB_HELP)
    .option("--characters-db <url...>", CHARACTERS_DB_HELP)
    .option("--migrations-dir <dir>", "folder holding auth/ and characters/ migration folders (default: tc9's own migrations/)")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Applies every database it is given; exits 1 if any of them failed (the others are still migrated).

Examples:
  $ tc9 migrate --auth-db mysql://root@127.0.0.1:3306/acore_auth --characters-db mysql://root@127.0.0.1:3306/acore_characters
  $ tc9 migrate --status --characters-db mysql://root@db1/realm1_characters mysql://root@db2/realm2_characters
  $ TC9_CHARACTERS_DB=mysql://root@127.0.0.1/acore_characters tc9 migrate --status --json`,
    )
    .action(async (options) => {
      const { runMigrate } = await import("./run-migrate.js");
      await runMigrate(io, options);
    });
}

import type { Command } from "@commander-js/extra-typings";
import type { CliIo } from "../../cli-io.js";
import { register as registerBan } from "./ban.js";
import { register as registerCreate } from "./create.js";
import { register as registerGm } from "./gm.js";
import { register as registerPassword } from "./password.js";
import { register as registerUnban } from "./unban.js";

/** Registers `tc9 account` and its subcommands: create, password, gm, ban, unban. */
export function register(program: Command, io: CliIo): void {
  const account = program
    .command("account")
    .description("manage accounts in AzerothCore's auth database: create, password, gm, ban, unban")
    .addHelpText(
      "after",
      `
Examples:
  $ tc9 account create alice 's3cret' --auth-db mysql://root@127.0.0.1:3306/acore_auth
  $ export TC9_AUTH_DB=mysql://root@127.0.0.1:3306/acore_auth
  $ tc9 account gm alice 3
  $ tc9 account ban alice --duration 2h --reason "spamming trade chat"`,
    );
  registerCreate(account, io);
  registerPassword(account, io);
  registerGm(account, io);
  registerBan(account, io);
  registerUnban(account, io);
}

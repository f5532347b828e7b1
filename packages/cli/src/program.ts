import { Command, type CommandUnknownOpts } from "@commander-js/extra-typings";
import { readFileSync } from "node:fs";
import { processIo, type CliIo } from "./cli-io.js";
import { register as registerAccount } from "./commands/account/index.js";
import { register as registerBots } from "./commands/bots/index.js";
import { register as registerDoctor } from "./commands/doctor/index.js";
import { register as registerDown } from "./commands/down/index.js";
import { register as registerInit } from "./commands/init/index.js";
import { register as registerLogs } from "./commands/logs/index.js";
import { register as registerMigrate } from "./commands/migrate/index.js";
import { register as registerSim } from "./commands/sim/index.js";
import { register as registerUp } from "./commands/up/index.js";
import { register as registerStatus } from "./commands/status/index.js";
import { register as registerTop } from "./commands/top/index.js";
import { CommandFailedError, describeError } from "./errors.js";
import { styleFor } from "./style.js";

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** Exit codes of every tc9 command: 0 ok, 1 failure, 2 usage. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The `tc9` program with every command registered. It never exits the process: usage errors and
 * `--help` throw commander errors (see {@link runCli}), and all output goes to `io`.
 */
export function createProgram(io: CliIo = processIo()): Command {
  const program = new Command("tc9")
    .description("Operate a tc9 cluster: an AzerothCore realm on many worldservers")
    .version(packageJson.version, "-v, --version", "print the tc9 version")
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();
  registerAccount(program, io);
  registerMigrate(program, io);
  registerDoctor(program, io);
  registerSim(program, io);
  registerBots(program, io);
  registerStatus(program, io);
  registerTop(program, io);
  registerInit(program, io);
  registerUp(program, io);
  registerDown(program, io);
  registerLogs(program, io);
  program.addHelpText(
    "after",
    `
Examples:
  $ tc9 init my-realm && cd my-realm && npm install && npx tc9 up
  $ tc9 logs -f
  $ tc9 down
  $ tc9 doctor --auth-db mysql://root@127.0.0.1:3306/acore_auth --nats nats://127.0.0.1:4222
  $ tc9 migrate --characters-db mysql://root@127.0.0.1:3306/acore_characters
  $ tc9 account create alice 's3cret' --auth-db mysql://root@127.0.0.1:3306/acore_auth
  $ tc9 sim --registry 127.0.0.1:8999 --count 2
  $ tc9 bots --auth 127.0.0.1:3724 --count 20 --accounts bot --password botpass
  $ tc9 status --json
  $ tc9 top --dir ~/realms/test

Exit codes: 0 ok, 1 failure, 2 usage error. Colours are off when output is not a terminal or NO_COLOR is set.`,
  );
  pointUsageErrorsAtHelp(program, "tc9");
  return program;
}

/** After a usage error, every command names its own help: `(run tc9 account ban --help for usage)`. */
function pointUsageErrorsAtHelp(command: CommandUnknownOpts, path: string): void {
  command.showHelpAfterError(`(run ${path} --help for usage)`);
  for (const sub of command.commands) pointUsageErrorsAtHelp(sub, `${path} ${sub.name()}`);
}

/**
 * Parses `argv` and runs the chosen command; resolves to its exit code: 0 ok, 1 failure (one
 * `error:` line on stderr unless the command printed its own report), 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return ExitCode.ok;
    if (typeof code === "string" && code.startsWith("commander.")) return ExitCode.usage;
    if (error instanceof CommandFailedError) return ExitCode.failure;
    io.stderr.write(`${styleFor(io.stderr, io.env).fail("error:")} ${describeError(error)}\n`);
    return ExitCode.failure;
  }
}

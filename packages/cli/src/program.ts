import { Command } from "@commander-js/extra-typings";
import { readFileSync } from "node:fs";

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** Exit codes of every tc9 command: 0 ok, 1 failure, 2 usage. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** The `tc9` program: commands register themselves on it. */
export function createProgram(): Command {
  return new Command("tc9")
    .description("Operate a tc9 cluster: an AzerothCore realm on many worldservers")
    .version(packageJson.version, "-v, --version", "print the tc9 version")
    .showHelpAfterError("(run tc9 --help for usage)");
}

/** Parses `argv` and runs the chosen command; usage errors exit 2, as every tc9 command does. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = createProgram().exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return ExitCode.ok;
    if (typeof code === "string" && code.startsWith("commander.")) return ExitCode.usage;
    throw error;
  }
}

import type { CliIo } from "./cli-io.js";
import { CommandFailedError, errorSummary } from "./errors.js";
import { styleFor, type Style } from "./style.js";

/**
 * Prints `value` as indented JSON on stdout (the `--json` output of every command); bigints are
 * written as decimal strings.
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2)}\n`);
}

/**
 * Runs a command's work and prints its outcome: with `json`, `{ ok: true, ...result }` or
 * `{ ok: false, error: { code, message } }` on stdout (then exit 1); otherwise the `human` text on
 * stdout, and a failure is rethrown for the program to print as one `error:` line on stderr.
 */
export async function reportOutcome<Result extends object>(
  io: CliIo,
  json: boolean | undefined,
  work: () => Promise<Result>,
  human: (result: Result, style: Style) => string,
): Promise<void> {
  let result: Result;
  try {
    result = await work();
  } catch (error) {
    if (json !== true) throw error;
    printJson(io, { ok: false, error: errorSummary(error) });
    throw new CommandFailedError();
  }
  if (json === true) printJson(io, { ok: true, ...result });
  else io.stdout.write(`${human(result, styleFor(io.stdout, io.env))}\n`);
}

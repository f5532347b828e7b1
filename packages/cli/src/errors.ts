/**
 * How the CLI reports failures. This module stays free of heavy imports (it is loaded for
 * `tc9 --help`), so it recognises tc9 errors by their `TC9_ERR_` code instead of `instanceof`.
 */

/** Code given to `--json` error output for errors that are not tc9's own (bugs, driver errors). */
export const UNEXPECTED_ERROR_CODE = "TC9_ERR_CLI_UNEXPECTED";

/**
 * Thrown by a command that has already printed why it failed (a failed doctor check, a JSON error
 * object): the program exits 1 without printing anything more.
 */
export class CommandFailedError extends Error {
  constructor() {
    super("the command failed; its output says why");
    this.name = "CommandFailedError";
  }
}

/** An error as `{ code, message }` for `--json` output. */
export function errorSummary(error: unknown): { code: string; message: string } {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const code = (error as { code?: unknown } | null)?.code;
  return { code: typeof code === "string" && code.startsWith("TC9_ERR_") ? code : UNEXPECTED_ERROR_CODE, message };
}

/** An error as the one line the CLI prints: the message (which names the fix), then its tc9 code. */
export function describeError(error: unknown): string {
  const { code, message } = errorSummary(error);
  return code === UNEXPECTED_ERROR_CODE ? message : `${message} (${code})`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

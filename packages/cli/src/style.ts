import type { CliIo, OutputStream } from "./cli-io.js";

/** Terminal styling for one stream: plain text when colours are off. */
export interface Style {
  ok(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Colours only on a terminal, and never when `NO_COLOR` is set to a non-empty value (no-color.org). */
export function colourEnabled(stream: OutputStream, env: CliIo["env"]): boolean {
  return stream.isTTY === true && (env["NO_COLOR"] ?? "") === "";
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

/** The style for `stream`: ANSI colours when {@link colourEnabled}, else identity functions. */
export function styleFor(stream: OutputStream, env: CliIo["env"]): Style {
  if (!colourEnabled(stream, env)) return { ok: plain, fail: plain, warn: plain, bold: plain, dim: plain };
  return { ok: sgr(32, 39), fail: sgr(31, 39), warn: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}

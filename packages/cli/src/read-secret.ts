import { createInterface } from "node:readline";

/** The value that means "read this secret from standard input". */
export const FROM_STDIN = "-";

/**
 * Returns `value`, or, when it is {@link FROM_STDIN}, the first line of `input` (without its line
 * end) — so a password can be piped in instead of appearing in the process list.
 */
export async function readSecret(value: string, input: NodeJS.ReadableStream): Promise<string> {
  if (value !== FROM_STDIN) return value;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}

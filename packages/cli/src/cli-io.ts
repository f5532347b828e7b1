/**
 * The process surface the commands touch — output streams, standard input and the environment —
 * as one injectable object, so tests can run the program in process and read what it printed.
 */

/** Where a command writes text; `isTTY` decides whether it gets colours. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The streams and environment a command runs with. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Read only when a command is asked to (a password given as `-`). */
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Ends a long-running command (`tc9 sim`) the way SIGINT or SIGTERM do; without it such a
   * command listens for those signals. Tests and embedders abort it to stop the command.
   */
  readonly stopSignal?: AbortSignal;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

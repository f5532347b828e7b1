import type { CliIo } from "../../cli-io.js";
import { createClusterCollector, renderSnapshotText } from "../../cluster-view/index.js";
import { colourEnabled, styleFor } from "../../style.js";

/** What `showTop` needs: the project `tc9 up` runs from, where to draw, and when to stop. */
export interface ShowTopOptions {
  readonly projectDir: string;
  readonly io: CliIo;
  readonly signal: AbortSignal;
  readonly refreshMs?: number;
}

/** Default refresh period of the live view. */
export const DEFAULT_REFRESH_MS = 1000;

/**
 * Shows the live cluster view of the realm running from `projectDir` (the `tc9 top` screen) until
 * the user quits with `q` (or Ctrl-C) or `signal` aborts. When `io.stdout` is not a terminal it
 * prints one plain snapshot instead and waits for `signal`. Rejects with a
 * `TC9_ERR_CLUSTER_NOT_RUNNING` error only when the first snapshot finds no run file.
 */
export async function showTop(options: ShowTopOptions): Promise<void> {
  const { io, signal } = options;
  const collector = createClusterCollector(options.projectDir);
  try {
    if (io.stdout.isTTY !== true) {
      io.stdout.write(`${renderSnapshotText(await collector.collect(), styleFor(io.stdout, io.env))}\n`);
      await aborted(signal);
      return;
    }
    await collector.collect();
    const [{ render }, { createElement }, { TopApp }] = await Promise.all([import("ink"), import("react"), import("./top-app.js")]);
    const app = render(
      createElement(TopApp, { collect: () => collector.collect(), refreshMs: options.refreshMs ?? DEFAULT_REFRESH_MS, colours: colourEnabled(io.stdout, io.env) }),
      { stdout: io.stdout as NodeJS.WriteStream, stdin: io.stdin as NodeJS.ReadStream, stderr: io.stderr as NodeJS.WriteStream, patchConsole: false },
    );
    const stop = (): void => app.unmount();
    signal.addEventListener("abort", stop, { once: true });
    if (signal.aborted) stop();
    try {
      await app.waitUntilExit();
    } finally {
      signal.removeEventListener("abort", stop);
    }
  } finally {
    collector.close();
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

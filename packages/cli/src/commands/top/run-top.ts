import { resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { collectClusterSnapshot, renderSnapshotText } from "../../cluster-view/index.js";
import { styleFor } from "../../style.js";
import { waitForStop } from "../../stop-signal.js";
import { showTop } from "./show-top.js";

/** Parsed options of `tc9 top`. */
export interface TopOptions {
  readonly dir: string;
  readonly once?: boolean | undefined;
  readonly interval: number;
}

/**
 * `tc9 top`: the live view on a terminal until q, Ctrl-C or SIGTERM; with `--once`, or when
 * output is not a terminal, one plain snapshot.
 */
export async function runTop(io: CliIo, options: TopOptions): Promise<void> {
  const projectDir = resolve(options.dir);
  if (options.once === true || io.stdout.isTTY !== true) {
    io.stdout.write(`${renderSnapshotText(await collectClusterSnapshot(projectDir), styleFor(io.stdout, io.env))}\n`);
    return;
  }
  const stop = new AbortController();
  void waitForStop(io).then(() => stop.abort());
  await showTop({ projectDir, io, signal: stop.signal, refreshMs: options.interval });
}

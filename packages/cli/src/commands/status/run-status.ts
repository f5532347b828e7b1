import { resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { collectClusterSnapshot, downNodes, renderSnapshotText } from "../../cluster-view/index.js";
import { CommandFailedError, errorSummary } from "../../errors.js";
import { printJson } from "../../output.js";
import { styleFor } from "../../style.js";

/** Parsed options of `tc9 status`. */
export interface StatusOptions {
  readonly dir: string;
  readonly json?: boolean | undefined;
}

/**
 * `tc9 status`: one snapshot of the realm running from `dir`, as tables or (`--json`)
 * `{ ok, ...snapshot }`; fails when nothing runs there, and exits 1 after printing when a node is down.
 */
export async function runStatus(io: CliIo, options: StatusOptions): Promise<void> {
  let snapshot;
  try {
    snapshot = await collectClusterSnapshot(resolve(options.dir));
  } catch (error) {
    if (options.json !== true) throw error;
    printJson(io, { ok: false, error: errorSummary(error) });
    throw new CommandFailedError();
  }
  const healthy = downNodes(snapshot).length === 0;
  if (options.json === true) printJson(io, { ok: healthy, ...snapshot });
  else io.stdout.write(`${renderSnapshotText(snapshot, styleFor(io.stdout, io.env))}\n`);
  if (!healthy) throw new CommandFailedError();
}

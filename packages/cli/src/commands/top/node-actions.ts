/**
 * What `tc9 top` does to a node besides looking at it: read the end of its log file, and ask the
 * supervisor's loopback control endpoint (`tc9 up`) to restart it.
 */
import { open } from "node:fs/promises";
import { fetchFailure } from "../../cluster-view/index.js";

/** How long a restart may take: the supervisor answers once the node's new process started. */
const RESTART_TIMEOUT_MS = 60_000;
/** How much of a log file's end is read to find its last lines. */
const TAIL_BYTES = 64 * 1024;

/** Asks the supervisor at `controlUrl` to restart `node`; rejects with the reason it refused or failed. */
export async function requestRestart(controlUrl: string, node: string): Promise<void> {
  const url = `${controlUrl.replace(/\/+$/, "")}/nodes/${encodeURIComponent(node)}/restart`;
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", signal: AbortSignal.timeout(RESTART_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`the tc9 up control endpoint ${controlUrl} does not answer (${fetchFailure(error)}); is tc9 up still running?`);
  }
  if (response.ok) return;
  const body = await response.text();
  let reason = body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") reason = parsed.error;
  } catch {
    // not JSON: the body itself is the reason
  }
  throw new Error(`restarting ${node} failed: ${response.status} ${reason}`.trim());
}

/** The last `count` lines of the file at `path` (read from its end); a missing file has none. */
export async function readLogTail(path: string, count: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

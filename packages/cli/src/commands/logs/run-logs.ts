import { open, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { CommandFailedError, errorSummary } from "../../errors.js";
import { printJson } from "../../output.js";
import { readRunState, runStateFile } from "../../run-state/index.js";
import { waitForStop } from "../../stop-signal.js";
import { styleFor, type Style } from "../../style.js";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "../../supervisor/errors.js";
import { formatRecord, parseRecord, recordTime, type LogRecord } from "./log-record.js";

/** Parsed options of `tc9 logs`. */
export interface LogsOptions {
  readonly node?: string | undefined;
  readonly follow?: boolean | undefined;
  readonly lines: number;
  readonly dir: string;
  /** Print the lines as they are in the files (pino's JSON records) instead of readable lines. */
  readonly json?: boolean | undefined;
}

/** How much of the end of a log file is read for `--lines`. */
const TAIL_BYTES = 8 * 1024 * 1024;
const FOLLOW_POLL_MS = 250;

interface LogSource {
  readonly node: string;
  readonly file: string;
  /** Where the next unread byte is. */
  offset: number;
  /** An unfinished last line. */
  partial: string;
}

interface LogLine {
  readonly node: string;
  readonly text: string;
  /** The line parsed as a pino record; `undefined` for other output of the node. */
  readonly record: LogRecord | undefined;
  readonly time: number;
}

/**
 * `tc9 logs`: prints the last lines of one node's log, or of every node merged by time; each
 * record as a readable line (or as it is with `--json`); with `-f`, keeps printing new lines until
 * Ctrl-C (or `io.stopSignal`). With `--json`, a failure is printed as `{ ok: false, error }`.
 */
export async function runLogs(io: CliIo, options: LogsOptions): Promise<void> {
  let sources: LogSource[];
  try {
    sources = await logSources(options);
  } catch (error) {
    if (options.json !== true) throw error;
    printJson(io, { ok: false, error: errorSummary(error) });
    throw new CommandFailedError();
  }
  const render = renderer(options, styleFor(io.stdout, io.env));
  const print = (lines: readonly LogLine[]): void => {
    if (lines.length > 0) io.stdout.write(lines.map(render).join("\n") + "\n");
  };

  const tails = await Promise.all(sources.map((source) => readNew(source, true)));
  print(mergeByTime(tails.map((lines) => (options.lines === 0 ? [] : lines.slice(-options.lines)))));
  if (options.follow !== true) return;

  const stop = new AbortController();
  void waitForStop(io).then(() => stop.abort());
  while (!stop.signal.aborted) {
    await new Promise((resolveWait) => setTimeout(resolveWait, FOLLOW_POLL_MS));
    print(mergeByTime(await Promise.all(sources.map((source) => readNew(source, false)))));
  }
}

/**
 * How a line is printed: as it is with `--json`; a record as {@link formatRecord}'s line; any
 * other line as it is, after `node | ` when every node's lines are merged.
 */
function renderer(options: LogsOptions, style: Style): (line: LogLine) => string {
  if (options.json === true) return (line) => line.text;
  const merged = options.node === undefined;
  return (line) =>
    line.record !== undefined ? formatRecord(line.record, line.node, style) : merged ? `${style.bold(line.node)} | ${line.text}` : line.text;
}

/** The log files to read: the named node's, or every node's, from the project's run file. */
async function logSources(options: LogsOptions): Promise<LogSource[]> {
  const projectDir = resolve(options.dir);
  const state = await readRunState(projectDir);
  if (state === undefined) {
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.notRunning,
      `no realm was started in ${projectDir} (there is no ${runStateFile(projectDir)}); run tc9 up there, or pass --dir <project>`,
    );
  }
  const known = state.nodes.map((node) => node.name);
  if (options.node !== undefined && !known.includes(options.node)) {
    throw new SupervisorError(
      SUPERVISOR_ERROR_CODES.unknownNode,
      `the realm in ${projectDir} has no node "${options.node}"; known nodes: ${known.join(", ")}`,
    );
  }
  const chosen = state.nodes.filter((node) => options.node === undefined || node.name === options.node);
  return chosen.map((node) => ({ node: node.name, file: node.logFile, offset: 0, partial: "" }));
}

/** Reads what was appended to the source since the last call (the tail on the first call). */
async function readNew(source: LogSource, first: boolean): Promise<LogLine[]> {
  let size: number;
  try {
    size = (await stat(source.file)).size;
  } catch {
    return [];
  }
  if (size < source.offset) {
    source.offset = 0;
    source.partial = "";
  }
  if (first && size - source.offset > TAIL_BYTES) source.offset = size - TAIL_BYTES;
  if (size === source.offset) return [];
  const handle = await open(source.file, "r");
  try {
    const buffer = Buffer.alloc(size - source.offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, source.offset);
    source.offset += bytesRead;
    const text = source.partial + buffer.subarray(0, bytesRead).toString("utf8");
    const lines = text.split("\n");
    source.partial = lines.pop() ?? "";
    return timed(source.node, lines.filter((line) => line !== ""));
  } finally {
    await handle.close();
  }
}

/** Each line parsed, with its time: a record's `time`; a plain line takes the time of the line before it. */
function timed(node: string, lines: readonly string[]): LogLine[] {
  let last = 0;
  return lines.map((text) => {
    const record = parseRecord(text);
    last = (record === undefined ? undefined : recordTime(record)) ?? last;
    return { node, text, record, time: last };
  });
}

/** Merges per-node lists (each in time order) into one, by time; ties keep the node order. */
function mergeByTime(lists: readonly LogLine[][]): LogLine[] {
  return lists.flat().sort((a, b) => a.time - b.time);
}

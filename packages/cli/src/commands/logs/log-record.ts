import type { Style } from "../../style.js";

/** One line of a node's log file parsed as a pino record; `undefined` for a line that is not a JSON object. */
export type LogRecord = Readonly<Record<string, unknown>>;

/** Parses a log line as a JSON object (a pino record), or `undefined` for anything else a node printed. */
export function parseRecord(text: string): LogRecord | undefined {
  if (!text.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The record's `time` as epoch milliseconds (pino writes a number; an ISO string is read too). */
export function recordTime(record: LogRecord): number | undefined {
  const time = record["time"];
  if (typeof time === "number" && Number.isFinite(time)) return time;
  if (typeof time === "string") {
    const parsed = Date.parse(time);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** pino's numeric levels by name. */
const LEVEL_NAMES: ReadonlyMap<number, string> = new Map([
  [10, "TRACE"],
  [20, "DEBUG"],
  [30, "INFO"],
  [40, "WARN"],
  [50, "ERROR"],
  [60, "FATAL"],
]);
const LEVEL_WIDTH = 5;

/** Fields shown in their own column, or left out as the same on every line of a process. */
const SHOWN_APART = new Set(["time", "level", "msg", "node", "err", "pid", "hostname"]);

/**
 * One record as one readable line, `HH:MM:SS.mmm LEVEL node msg key=value …` (local time; `err`
 * last, as its message and, for error and fatal records, the first `at …` line of its stack). The
 * node column is the log file's node; a record's own `node` field is shown as `node=` only when
 * it names another.
 */
export function formatRecord(record: LogRecord, node: string, style: Style): string {
  const level = levelName(record["level"]);
  const fields = Object.entries(record)
    .filter(([key, value]) => !SHOWN_APART.has(key) && value !== undefined)
    .map(([key, value]) => `${style.dim(`${key}=`)}${formatValue(value)}`);
  if (record["node"] !== undefined && record["node"] !== node) fields.push(`${style.dim("node=")}${formatValue(record["node"])}`);
  const err = formatErr(record["err"], level === "ERROR" || level === "FATAL");
  if (err !== undefined) fields.push(`${style.dim("err=")}${style.fail(err)}`);
  const msg = typeof record["msg"] === "string" ? record["msg"] : record["msg"] === undefined ? "" : formatValue(record["msg"]);
  const columns = [style.dim(clock(recordTime(record))), paintLevel(level.padEnd(LEVEL_WIDTH), level, style), style.bold(node), msg, ...fields];
  return columns.filter((column) => column !== "").join(" ");
}

/** A level number as its name (`INFO`); a level pino was told to write as text, upper-cased; `L<n>` for a custom number. */
function levelName(level: unknown): string {
  if (typeof level === "number") return LEVEL_NAMES.get(level) ?? `L${level}`;
  if (typeof level === "string" && level !== "") return level.toUpperCase();
  return "-";
}

function paintLevel(text: string, level: string, style: Style): string {
  switch (level) {
    case "FATAL":
    case "ERROR":
      return style.fail(text);
    case "WARN":
      return style.warn(text);
    case "INFO":
      return style.ok(text);
    default:
      return style.dim(text);
  }
}

/** Local wall-clock time `HH:MM:SS.mmm`; dashes when the record has no time. */
function clock(time: number | undefined): string {
  if (time === undefined) return "--:--:--.---";
  const at = new Date(time);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}.${String(at.getMilliseconds()).padStart(3, "0")}`;
}

/** A value as `key=` takes it: bare when it is one word, JSON (quoted) otherwise. */
function formatValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** pino's serialised error (`{ type, message, stack }`) as its message, plus the first stack frame when `withFrame`. */
function formatErr(err: unknown, withFrame: boolean): string | undefined {
  if (err === undefined || err === null) return undefined;
  if (typeof err !== "object") return formatValue(err);
  const { message, stack, type } = err as { message?: unknown; stack?: unknown; type?: unknown };
  const text = formatValue(typeof message === "string" && message !== "" ? message : typeof type === "string" ? type : JSON.stringify(err));
  const frame = withFrame && typeof stack === "string" ? stack.split("\n").map((line) => line.trim()).find((line) => line.startsWith("at ")) : undefined;
  return frame === undefined ? text : `${text} ${frame}`;
}

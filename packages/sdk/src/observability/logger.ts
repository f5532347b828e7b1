import { pino, type Logger, type LoggerOptions } from "pino";

export type { Logger } from "pino";

export interface LoggerSettings {
  /** pino level; `TC9_LOG_LEVEL` overrides the default `info`. */
  readonly level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture. */
  readonly destination?: NodeJS.WritableStream;
  /** Fields bound to every line, e.g. `{ node: "gateway-1" }`. */
  readonly bindings?: Record<string, string>;
}

/** tc9's one structured logger: JSON lines via pino; children per node and module. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.TC9_LOG_LEVEL ?? "info",
    base: { pid: process.pid, ...settings.bindings },
  };
  const destination = settings.destination;
  return destination ? pino(options, destination) : pino(options);
}

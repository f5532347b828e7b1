import type { Logger } from "pino";

/** The logger methods the simulator calls; any pino logger fits. */
export type SimulatorLog = Pick<Logger, "debug" | "info" | "warn" | "error">;

const ignore = (): void => undefined;

/** Used when no logger is given: the simulator then logs nothing. */
export const silentLog: SimulatorLog = { debug: ignore, info: ignore, warn: ignore, error: ignore };

import type { Logger } from "pino";

/** The logger methods the shared worldserver component calls; any pino logger fits. */
export type WorldserverLog = Pick<Logger, "debug" | "info" | "warn" | "error">;

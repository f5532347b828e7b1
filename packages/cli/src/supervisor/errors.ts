/** Coded errors of `tc9 up`'s supervisor and of the commands that talk to it. */
import { Tc9Error } from "@tc9/sdk";

/** Stable codes of {@link SupervisorError}. */
export const SUPERVISOR_ERROR_CODES = {
  /** The config file is missing, does not load, or does not export a topology. */
  config: "TC9_ERR_UP_CONFIG",
  /** A pre-start check failed: MariaDB or NATS unreachable, a port taken. */
  preflight: "TC9_ERR_UP_PREFLIGHT",
  /** A node did not become ready in time. */
  readyTimeout: "TC9_ERR_UP_READY_TIMEOUT",
  /** The realm was stopped while it was still starting. */
  interrupted: "TC9_ERR_UP_INTERRUPTED",
  /** A realm is already running from this project directory. */
  alreadyRunning: "TC9_ERR_UP_ALREADY_RUNNING",
  /** `tc9 down` / `tc9 logs`: no realm was started from the directory. */
  notRunning: "TC9_ERR_NOT_RUNNING",
  /** `tc9 down`: the supervisor did not exit in time. */
  stopTimeout: "TC9_ERR_DOWN_TIMEOUT",
  /** `tc9 logs`: the node is not in the run file. */
  unknownNode: "TC9_ERR_LOGS_UNKNOWN_NODE",
} as const;

export type SupervisorErrorCode = (typeof SUPERVISOR_ERROR_CODES)[keyof typeof SUPERVISOR_ERROR_CODES];

/** Starting, stopping or inspecting a supervised realm failed; the message names the fix. */
export class SupervisorError extends Tc9Error {
  declare readonly code: SupervisorErrorCode;

  constructor(code: SupervisorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

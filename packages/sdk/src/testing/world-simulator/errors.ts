import { Tc9Error } from "../../errors.js";

/** The codes of {@link WorldSimulatorError}. */
export type WorldSimulatorErrorCode =
  /** The options are invalid (e.g. a realm id of 0). */
  | "TC9_ERR_WORLD_SIMULATOR_OPTIONS"
  /** A listener could not bind its port. */
  | "TC9_ERR_WORLD_SIMULATOR_LISTEN"
  /** RegisterGameServer failed, so the simulator is not part of the cluster. */
  | "TC9_ERR_WORLD_SIMULATOR_REGISTER"
  /** World work (a health probe, a gRPC call) waited longer than its deadline for the world loop. */
  | "TC9_ERR_WORLD_SIMULATOR_LOOP_TIMEOUT"
  /** The world loop was stopped (the simulator stopped or died) before the work ran. */
  | "TC9_ERR_WORLD_SIMULATOR_STOPPED";

/** An error of the worldserver simulator; `code` says which, the message names the fix. */
export class WorldSimulatorError extends Tc9Error {
  declare readonly code: WorldSimulatorErrorCode;

  constructor(code: WorldSimulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

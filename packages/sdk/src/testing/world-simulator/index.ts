/** The worldserver simulator: a stand-in for an AzerothCore cluster-mode worldserver with the ToCloud9 sidecar. */
export { startWorldSimulator } from "./world-simulator.js";
export type { WorldSimulator, WorldSimulatorOptions } from "./world-simulator.js";
export type { SessionState, SimulatedSessionInfo, SimulatorFaults } from "./world-session.js";
export { WorldSimulatorError } from "./errors.js";
export type { WorldSimulatorErrorCode } from "./errors.js";

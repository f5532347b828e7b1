import type { WorldServerHandlers } from "@tc9/sdk/contracts";
import { battlegroundHandlers } from "./battleground-handlers.js";
import { itemHandlers } from "./item-handlers.js";
import { lfgHandlers } from "./lfg-handlers.js";
import type { WorldLoopCall } from "./world-loop.js";

/**
 * ToCloud9's `WorldServerService`, every RPC forwarded to the worldserver's world loop through
 * libsidecar and answered from what the C handler returned.
 */
export function worldServerHandlers(call: WorldLoopCall): WorldServerHandlers {
  return { ...itemHandlers(call), ...battlegroundHandlers(call), ...lfgHandlers(call) };
}

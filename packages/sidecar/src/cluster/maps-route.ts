import { registryGameServerMapsReassigned } from "@tc9/sdk";
import { HookKind } from "../bridge/protocol.js";
import { hookRoute, type HookRoute } from "./hook-route.js";

/**
 * `sr.gs.maps.reassigned` → the maps-reassigned hook with this server's difference (maps added,
 * maps removed). As ToCloud9: only this server's entry counts, and an entry with no old
 * assignment (a server that just registered and got its maps in WELCOME) is ignored.
 */
export function mapsReassignedRoute(serverId: () => string | undefined): HookRoute {
  return hookRoute(registryGameServerMapsReassigned, (event) => {
    const own = serverId();
    const entry = event.Servers.find((server) => server.ID === own);
    if (!entry || entry.OldAssignedMapsToHandle.length === 0) return [];
    const before = new Set(entry.OldAssignedMapsToHandle);
    const after = new Set(entry.NewAssignedMapsToHandle);
    const added = [...after].filter((map) => !before.has(map));
    const removed = [...before].filter((map) => !after.has(map));
    if (added.length === 0 && removed.length === 0) return [];
    return [{ kind: HookKind.MapsReassigned, write: (body) => body.u32List(added).u32List(removed) }];
  });
}

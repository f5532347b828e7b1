import type { BusRoute, MapsChange, RouteTarget } from "@tc9/sdk/cluster-worldserver";
import type { Logger } from "pino";
import type { BridgeServer } from "../bridge/bridge-server.js";
import { HookKind } from "../bridge/protocol.js";
import { BodyWriter } from "../bridge/wire.js";

/** One hook delivery: its kind and how to write its body. */
export interface HookDelivery {
  readonly kind: HookKind;
  write(body: BodyWriter): unknown;
}

/** A bus event routed to library hooks. */
export type HookRoute = BusRoute<HookDelivery>;

/** A maps change as the maps-reassigned hook (added, removed). */
export function mapsReassignedHook(change: MapsChange): HookDelivery {
  return { kind: HookKind.MapsReassigned, write: (body) => body.u32List(change.added).u32List(change.removed) };
}

/** Queues routed hooks to the connected library; with none connected they are dropped (logged). */
export function bridgeHookTarget<D>(
  ownRealm: () => number | undefined,
  bridge: BridgeServer,
  logger: Logger,
  toHook: (delivery: D) => HookDelivery,
): RouteTarget<D> {
  return {
    ownRealm,
    deliver(delivery, subject) {
      const hook = toHook(delivery);
      const body = new BodyWriter();
      hook.write(body);
      if (!bridge.hook(hook.kind, body.toBytes())) logger.debug({ subject }, "hook dropped: no worldserver connected");
    },
  };
}

import type { Bus, EventDef, Subscription } from "@tc9/sdk";
import type { Logger } from "pino";
import type { BridgeServer } from "../bridge/bridge-server.js";
import type { HookKind } from "../bridge/protocol.js";
import { BodyWriter } from "../bridge/wire.js";

/** One hook delivery: its kind and how to write its body. */
export interface HookDelivery {
  readonly kind: HookKind;
  write(body: BodyWriter): unknown;
}

/** The hooks one received event becomes for a worldserver of realm `ownRealm` (none when it does not concern it). */
export type HooksFor = (ownRealm: number) => readonly HookDelivery[];

/** A bus event routed to library hooks. */
export interface HookRoute {
  subscribe(bus: Bus, deliver: (hooks: HooksFor, subject: string) => void): Promise<Subscription>;
}

/** Routes `event` to the hooks `hooks` makes of each payload. */
export function hookRoute<P, K extends string>(event: EventDef<P, K>, hooks: (payload: P, ownRealm: number) => readonly HookDelivery[]): HookRoute {
  return {
    subscribe: (bus, deliver) => bus.subscribe(event, (payload, context) => deliver((realm) => hooks(payload, realm), context.subject)),
  };
}

/** What routing needs to know about the running sidecar. */
export interface HookTarget {
  /** The connected worldserver's realm, or undefined while none is registered. */
  ownRealm(): number | undefined;
  bridge(): BridgeServer | undefined;
}

/** Subscribes every route; each event that concerns the worldserver is queued to the library as hooks. */
export function subscribeHookRoutes(bus: Bus, routes: readonly HookRoute[], target: HookTarget, logger: Logger): Promise<Subscription[]> {
  const deliver = (hooks: HooksFor, subject: string): void => {
    const realm = target.ownRealm();
    const bridge = target.bridge();
    if (realm === undefined || !bridge) return;
    for (const delivery of hooks(realm)) {
      const body = new BodyWriter();
      delivery.write(body);
      if (!bridge.hook(delivery.kind, body.toBytes())) logger.debug({ subject }, "hook dropped: no worldserver connected");
    }
  };
  return Promise.all(routes.map((route) => route.subscribe(bus, deliver)));
}

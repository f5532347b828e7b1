import type { WorldserverLog } from "./log.js";
import type { Bus, Subscription } from "../bus/bus.js";
import type { EventDef } from "../bus/event.js";
import { registryGameServerMapsReassigned } from "../bus/events/registry.js";
import { playerFromWire } from "../identity/player-identity.js";

/** What one received event becomes for a worldserver of realm `ownRealm` (nothing when it does not concern it). */
export type DeliveriesFor<D> = (ownRealm: number) => readonly D[];

/** A bus event routed to a worldserver as deliveries of type `D` (libsidecar hooks, simulator actions). */
export interface BusRoute<D> {
  subscribe(bus: Bus, deliver: (deliveries: DeliveriesFor<D>, subject: string) => void): Promise<Subscription>;
}

/** Routes `event` to what `deliveries` makes of each payload for the worldserver's realm. */
export function busRoute<P, K extends string, D>(event: EventDef<P, K>, deliveries: (payload: P, ownRealm: number) => readonly D[]): BusRoute<D> {
  return {
    subscribe: (bus, deliver) => bus.subscribe(event, (payload, context) => deliver((realm) => deliveries(payload, realm), context.subject)),
  };
}

/** Where routed events go. */
export interface RouteTarget<D> {
  /** The worldserver's realm, or undefined while none is registered (events are then dropped). */
  ownRealm(): number | undefined;
  deliver(delivery: D, subject: string): void;
}

/** Subscribes every route; each event that concerns the worldserver is handed to `target`. */
export function subscribeBusRoutes<D>(bus: Bus, routes: readonly BusRoute<D>[], target: RouteTarget<D>, logger: WorldserverLog): Promise<Subscription[]> {
  const deliver = (deliveries: DeliveriesFor<D>, subject: string): void => {
    const realm = target.ownRealm();
    if (realm === undefined) {
      logger.debug({ subject }, "bus event dropped: no worldserver registered");
      return;
    }
    for (const delivery of deliveries(realm)) target.deliver(delivery, subject);
  };
  return Promise.all(routes.map((route) => route.subscribe(bus, deliver)));
}

/**
 * Whether a player belongs to this worldserver's realm (ToCloud9 PR #37): a realm-qualified GUID
 * (`realm << 32 | low`) names its realm; any other player GUID is of the event's realm.
 */
function isLocalPlayer(ownRealm: number, eventRealm: number, playerGuid: bigint): boolean {
  const player = playerFromWire(playerGuid, eventRealm);
  return player !== undefined && player.realmId === ownRealm;
}

/**
 * Whether a group event concerns this worldserver: true when any of the players it names belongs
 * to this realm. Events of other realms (and cross-realm groups without a local member) are dropped.
 */
export function concernsRealm(ownRealm: number, eventRealm: number, players: readonly bigint[]): boolean {
  return players.some((player) => isLocalPlayer(ownRealm, eventRealm, player));
}

/** Guild events concern only their own realm's worldservers (ToCloud9). */
export function guildEventConcerns(ownRealm: number, event: { readonly RealmID: number }): boolean {
  return event.RealmID === ownRealm;
}

/** The C hooks take a group's low 32 bits (`uint32_t guid`). */
export function groupGuid32(groupId: bigint): number {
  return Number(groupId & 0xffff_ffffn);
}

/** This worldserver's share of a map reassignment. */
export interface MapsChange {
  readonly added: readonly number[];
  readonly removed: readonly number[];
}

/**
 * `sr.gs.maps.reassigned` → this server's difference (maps added, maps removed). As ToCloud9: only
 * this server's entry counts, and an entry with no old assignment (a server that just registered
 * and got its maps at registration) is ignored.
 */
export function mapsReassignedRoute(serverId: () => string | undefined): BusRoute<MapsChange> {
  return busRoute(registryGameServerMapsReassigned, (event) => {
    const own = serverId();
    const entry = event.Servers.find((server) => server.ID === own);
    if (!entry || entry.OldAssignedMapsToHandle.length === 0) return [];
    const before = new Set(entry.OldAssignedMapsToHandle);
    const after = new Set(entry.NewAssignedMapsToHandle);
    const added = [...after].filter((map) => !before.has(map));
    const removed = [...before].filter((map) => !after.has(map));
    return added.length === 0 && removed.length === 0 ? [] : [{ added, removed }];
  });
}

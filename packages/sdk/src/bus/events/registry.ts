/**
 * Events the servers registry publishes (ToCloud9 `ServerRegistryEvent`,
 * `shared/events/events-serversregistry.go`). Types 6–7 and `EventTimeUnixNano` come from PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, i64, slice, str, struct, u32, u64 } from "../go-json/index.js";

/** A worldserver and its map assignment; Go `GameServer`. */
export const GameServer = struct({
  ID: str,
  Address: str,
  RealmID: u32,
  IsCrossRealm: bool,
  AvailableMaps: slice(u32),
  OldAssignedMapsToHandle: slice(u32),
  NewAssignedMapsToHandle: slice(u32),
});

/** The matchmaking service as the registry's health checks see it (PR #37). */
export const MatchmakingService = struct({ Address: str, HealthCheckAddr: str, ObservedAtUnixMs: i64 });

/** `sr.gw.added` #1: a gateway registered. */
export const registryGatewayAdded = defineEvent({
  subject: "sr.gw.added",
  type: 1,
  payload: struct({ ID: str, Address: str, HealthCheckAddr: str, RealmID: u32 }),
});

/** `sr.gw.removed.unhealthy` #2: a gateway failed its health checks and was removed. */
export const registryGatewayRemovedUnhealthy = defineEvent({
  subject: "sr.gw.removed.unhealthy",
  type: 2,
  payload: struct({ ID: str, Address: str, HealthCheckAddr: str, RealmID: u32, EventTimeUnixNano: u64 }),
});

/** The queue group ToCloud9's charserver replicas share on `sr.gw.removed.unhealthy`. */
export const CHARSERVER_QUEUE = "char_group";

/** `sr.gs.maps.reassigned` #3: maps were redistributed between worldservers. */
export const registryGameServerMapsReassigned = defineEvent({
  subject: "sr.gs.maps.reassigned",
  type: 3,
  payload: struct({ Servers: slice(GameServer) }),
});

/** `sr.gs.added` #4: a worldserver registered. */
export const registryGameServerAdded = defineEvent({
  subject: "sr.gs.added",
  type: 4,
  payload: struct({ GameServer }),
});

/** `sr.gs.removed` #5: a worldserver was removed (unhealthy or shut down). */
export const registryGameServerRemoved = defineEvent({
  subject: "sr.gs.removed",
  type: 5,
  payload: struct({ GameServer }),
});

/** `sr.matchmaking.removed.unhealthy` #6 (PR #37): the matchmaking service became unhealthy. */
export const registryMatchmakingRemovedUnhealthy = defineEvent({
  subject: "sr.matchmaking.removed.unhealthy",
  type: 6,
  payload: struct({ MatchmakingService, Error: str }),
});

/** `sr.matchmaking.recovered` #7 (PR #37): the matchmaking service is healthy again. */
export const registryMatchmakingRecovered = defineEvent({
  subject: "sr.matchmaking.recovered",
  type: 7,
  payload: struct({ MatchmakingService }),
});

export type RegistryGatewayAdded = EventPayload<typeof registryGatewayAdded>;
export type RegistryGatewayRemovedUnhealthy = EventPayload<typeof registryGatewayRemovedUnhealthy>;
export type RegistryGameServerMapsReassigned = EventPayload<typeof registryGameServerMapsReassigned>;
export type RegistryGameServerAdded = EventPayload<typeof registryGameServerAdded>;
export type RegistryGameServerRemoved = EventPayload<typeof registryGameServerRemoved>;
export type RegistryMatchmakingRemovedUnhealthy = EventPayload<typeof registryMatchmakingRemovedUnhealthy>;
export type RegistryMatchmakingRecovered = EventPayload<typeof registryMatchmakingRecovered>;

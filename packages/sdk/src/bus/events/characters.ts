/**
 * Events the characters service publishes (ToCloud9 `CharactersServiceEvent`,
 * `shared/events/events-characters.go`). Types 2–3 and `EventTimeUnixNano` come from PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { slice, str, struct, u32, u64, u8 } from "../go-json/index.js";

/** `char.chars.unhealthy.gw` #1: the characters that were online through a gateway that died. */
export const charactersDisconnectedUnhealthyGateway = defineEvent({
  subject: "char.chars.unhealthy.gw",
  type: 1,
  payload: struct({ RealmID: u32, GatewayID: str, EventTimeUnixNano: u64, CharactersGUID: slice(u64) }),
});

/** `char.arena-team.invite-created` #2 (PR #37): an arena team invite was accepted for delivery. */
export const charactersArenaTeamInviteCreated = defineEvent({
  subject: "char.arena-team.invite-created",
  type: 2,
  payload: struct({
    RealmID: u32,
    TargetGUID: u64,
    TargetName: str,
    InviterGUID: u64,
    InviterName: str,
    ArenaTeamID: u32,
    TeamName: str,
  }),
});

/** `char.arena-team.native-event` #3 (PR #37): a committed arena team change, as a client event. */
export const charactersArenaTeamNativeEvent = defineEvent({
  subject: "char.arena-team.native-event",
  type: 3,
  payload: struct({
    RealmID: u32,
    ReceiverGUIDs: slice(u64),
    ArenaTeamID: u32,
    Event: u8,
    EventGUID: u64,
    Args: slice(str),
  }),
});

export type CharactersDisconnectedUnhealthyGateway = EventPayload<typeof charactersDisconnectedUnhealthyGateway>;
export type CharactersArenaTeamInviteCreated = EventPayload<typeof charactersArenaTeamInviteCreated>;
export type CharactersArenaTeamNativeEvent = EventPayload<typeof charactersArenaTeamNativeEvent>;

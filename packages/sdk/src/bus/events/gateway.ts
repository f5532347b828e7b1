/**
 * Events the gateway publishes (ToCloud9 `GatewayEvent`, `shared/events/events-gateway.go`).
 * Types 1–3 are in ToCloud9 master; 4–5 and every `EventTimeUnixNano` come from PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { f32, jsonName, omitempty, omitemptyPointer, slice, str, struct, u32, u64, u8 } from "../go-json/index.js";

/** One character's changed fields; Go `CharacterUpdate`, whose JSON keys are one or two letters. */
export const CharacterUpdate = struct({
  ID: jsonName("i", u64),
  EventTimeUnixNano: jsonName("t", omitempty(u64)),
  Lvl: jsonName("l", omitemptyPointer(u8)),
  Map: jsonName("m", omitemptyPointer(u32)),
  Area: jsonName("a", omitemptyPointer(u32)),
  Zone: jsonName("z", omitemptyPointer(u32)),
  CurHP: jsonName("h", omitemptyPointer(u32)),
  MaxHP: jsonName("hm", omitemptyPointer(u32)),
  PowerType: jsonName("pt", omitemptyPointer(u8)),
  CurPower: jsonName("p", omitemptyPointer(u32)),
  MaxPower: jsonName("pm", omitemptyPointer(u32)),
});

/** `gw.char.logged-in` #1: a character entered the world through a gateway. */
export const gatewayCharacterLoggedIn = defineEvent({
  subject: "gw.char.logged-in",
  type: 1,
  payload: struct({
    RealmID: u32,
    GatewayID: str,
    EventTimeUnixNano: u64,
    CharGUID: u64,
    CharName: str,
    CharRace: u8,
    CharClass: u8,
    CharGender: u8,
    CharLevel: u8,
    CharZone: u32,
    CharMap: u32,
    CharPosX: f32,
    CharPosY: f32,
    CharPosZ: f32,
    CharGuildID: u32,
    AccountID: u32,
  }),
});

/** `gw.char.logged-out` #2: a character left (logout, character screen or disconnect). */
export const gatewayCharacterLoggedOut = defineEvent({
  subject: "gw.char.logged-out",
  type: 2,
  payload: struct({
    RealmID: u32,
    GatewayID: str,
    EventTimeUnixNano: u64,
    CharGUID: u64,
    CharName: str,
    CharGuildID: u32,
    AccountID: u32,
  }),
});

/** `gw.char.chars-updates` #3: batched level / map / zone / health changes, about once a second. */
export const gatewayCharactersUpdates = defineEvent({
  subject: "gw.char.chars-updates",
  type: 3,
  payload: struct({
    RealmID: u32,
    GatewayID: str,
    EventTimeUnixNano: u64,
    Updates: slice(CharacterUpdate),
  }),
});

/** `gw.guild.created` #4 (PR #37): the gateway saw a worldserver create a guild. */
export const gatewayGuildCreated = defineEvent({
  subject: "gw.guild.created",
  type: 4,
  payload: struct({ RealmID: u32, GatewayID: str, LeaderGUID: u64, GuildName: str }),
});

/** `gw.gateway.started` #5 (PR #37): a gateway registered and accepts sessions. */
export const gatewayStarted = defineEvent({
  subject: "gw.gateway.started",
  type: 5,
  payload: struct({ RealmID: u32, GatewayID: str, StartedAtMs: u64 }),
});

export type GatewayCharacterLoggedIn = EventPayload<typeof gatewayCharacterLoggedIn>;
export type GatewayCharacterLoggedOut = EventPayload<typeof gatewayCharacterLoggedOut>;
export type GatewayCharactersUpdates = EventPayload<typeof gatewayCharactersUpdates>;
export type GatewayGuildCreated = EventPayload<typeof gatewayGuildCreated>;
export type GatewayStarted = EventPayload<typeof gatewayStarted>;

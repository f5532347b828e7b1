/** Gateway events as a test publishes them, with an increasing event clock. */
import type { GatewayCharacterLoggedIn } from "@tc9/sdk";

let clock = 1_000_000n;

/** The next event time (nanoseconds); every call is later than the one before. */
export function nextEventTime(): bigint {
  clock += 1_000n;
  return clock;
}

/** A `gw.char.logged-in` payload; unset fields are an alliance human warrior in Elwynn Forest. */
export function loginEvent(
  character: Partial<GatewayCharacterLoggedIn> & Pick<GatewayCharacterLoggedIn, "CharGUID" | "CharName">,
): GatewayCharacterLoggedIn {
  return {
    RealmID: 1,
    GatewayID: "gw-a",
    EventTimeUnixNano: nextEventTime(),
    CharRace: 1,
    CharClass: 1,
    CharGender: 0,
    CharLevel: 10,
    CharZone: 12,
    CharMap: 0,
    CharPosX: 0,
    CharPosY: 0,
    CharPosZ: 0,
    CharGuildID: 0,
    AccountID: 100,
    ...character,
  };
}

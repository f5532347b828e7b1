import type { EventDef } from "../event.js";
import * as auctionhouse from "./auctionhouse.js";
import * as characters from "./characters.js";
import * as chat from "./chat.js";
import * as friends from "./friends.js";
import * as gateway from "./gateway.js";
import * as group from "./group.js";
import * as guild from "./guild.js";
import * as mail from "./mail.js";
import * as matchmaking from "./matchmaking.js";
import * as registry from "./registry.js";

export * from "./auctionhouse.js";
export * from "./characters.js";
export * from "./chat.js";
export * from "./friends.js";
export * from "./gateway.js";
export * from "./group.js";
export * from "./guild.js";
export * from "./mail.js";
export * from "./matchmaking.js";
export * from "./registry.js";

/** Any event definition, whatever its payload and subject parameters. */
export type AnyEventDef = EventDef<unknown, string>;

const modules = [gateway, registry, characters, chat, friends, group, guild, mail, matchmaking, auctionhouse];

/**
 * Every ToCloud9 event (master and PR #37), grouped by producer in the order above. Useful for
 * tooling that lists subjects, and for tests that must cover the whole catalogue.
 */
export const tocloud9Events: readonly AnyEventDef[] = modules.flatMap((module) =>
  Object.values(module).filter(isEventDef),
);

function isEventDef(value: unknown): value is AnyEventDef {
  return typeof value === "object" && value !== null && "encode" in value && "subject" in value;
}

/**
 * The `characters` module: ToCloud9's CharactersService for the player's path (character screen,
 * account data, name and GUID lookups, /who, position saves) over AzerothCore's characters and
 * world databases, with the realm's online index kept from the bus.
 */
import { charactersDisconnectedUnhealthyGateway, defineModule } from "@tc9/sdk";
import { CharactersService } from "@tc9/sdk/contracts";
import { z } from "zod";
import { loginScreenHandlers } from "./handlers/login-screen-handlers.js";
import { lookupHandlers } from "./handlers/lookup-handlers.js";
import { notServedHandlers } from "./handlers/not-served-handlers.js";
import { positionHandler } from "./handlers/position-handler.js";
import { whoHandler } from "./handlers/who-handler.js";
import type { CharactersDeps } from "./handlers/handler-deps.js";
import { onlineIndexEvents, subscribeOnlineIndex } from "./online-events.js";
import { OnlineCharacters } from "./online-characters.js";
import { realmResolver } from "./realm-databases.js";

/** The module's options in a topology; every field has AzerothCore's behaviour as default. */
export const charactersOptions = z
  .strictObject({
    who: z
      .strictObject({
        /** Lines a /who answer lists at most (`MaxWhoListReturns`; the client shows 50). */
        maxResults: z.number().int().min(1).max(50).default(50),
        /** `AllowTwoSide.WhoList`: also list characters of the other faction. */
        twoSide: z.boolean().default(false),
      })
      .prefault({}),
  })
  .prefault({});

/** The parsed options of the characters module. */
export type CharactersOptions = z.output<typeof charactersOptions>;

export const charactersModule = defineModule({
  name: "characters",
  serves: CharactersService,
  databases: ["characters", "world"],
  events: { publishes: [charactersDisconnectedUnhealthyGateway], subscribes: [...onlineIndexEvents] },
  options: charactersOptions,
  async start(ctx) {
    const online = new OnlineCharacters(ctx.realms.map((realm) => realm.id));
    const subscriptions = await subscribeOnlineIndex(ctx.bus, online, ctx.logger);
    const deps: CharactersDeps = { realms: realmResolver(ctx.databases, ctx.realms), online, who: ctx.options.who };
    return {
      handlers: {
        ...loginScreenHandlers(deps),
        ...lookupHandlers(deps),
        ...whoHandler(deps),
        ...positionHandler(deps),
        ...notServedHandlers(),
      },
      info: () => ({
        online: Object.fromEntries(ctx.realms.map((realm) => [realm.id, online.all(realm.id).length])),
      }),
      async stop() {
        await Promise.allSettled(subscriptions.map((subscription) => subscription.unsubscribe()));
      },
    };
  },
});

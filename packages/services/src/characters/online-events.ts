/**
 * Keeps the online index in step with the bus: gateway logins, logouts and periodic updates,
 * guild membership changes, and gateways the servers registry found dead. As in ToCloud9, one
 * characters replica (queue group `char_group`) handles a dead gateway and tells the others with
 * `char.chars.unhealthy.gw`, which every replica (and the group, guild and matchmaking services) applies.
 */
import {
  charactersDisconnectedUnhealthyGateway,
  gatewayCharacterLoggedIn,
  gatewayCharacterLoggedOut,
  gatewayCharactersUpdates,
  guildMemberAdded,
  guildMemberKicked,
  guildMemberLeft,
  registryGatewayRemovedUnhealthy,
  type Bus,
  type Logger,
  type Subscription,
} from "@tc9/sdk";
import type { OnlineCharacters } from "./online-characters.js";

/** ToCloud9's queue group for `sr.gw.removed.unhealthy` among charserver replicas. */
export const CHARACTERS_QUEUE_GROUP = "char_group";

/** Every event the module subscribes to. */
export const onlineIndexEvents = [
  gatewayCharacterLoggedIn,
  gatewayCharacterLoggedOut,
  gatewayCharactersUpdates,
  registryGatewayRemovedUnhealthy,
  charactersDisconnectedUnhealthyGateway,
  guildMemberAdded,
  guildMemberLeft,
  guildMemberKicked,
] as const;

/** Subscribes the index to its events; unsubscribe the returned subscriptions to stop. */
export async function subscribeOnlineIndex(bus: Bus, online: OnlineCharacters, logger: Logger): Promise<Subscription[]> {
  const subscribers: ReadonlyArray<() => Promise<Subscription>> = [
    () =>
      bus.subscribe(gatewayCharacterLoggedIn, (event) =>
        online.loggedIn(
          {
            realmId: event.RealmID,
            gatewayId: event.GatewayID,
            guid: event.CharGUID,
            name: event.CharName,
            accountId: event.AccountID,
            race: event.CharRace,
            class: event.CharClass,
            gender: event.CharGender,
            level: event.CharLevel,
            zone: event.CharZone,
            map: event.CharMap,
            guildId: event.CharGuildID,
          },
          event.EventTimeUnixNano,
        ),
      ),
    () =>
      bus.subscribe(gatewayCharacterLoggedOut, (event) =>
        online.loggedOut(event.RealmID, event.CharGUID, event.EventTimeUnixNano),
      ),
    () =>
      bus.subscribe(gatewayCharactersUpdates, (event) =>
        online.updated(
          event.RealmID,
          event.GatewayID,
          event.Updates.map((update) => ({
            guid: update.ID,
            eventTime: update.EventTimeUnixNano !== 0n ? update.EventTimeUnixNano : event.EventTimeUnixNano,
            level: update.Lvl,
            map: update.Map,
            zone: update.Zone,
          })),
        ),
      ),
    () =>
      bus.subscribe(
        registryGatewayRemovedUnhealthy,
        async (event) => {
          const gone = online.gatewayGone(event.RealmID, event.ID, event.EventTimeUnixNano);
          if (gone.length === 0) return;
          logger.info({ realm: event.RealmID, gateway: event.ID, characters: gone.length }, "gateway gone; its characters are offline");
          await bus.publish(charactersDisconnectedUnhealthyGateway, {
            RealmID: event.RealmID,
            GatewayID: event.ID,
            EventTimeUnixNano: event.EventTimeUnixNano,
            CharactersGUID: gone,
          });
        },
        { queue: CHARACTERS_QUEUE_GROUP },
      ),
    () =>
      bus.subscribe(charactersDisconnectedUnhealthyGateway, (event) => {
        online.gatewayGone(event.RealmID, event.GatewayID, event.EventTimeUnixNano);
      }),
    () =>
      bus.subscribe(guildMemberAdded, (event) => online.guildChanged(event.RealmID, event.MemberGUID, Number(event.GuildID))),
    () => bus.subscribe(guildMemberLeft, (event) => online.guildChanged(event.RealmID, event.MemberGUID, 0)),
    () => bus.subscribe(guildMemberKicked, (event) => online.guildChanged(event.RealmID, event.MemberGUID, 0)),
  ];
  const subscriptions: Subscription[] = [];
  try {
    for (const subscribe of subscribers) subscriptions.push(await subscribe());
  } catch (error) {
    await Promise.allSettled(subscriptions.map((subscription) => subscription.unsubscribe()));
    throw error;
  }
  return subscriptions;
}

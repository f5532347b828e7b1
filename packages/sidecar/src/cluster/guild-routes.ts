import { guildMemberAdded, guildMemberKicked, guildMemberLeft } from "@tc9/sdk";
import { HookKind } from "../bridge/protocol.js";
import { busRoute, guildEventConcerns } from "@tc9/sdk/cluster-worldserver";
import type { HookDelivery, HookRoute } from "./hook-route.js";

/** The guild hooks take the guild and the member; ToCloud9 delivers only its own realm's guild events. */
function member(ownRealm: number, event: { RealmID: number; GuildID: bigint; MemberGUID: bigint }, kind: HookKind): HookDelivery[] {
  if (!guildEventConcerns(ownRealm, event)) return [];
  return [{ kind, write: (body) => body.writeU64(event.GuildID).writeU64(event.MemberGUID) }];
}

/** `guild.member.added` / `.left` / `.kicked` → the added / left / removed hooks. */
export const guildRoutes: readonly HookRoute[] = [
  busRoute(guildMemberAdded, (e, realm) => member(realm, e, HookKind.GuildMemberAdded)),
  busRoute(guildMemberLeft, (e, realm) => member(realm, e, HookKind.GuildMemberLeft)),
  busRoute(guildMemberKicked, (e, realm) => member(realm, e, HookKind.GuildMemberRemoved)),
];

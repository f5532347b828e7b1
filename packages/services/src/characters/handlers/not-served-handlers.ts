/**
 * The CharactersService RPCs outside the player's login path (friends and ignore lists, arena
 * teams, LFG instance routes). This module answers them `UNIMPLEMENTED`, the status a gRPC server
 * gives for a method it does not implement, so callers see at once which capability is missing.
 */
import { RpcError, RpcStatus } from "@tc9/sdk";
import type { CharactersHandlers } from "@tc9/sdk/contracts";

const notServed = [
  "arenaTeamQueueDataForRatedArena",
  "getArenaTeam",
  "getArenaTeamPetition",
  "createArenaTeamFromPetition",
  "inviteArenaTeamMember",
  "acceptArenaTeamInvite",
  "declineArenaTeamInvite",
  "addArenaTeamMember",
  "removeArenaTeamMember",
  "disbandArenaTeam",
  "setArenaTeamCaptain",
  "setArenaTeamName",
  "saveArenaTeamStats",
  "deleteAllArenaTeams",
  "validateArenaTeamCharacterDelete",
  "removePlayerFromArenaTeams",
  "recordLfgDungeonRoute",
  "confirmLfgDungeonRouteEntered",
  "clearUnboundLfgDungeonRoute",
  "getLfgDungeonRoute",
  "getFriendsList",
  "addFriend",
  "addRealIDFriendByEmail",
  "acceptRealIDFriend",
  "areRealIDFriends",
  "removeFriend",
  "setFriendNote",
  "addIgnore",
  "removeIgnore",
  "notifyStatusChange",
] as const satisfies ReadonlyArray<keyof CharactersHandlers>;

type NotServedHandlers = Pick<CharactersHandlers, (typeof notServed)[number]>;

/** Handlers that reject every call with `UNIMPLEMENTED`, naming the method. */
export function notServedHandlers(): NotServedHandlers {
  const reject = (method: string) => async (): Promise<never> => {
    throw new RpcError(
      RpcStatus.UNIMPLEMENTED,
      `CharactersService.${method} is not served by tc9's characters module yet: it covers the login path (character screen, lookups, /who, online index); friends, ignores, arena teams and LFG routes come with the social and matchmaking modules`,
    );
  };
  const handlers = {} as Record<(typeof notServed)[number], () => Promise<never>>;
  for (const method of notServed) handlers[method] = reject(method);
  return handlers;
}

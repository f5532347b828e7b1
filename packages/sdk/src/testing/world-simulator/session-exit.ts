import { logoutCompleteCodec, logoutRequestCodec, LogoutResult, logoutResponseCodec } from "../../wow/world/messages/logout.js";
import { prepareForRedirectCodec, readyForRedirectCodec, RedirectStatus } from "../../wow/world/messages/cluster-redirect.js";
import { packetOf } from "./login-sequence.js";
import type { WorldLoop } from "./world-loop.js";
import type { WorldPlayers } from "./world-players.js";
import type { WorldSession } from "./world-session.js";

/** How long after TC9_SMSG_READY_FOR_REDIRECT the link is dropped (AzerothCore kicks 100 ms later). */
const REDIRECT_KICK_DELAY_MS = 100;

/**
 * CMSG_LOGOUT_REQUEST: the simulator always logs out at once, as AzerothCore does for a resting
 * player or a GM (no 20-second countdown): SMSG_LOGOUT_RESPONSE (instant), the player saved with
 * `online = 0`, SMSG_LOGOUT_COMPLETE. The session stays authenticated, back at the character screen.
 */
export async function handleLogoutRequest(session: WorldSession, payload: Uint8Array): Promise<void> {
  logoutRequestCodec.decode(payload);
  const player = session.player;
  if (!player) return;
  session.send(packetOf(logoutResponseCodec, { result: LogoutResult.SUCCESS, instant: true }));
  player.completeTeleport();
  session.leaveWorld();
  await session.context.store.save(player.toSave(false));
  session.send(packetOf(logoutCompleteCodec, {}));
  session.context.log.info({ guid: player.guid, map: player.map }, "player logged out");
}

/**
 * TC9_CMSG_PREPARE_FOR_REDIRECT (`HandleTC9PrepareForRedirect`): hands the player over with
 * {@link redirectPlayer}, unless the `prepareForRedirect` fault says to answer FAILED or nothing.
 */
export async function handlePrepareForRedirect(session: WorldSession, payload: Uint8Array): Promise<void> {
  prepareForRedirectCodec.decode(payload);
  const fault = session.context.faults().prepareForRedirect;
  if (fault === "ignore") return;
  if (fault === "fail") return session.send(packetOf(readyForRedirectCodec, { status: RedirectStatus.FAILED }));
  await redirectPlayer(session, "player saved for a redirect");
}

/**
 * Hands the player over to another worldserver: saves it (it stays online: the next worldserver
 * logs it in), sends TC9_SMSG_READY_FOR_REDIRECT, and drops the link shortly after. Without a
 * player, or when the save fails, the answer is FAILED. Also sent unsolicited when the player's
 * map was taken away from this worldserver.
 */
export async function redirectPlayer(session: WorldSession, why: string): Promise<void> {
  const player = session.player;
  const answer = (status: number): void => session.send(packetOf(readyForRedirectCodec, { status }));
  if (!player) return answer(RedirectStatus.FAILED);
  player.completeTeleport();
  try {
    await session.context.store.save(player.toSave(true));
  } catch (error) {
    session.context.log.error({ guid: player.guid, err: error }, "saving the player for a redirect failed");
    return answer(RedirectStatus.FAILED);
  }
  answer(RedirectStatus.READY);
  session.redirected = true;
  session.leaveWorld();
  setTimeout(() => session.disconnect("player redirected to another worldserver"), REDIRECT_KICK_DELAY_MS);
  session.context.log.info({ guid: player.guid, map: player.map }, why);
}

/**
 * Redirects, on the world loop, every player on `map` ({@link redirectPlayer}): what AzerothCore
 * does for the players of a map the registry took away. Rejects when the loop does not get to it
 * within 5 s (stalled) or stops.
 */
export function redirectPlayersOnMap(loop: WorldLoop, players: WorldPlayers, map: number): Promise<void> {
  return loop.run(async () => {
    for (const session of players.onMap(map)) await redirectPlayer(session, "player saved and redirected: its map was reassigned");
  }, 5_000);
}

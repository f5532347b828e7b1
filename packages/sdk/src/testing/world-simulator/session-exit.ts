import { logoutCompleteCodec, logoutRequestCodec, LogoutResult, logoutResponseCodec } from "../../wow/world/messages/logout.js";
import { prepareForRedirectCodec, readyForRedirectCodec, RedirectStatus } from "../../wow/world/messages/cluster-redirect.js";
import { packetOf } from "./login-sequence.js";
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
 * TC9_CMSG_PREPARE_FOR_REDIRECT (`HandleTC9PrepareForRedirect`): saves the player (it stays online:
 * the next worldserver logs it in), answers TC9_SMSG_READY_FOR_REDIRECT, and drops the link
 * shortly after. Without a player, or when the save fails, the answer is FAILED.
 */
export async function handlePrepareForRedirect(session: WorldSession, payload: Uint8Array): Promise<void> {
  prepareForRedirectCodec.decode(payload);
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
  session.context.log.info({ guid: player.guid, map: player.map }, "player saved for a redirect");
}

import { characterLoginFailedCodec, LoginFailureReason, playerLoginCodec } from "../../wow/world/messages/player-login.js";
import { loginPackets, packetOf } from "./login-sequence.js";
import type { SimulatedCharacter } from "./character-store.js";
import { PlayerState } from "./player-state.js";
import type { WorldSession } from "./world-session.js";

/**
 * CMSG_PLAYER_LOGIN in cluster mode (AzerothCore `HandlePlayerLoginOpcode`, ownership left to the
 * gateway): a second login on the session or a non-player GUID ends the link; a character already
 * in this world fails with DUPLICATE_CHARACTER, an unknown one with NO_CHARACTER, a database failure
 * with FAILED, and so does every login while the `playerLogin: "refuse"` fault is on. Otherwise the row is loaded, marked online, and the login packets are sent.
 */
export async function handlePlayerLogin(session: WorldSession, payload: Uint8Array): Promise<void> {
  const { guid } = playerLoginCodec.decode(payload);
  if (session.player) return session.disconnect("another login while a player is in the world");
  if (guid >> 32n !== 0n) return session.disconnect(`GUID 0x${guid.toString(16)} is not a player's`, true);
  const fail = (result: number): void => session.send(packetOf(characterLoginFailedCodec, { result }));
  if (session.context.faults().playerLogin === "refuse") return fail(LoginFailureReason.FAILED);
  if (session.context.players.byGuid(guid)) return fail(LoginFailureReason.DUPLICATE_CHARACTER);
  let character: SimulatedCharacter | undefined;
  try {
    character = await session.context.store.load(guid);
    if (character) await session.context.store.setOnline(guid);
  } catch (error) {
    session.context.log.error({ guid, err: error }, "loading the character failed");
    return fail(LoginFailureReason.FAILED);
  }
  if (!character) return fail(LoginFailureReason.NO_CHARACTER);
  const player = new PlayerState(character);
  session.enterWorld(player);
  for (const packet of loginPackets(player, new Date(), session.context.clock())) session.send(packet);
  session.context.log.info({ guid, name: character.name, map: character.map, account: session.account }, "player entered the world");
}

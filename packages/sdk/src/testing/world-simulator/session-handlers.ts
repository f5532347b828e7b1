import { Opcode } from "../../wow/opcodes/opcode-table.js";
import type { WorldFrame } from "../../wow/world/framing.js";
import { MOVEMENT_OPCODES } from "../../wow/world/messages/movement.js";
import { timeSyncResponseCodec } from "../../wow/world/messages/time-sync.js";
import { handleChat, handleTextEmote } from "./chat-handler.js";
import { handlePlayerLogin } from "./session-login.js";
import { handleNameQuery } from "./name-query-handler.js";
import { handleLogoutRequest, handlePrepareForRedirect } from "./session-exit.js";
import { handleMovement, handleTeleportAck, handleWorldportAck } from "./movement-handler.js";
import type { WorldSession } from "./world-session.js";

type Handler = (session: WorldSession, payload: Uint8Array) => void | Promise<void>;

const handlers = new Map<number, Handler>([
  [Opcode.CMSG_PLAYER_LOGIN, handlePlayerLogin],
  [Opcode.CMSG_MESSAGECHAT, handleChat],
  [Opcode.CMSG_TEXT_EMOTE, handleTextEmote],
  [Opcode.CMSG_NAME_QUERY, handleNameQuery],
  [Opcode.MSG_MOVE_TELEPORT_ACK, handleTeleportAck],
  [Opcode.MSG_MOVE_WORLDPORT_ACK, handleWorldportAck],
  [Opcode.CMSG_LOGOUT_REQUEST, handleLogoutRequest],
  [Opcode.TC9_CMSG_PREPARE_FOR_REDIRECT, handlePrepareForRedirect],
  [Opcode.CMSG_TIME_SYNC_RESP, (_session, payload) => void timeSyncResponseCodec.decode(payload)],
  ...MOVEMENT_OPCODES.map((opcode): [number, Handler] => [opcode, (session, payload) => handleMovement(session, opcode, payload)]),
]);

/**
 * Runs the handler of a packet on the world loop. Opcodes the simulator does not simulate are
 * dropped, as AzerothCore drops opcodes it has no handler for (or that the gateway owns).
 */
export async function handleWorldPacket(session: WorldSession, frame: WorldFrame): Promise<void> {
  const handler = handlers.get(frame.opcode);
  if (handler) return handler(session, frame.payload);
  session.context.log.debug({ opcode: frame.opcode }, "opcode not simulated; dropped");
}

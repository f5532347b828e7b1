import {
  MOVEMENT_OPCODES,
  moveTeleportAckClientCodec,
  moveWorldportAckCodec,
  movementCodec,
  type MovementMessage,
} from "../../wow/world/messages/movement.js";
import type { MessageCodec } from "../../wow/world/message-codec.js";
import { arrivalPackets } from "./login-sequence.js";
import type { WorldSession } from "./world-session.js";

const movementCodecs = new Map<number, MessageCodec<MovementMessage>>(MOVEMENT_OPCODES.map((opcode) => [opcode, movementCodec(opcode)]));

/**
 * A MSG_MOVE_* from the client: the player's new position and orientation. Ignored while a
 * teleport is pending or when the mover is not the session's player (AzerothCore
 * `HandleMovementOpcodes`). Other players are not told: the simulator keeps players invisible to
 * each other.
 */
export function handleMovement(session: WorldSession, opcode: number, payload: Uint8Array): void {
  const { guid, info } = (movementCodecs.get(opcode) ?? movementCodec(opcode)).decode(payload);
  const player = session.player;
  if (!player || player.teleport || guid !== player.guid) return;
  player.position = info.position;
  player.orientation = info.orientation;
}

/** The client stands at the destination of a near teleport (`HandleMoveTeleportAck`). */
export function handleTeleportAck(session: WorldSession, payload: Uint8Array): void {
  const ack = moveTeleportAckClientCodec.decode(payload);
  const player = session.player;
  if (!player || player.teleport?.kind !== "near" || ack.guid !== player.guid) return;
  player.completeTeleport();
}

/**
 * The client loaded the map of SMSG_NEW_WORLD (`HandleMoveWorldportAck`): the player is added to
 * the new map, created again for its client, and its time sync starts over.
 */
export function handleWorldportAck(session: WorldSession, payload: Uint8Array): void {
  moveWorldportAckCodec.decode(payload);
  const player = session.player;
  if (!player || player.teleport?.kind !== "far") return;
  player.completeTeleport();
  for (const packet of arrivalPackets(player, session.context.clock())) session.send(packet);
}

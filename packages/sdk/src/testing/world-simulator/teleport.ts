import { moveTeleportAckServerCodec } from "../../wow/world/messages/movement.js";
import { newWorldCodec, transferPendingCodec } from "../../wow/world/messages/world-transfer.js";
import { packetOf } from "./login-sequence.js";
import type { Location } from "./player-state.js";
import type { WorldSession } from "./world-session.js";

/**
 * Starts a teleport as AzerothCore's `Player::TeleportTo` does. Same map: MSG_MOVE_TELEPORT_ACK
 * with the destination, completed by the client's MSG_MOVE_TELEPORT_ACK. Another map:
 * SMSG_TRANSFER_PENDING then SMSG_NEW_WORLD, completed by MSG_MOVE_WORLDPORT_ACK (on which
 * ToCloud9's gateway may move the player to the worldserver that owns the new map).
 */
export function teleport(session: WorldSession, destination: Location): void {
  const player = session.player;
  if (!player) return;
  if (destination.map === player.map) {
    const counter = player.orderCounter;
    player.orderCounter += 1;
    player.teleport = { kind: "near", destination, counter };
    const info = {
      flags: 0, flags2: 0, time: session.context.clock() >>> 0,
      position: destination.position, orientation: destination.orientation, fallTime: 0,
    };
    session.send(packetOf(moveTeleportAckServerCodec, { guid: player.guid, counter, info }));
    return;
  }
  player.teleport = { kind: "far", destination };
  session.send(packetOf(transferPendingCodec, { map: destination.map }));
  session.send(packetOf(newWorldCodec, destination));
}

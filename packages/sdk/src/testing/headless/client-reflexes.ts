import { ProtocolError } from "../../wow/codec/protocol-error.js";
import { Opcode } from "../../wow/opcodes/opcode-table.js";
import { moveTeleportAckClientCodec, moveTeleportAckServerCodec, moveWorldportAckCodec } from "../../wow/world/messages/movement.js";
import { pingCodec } from "../../wow/world/messages/ping.js";
import { timeSyncRequestCodec, timeSyncResponseCodec } from "../../wow/world/messages/time-sync.js";
import { newWorldCodec } from "../../wow/world/messages/world-transfer.js";
import type { ReceivedMessage, WorldConnection } from "./world-connection.js";
import type { PlayerInWorld } from "./world-client.js";

/** The client's view of its character, updated by the reflexes. */
export interface PlayerView {
  player: PlayerInWorld | undefined;
}

/**
 * What a 3.3.5a client does without being asked: it answers SMSG_TIME_SYNC_REQ with its tick
 * count, acknowledges a near teleport (MSG_MOVE_TELEPORT_ACK) and a finished map load
 * (MSG_MOVE_WORLDPORT_ACK after SMSG_NEW_WORLD), forgets its character on SMSG_LOGOUT_COMPLETE
 * or a failed login, and pings every `pingIntervalMs` with its last measured latency. Returns the
 * function that stops the pings. A packet the reflexes cannot decode ends the connection.
 */
export function startClientReflexes(connection: WorldConnection, view: PlayerView, pingIntervalMs: number): () => void {
  const startedAt = performance.now();
  const ticks = (): number => Math.floor(performance.now() - startedAt) >>> 0;
  let sequence = 0;
  let latency = 0;
  let pingSentAt: number | undefined;

  const react = (message: ReceivedMessage): void => {
    switch (message.opcode) {
      case Opcode.SMSG_TIME_SYNC_REQ: {
        const { counter } = timeSyncRequestCodec.decode(message.payload);
        return connection.sendMessage(timeSyncResponseCodec, { counter, clientTicks: ticks() });
      }
      case Opcode.MSG_MOVE_TELEPORT_ACK: {
        const ack = moveTeleportAckServerCodec.decode(message.payload);
        const player = view.player;
        if (!player || ack.guid !== player.guid) return;
        view.player = { ...player, location: { map: player.location.map, position: ack.info.position, orientation: ack.info.orientation } };
        return connection.sendMessage(moveTeleportAckClientCodec, { guid: ack.guid, counter: ack.counter, time: ticks() });
      }
      case Opcode.SMSG_NEW_WORLD: {
        const location = newWorldCodec.decode(message.payload);
        if (view.player) view.player = { ...view.player, location };
        return connection.sendMessage(moveWorldportAckCodec, {});
      }
      case Opcode.SMSG_PONG:
        if (pingSentAt !== undefined) latency = Math.round(performance.now() - pingSentAt);
        pingSentAt = undefined;
        return;
      case Opcode.SMSG_LOGOUT_COMPLETE:
      case Opcode.SMSG_CHARACTER_LOGIN_FAILED:
        view.player = undefined;
        return;
    }
  };

  connection.on("message", (message) => {
    try {
      react(message);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      connection.close();
    }
  });
  const pinger = setInterval(() => {
    if (connection.closeReason !== undefined) return;
    sequence += 1;
    pingSentAt = performance.now();
    connection.sendMessage(pingCodec, { sequence, latency });
  }, pingIntervalMs);
  pinger.unref();
  connection.on("close", () => clearInterval(pinger));
  return () => clearInterval(pinger);
}

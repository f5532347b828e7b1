import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { mapLocationCodec, type MapLocation } from "./player-login.js";

/** SMSG_NEW_WORLD: the far teleport destination (same layout as SMSG_LOGIN_VERIFY_WORLD). */
export const newWorldCodec: MessageCodec<MapLocation> = mapLocationCodec(Opcode.SMSG_NEW_WORLD);

/** The transport part of SMSG_TRANSFER_PENDING, sent when the player rides a transport. */
export interface TransferTransport {
  /** The transport's gameobject entry. */
  readonly entry: number;
  /** The map the player is leaving. */
  readonly previousMap: number;
}

/** SMSG_TRANSFER_PENDING: `u32 map`, then the transport fields (AzerothCore `Player::TeleportTo`). */
export interface TransferPending {
  readonly map: number;
  readonly transport?: TransferTransport;
}

/** Codec of {@link TransferPending}; 4 or 12 bytes. */
export const transferPendingCodec: MessageCodec<TransferPending> = defineMessageCodec({
  opcode: Opcode.SMSG_TRANSFER_PENDING,
  write(writer, message) {
    writer.writeU32(message.map);
    if (message.transport) writer.writeU32(message.transport.entry).writeU32(message.transport.previousMap);
  },
  read(reader) {
    const map = reader.readU32();
    if (reader.remaining === 0) return { map };
    return { map, transport: { entry: reader.readU32(), previousMap: reader.readU32() } };
  },
});

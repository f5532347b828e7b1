import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** CMSG_PING: `u32 sequence | u32 latency` (AzerothCore `WorldSocket::HandlePing`). */
export interface Ping {
  readonly sequence: number;
  /** The client's last measured round trip, in milliseconds. */
  readonly latency: number;
}

/** SMSG_PONG: echoes the ping's sequence. */
export interface Pong {
  readonly sequence: number;
}

/** Codec of {@link Ping}. */
export const pingCodec: MessageCodec<Ping> = defineMessageCodec({
  opcode: Opcode.CMSG_PING,
  write: (writer, message) => void writer.writeU32(message.sequence).writeU32(message.latency),
  read: (reader) => ({ sequence: reader.readU32(), latency: reader.readU32() }),
});

/** Codec of {@link Pong}. */
export const pongCodec: MessageCodec<Pong> = defineMessageCodec({
  opcode: Opcode.SMSG_PONG,
  write: (writer, message) => void writer.writeU32(message.sequence),
  read: (reader) => ({ sequence: reader.readU32() }),
});

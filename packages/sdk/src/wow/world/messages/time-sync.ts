import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** SMSG_TIME_SYNC_REQ: the server's counter, incremented per request. */
export interface TimeSyncRequest {
  readonly counter: number;
}

/** CMSG_TIME_SYNC_RESP: the counter echoed and the client's tick count in milliseconds. */
export interface TimeSyncResponse {
  readonly counter: number;
  readonly clientTicks: number;
}

/** Codec of {@link TimeSyncRequest}. */
export const timeSyncRequestCodec: MessageCodec<TimeSyncRequest> = defineMessageCodec({
  opcode: Opcode.SMSG_TIME_SYNC_REQ,
  write: (writer, message) => void writer.writeU32(message.counter),
  read: (reader) => ({ counter: reader.readU32() }),
});

/** Codec of {@link TimeSyncResponse}. */
export const timeSyncResponseCodec: MessageCodec<TimeSyncResponse> = defineMessageCodec({
  opcode: Opcode.CMSG_TIME_SYNC_RESP,
  write: (writer, message) => void writer.writeU32(message.counter).writeU32(message.clientTicks),
  read: (reader) => ({ counter: reader.readU32(), clientTicks: reader.readU32() }),
});

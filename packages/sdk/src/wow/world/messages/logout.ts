import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";

/** SMSG_LOGOUT_RESPONSE results (AzerothCore `HandleLogoutRequestOpcode`; wow_messages `LogoutResult`). */
export const LogoutResult = {
  SUCCESS: 0,
  FAILURE_IN_COMBAT: 1,
  /** Dueling, frozen by a GM, or AFK logout prevented. */
  FAILURE_FROZEN_BY_GM: 2,
  FAILURE_JUMPING_OR_FALLING: 3,
} as const;

/** SMSG_LOGOUT_RESPONSE: `u32 result | u8 instant`. */
export interface LogoutResponse {
  readonly result: number;
  /** True when the player logs out at once (resting, in flight, or a GM), false for the 20-second countdown. */
  readonly instant: boolean;
}

/** CMSG_LOGOUT_REQUEST: empty. */
export const logoutRequestCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.CMSG_LOGOUT_REQUEST);

/** Codec of {@link LogoutResponse}. */
export const logoutResponseCodec: MessageCodec<LogoutResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_LOGOUT_RESPONSE,
  write: (writer, message) => void writer.writeU32(message.result).writeU8(message.instant ? 1 : 0),
  read: (reader) => ({ result: reader.readU32(), instant: reader.readU8() !== 0 }),
});

/** SMSG_LOGOUT_COMPLETE: empty; the client returns to the character screen. */
export const logoutCompleteCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.SMSG_LOGOUT_COMPLETE);

/** CMSG_LOGOUT_CANCEL: empty. */
export const logoutCancelCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.CMSG_LOGOUT_CANCEL);

/** SMSG_LOGOUT_CANCEL_ACK: empty, the answer to CMSG_LOGOUT_CANCEL. */
export const logoutCancelAckCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.SMSG_LOGOUT_CANCEL_ACK);

import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";

/*
 * ToCloud9's redirect handshake between the gateway and a cluster-mode worldserver
 * (`WorldSession::HandleTC9PrepareForRedirect` in the cluster-mode cores): the gateway sends
 * TC9_CMSG_PREPARE_FOR_REDIRECT, the worldserver saves the player and answers
 * TC9_SMSG_READY_FOR_REDIRECT, then drops the link.
 */

/** TC9_CMSG_PREPARE_FOR_REDIRECT (0x51F): empty. */
export const prepareForRedirectCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.TC9_CMSG_PREPARE_FOR_REDIRECT);

/** The status byte of TC9_SMSG_READY_FOR_REDIRECT. */
export const RedirectStatus = {
  /** The player was saved; the gateway may connect to the next worldserver. */
  READY: 0,
  /** No player in the session, or the save failed. */
  FAILED: 1,
} as const;

/** TC9_SMSG_READY_FOR_REDIRECT (0x520): `u8 status`. */
export interface ReadyForRedirect {
  /** A {@link RedirectStatus} value. */
  readonly status: number;
}

/** Codec of {@link ReadyForRedirect}. */
export const readyForRedirectCodec: MessageCodec<ReadyForRedirect> = defineMessageCodec({
  opcode: Opcode.TC9_SMSG_READY_FOR_REDIRECT,
  write: (writer, message) => void writer.writeU8(message.status),
  read: (reader) => ({ status: reader.readU8() }),
});

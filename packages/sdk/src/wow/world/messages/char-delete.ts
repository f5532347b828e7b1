import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { responseCodeCodec, type ResponseCodeMessage } from "./char-create.js";

/** A message whose only field is a full u64 GUID (CMSG_CHAR_DELETE, CMSG_PLAYER_LOGIN, CMSG_NAME_QUERY, …). */
export interface GuidMessage {
  readonly guid: bigint;
}

/** A codec for a message that is a single u64 GUID. */
export function guidMessageCodec(opcode: number): MessageCodec<GuidMessage> {
  return defineMessageCodec<GuidMessage>({
    opcode,
    write: (writer, message) => void writer.writeU64(message.guid),
    read: (reader) => ({ guid: reader.readU64() }),
  });
}

/** CMSG_CHAR_DELETE: the character's GUID. */
export const charDeleteRequestCodec: MessageCodec<GuidMessage> = guidMessageCodec(Opcode.CMSG_CHAR_DELETE);

/** SMSG_CHAR_DELETE: `CHAR_DELETE_SUCCESS` (0x47) or a `CHAR_DELETE_FAILED*` code. */
export const charDeleteResultCodec: MessageCodec<ResponseCodeMessage> = responseCodeCodec(Opcode.SMSG_CHAR_DELETE);

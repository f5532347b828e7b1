import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** CMSG_CHAR_CREATE, as AzerothCore's `HandleCharCreateOpcode` reads it. */
export interface CharacterCreate {
  readonly name: string;
  readonly race: number;
  readonly classId: number;
  readonly gender: number;
  readonly skin: number;
  readonly face: number;
  readonly hairStyle: number;
  readonly hairColor: number;
  readonly facialHair: number;
  /** Always 0 from a 3.3.5a client. */
  readonly outfitId: number;
}

/** A one-byte `ResponseCode` reply (SMSG_CHAR_CREATE, SMSG_CHAR_DELETE, SMSG_CHARACTER_LOGIN_FAILED). */
export interface ResponseCodeMessage {
  readonly result: number;
}

/** Codec of {@link CharacterCreate}. */
export const charCreateRequestCodec: MessageCodec<CharacterCreate> = defineMessageCodec({
  opcode: Opcode.CMSG_CHAR_CREATE,
  write(writer, message) {
    writer.writeCString(message.name).writeU8(message.race).writeU8(message.classId).writeU8(message.gender);
    writer.writeU8(message.skin).writeU8(message.face).writeU8(message.hairStyle).writeU8(message.hairColor);
    writer.writeU8(message.facialHair).writeU8(message.outfitId);
  },
  read: (reader) => ({
    name: reader.readCString(),
    race: reader.readU8(),
    classId: reader.readU8(),
    gender: reader.readU8(),
    skin: reader.readU8(),
    face: reader.readU8(),
    hairStyle: reader.readU8(),
    hairColor: reader.readU8(),
    facialHair: reader.readU8(),
    outfitId: reader.readU8(),
  }),
});

/** A codec for a message that is a single u8 `ResponseCode`. */
export function responseCodeCodec(opcode: number): MessageCodec<ResponseCodeMessage> {
  return defineMessageCodec<ResponseCodeMessage>({
    opcode,
    write: (writer, message) => void writer.writeU8(message.result),
    read: (reader) => ({ result: reader.readU8() }),
  });
}

/** SMSG_CHAR_CREATE: `CHAR_CREATE_SUCCESS` (0x2F) or a `CHAR_CREATE_*` / `CHAR_NAME_*` code. */
export const charCreateResultCodec: MessageCodec<ResponseCodeMessage> = responseCodeCodec(Opcode.SMSG_CHAR_CREATE);

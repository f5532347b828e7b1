import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { responseCodeCodec, type ResponseCodeMessage } from "./char-create.js";
import { guidMessageCodec, type GuidMessage } from "./char-delete.js";
import { readPosition, writePosition, type Position } from "./wire-helpers.js";

/** A map, a position and an orientation (SMSG_LOGIN_VERIFY_WORLD, SMSG_NEW_WORLD). */
export interface MapLocation {
  readonly map: number;
  readonly position: Position;
  /** Radians. */
  readonly orientation: number;
}

/** A codec for `u32 map | f32 x, y, z | f32 orientation`. */
export function mapLocationCodec(opcode: number): MessageCodec<MapLocation> {
  return defineMessageCodec<MapLocation>({
    opcode,
    write(writer, message) {
      writer.writeU32(message.map);
      writePosition(writer, message.position);
      writer.writeF32(message.orientation);
    },
    read: (reader) => ({ map: reader.readU32(), position: readPosition(reader), orientation: reader.readF32() }),
  });
}

/** CMSG_PLAYER_LOGIN: the character's GUID. */
export const playerLoginCodec: MessageCodec<GuidMessage> = guidMessageCodec(Opcode.CMSG_PLAYER_LOGIN);

/**
 * Why a login failed: the byte of SMSG_CHARACTER_LOGIN_FAILED (AzerothCore `LoginFailureReason`,
 * written by `WorldSession::SendCharLoginFailed`; ToCloud9's gateway sends 0, 3 and 5 itself).
 */
export const LoginFailureReason = {
  FAILED: 0,
  NO_WORLD: 1,
  DUPLICATE_CHARACTER: 2,
  NO_INSTANCES: 3,
  DISABLED: 4,
  NO_CHARACTER: 5,
  LOCKED_FOR_TRANSFER: 6,
  LOCKED_BY_BILLING: 7,
  USING_REMOTE: 8,
} as const;

/** SMSG_CHARACTER_LOGIN_FAILED: a {@link LoginFailureReason} in `result`. */
export const characterLoginFailedCodec: MessageCodec<ResponseCodeMessage> = responseCodeCodec(Opcode.SMSG_CHARACTER_LOGIN_FAILED);

/** SMSG_LOGIN_VERIFY_WORLD: the map and position the client loads. */
export const loginVerifyWorldCodec: MessageCodec<MapLocation> = mapLocationCodec(Opcode.SMSG_LOGIN_VERIFY_WORLD);

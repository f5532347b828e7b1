import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { requireBytes } from "./wire-helpers.js";

/**
 * SMSG_AUTH_CHALLENGE, the first (unencrypted) world packet: `u32 1 | server seed[4] | 32 random
 * bytes` (AzerothCore `WorldSocket::HandleSendAuthSession`, ToCloud9 `game-socket.go`).
 */
export interface AuthChallenge {
  /** Always 1 in AzerothCore, TrinityCore and ToCloud9; its meaning is unknown. */
  readonly unknown: number;
  /** The 4 seed bytes hashed into the CMSG_AUTH_SESSION digest. */
  readonly serverSeed: Uint8Array;
  /** 32 random bytes; no server reads them back. */
  readonly seed: Uint8Array;
}

/** Codec of {@link AuthChallenge}. */
export const authChallengeCodec: MessageCodec<AuthChallenge> = defineMessageCodec({
  opcode: Opcode.SMSG_AUTH_CHALLENGE,
  write(writer, message) {
    writer.writeU32(message.unknown);
    writer.writeBytes(requireBytes(writer, Opcode.SMSG_AUTH_CHALLENGE, message.serverSeed, 4, "serverSeed"));
    writer.writeBytes(requireBytes(writer, Opcode.SMSG_AUTH_CHALLENGE, message.seed, 32, "seed"));
  },
  read: (reader) => ({ unknown: reader.readU32(), serverSeed: reader.readBytes(4), seed: reader.readBytes(32) }),
});

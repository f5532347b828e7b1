import { ProtocolError } from "../codec/protocol-error.js";
import { AuthResult } from "./auth-result.js";
import { LogonCommand } from "./logon-command.js";
import { defineLogonCodec, requireByteLength, type LogonCodec } from "./logon-codec.js";

/** Length of a reconnect proof request: AzerothCore's `sAuthReconnectProof_C`. */
export const RECONNECT_PROOF_REQUEST_LENGTH = 58;

/** Successful reconnect challenge reply: `02 00`, 16 random bytes, the 16-byte version challenge. */
export interface ReconnectChallengeSuccess {
  readonly kind: "success";
  /** The 16 random bytes the client hashes into its reconnect proof. */
  readonly challengeData: Uint8Array;
  /** 16 bytes; AzerothCore sends `AZEROTHCORE_VERSION_CHALLENGE`. */
  readonly versionChallenge: Uint8Array;
}

/** Failed reconnect challenge reply: 2 bytes, `02 <result>` (no protocol byte, unlike the logon challenge). */
export interface ReconnectChallengeFailure {
  readonly kind: "failure";
  readonly result: number;
}

/** Server → client AUTH_RECONNECT_CHALLENGE reply. */
export type ReconnectChallengeResponse = ReconnectChallengeSuccess | ReconnectChallengeFailure;

/** Server → client AUTH_RECONNECT_CHALLENGE reply (command 0x02). */
export const reconnectChallengeResponseCodec: LogonCodec<ReconnectChallengeResponse> = defineLogonCodec({
  command: LogonCommand.RECONNECT_CHALLENGE,
  name: "AUTH_RECONNECT_CHALLENGE (server)",
  write(writer, message) {
    if (message.kind === "failure") {
      if (message.result === AuthResult.WOW_SUCCESS) {
        throw new ProtocolError({ reason: "a failure reply needs a non-zero result", offset: writer.length, kind: "encode" });
      }
      writer.writeU8(message.result);
      return;
    }
    writer.writeU8(AuthResult.WOW_SUCCESS);
    writer.writeBytes(requireByteLength(message.challengeData, 16, "challengeData"));
    writer.writeBytes(requireByteLength(message.versionChallenge, 16, "versionChallenge"));
  },
  read(reader) {
    const result = reader.readU8();
    if (result !== AuthResult.WOW_SUCCESS) return { kind: "failure", result };
    return { kind: "success", challengeData: reader.readBytes(16), versionChallenge: reader.readBytes(16) };
  },
});

/** Client → server AUTH_RECONNECT_PROOF: R1, R2 = SHA1(user ‖ R1 ‖ challenge ‖ K), R3 (version proof). */
export interface ReconnectProofRequest {
  /** R1, 16 bytes. */
  readonly clientData: Uint8Array;
  /** R2, 20 bytes. */
  readonly clientProof: Uint8Array;
  /** R3, 20 bytes; AzerothCore checks it only with `StrictVersionCheck`. */
  readonly clientChecksum: Uint8Array;
  /** `number_of_keys`; read and ignored by AzerothCore. */
  readonly numberOfKeys: number;
}

/** Client → server AUTH_RECONNECT_PROOF (command 0x03), 58 bytes. */
export const reconnectProofRequestCodec: LogonCodec<ReconnectProofRequest> = defineLogonCodec({
  command: LogonCommand.RECONNECT_PROOF,
  name: "AUTH_RECONNECT_PROOF (client)",
  write(writer, message) {
    writer.writeBytes(requireByteLength(message.clientData, 16, "clientData"));
    writer.writeBytes(requireByteLength(message.clientProof, 20, "clientProof"));
    writer.writeBytes(requireByteLength(message.clientChecksum, 20, "clientChecksum"));
    writer.writeU8(message.numberOfKeys);
  },
  read(reader) {
    return {
      clientData: reader.readBytes(16),
      clientProof: reader.readBytes(20),
      clientChecksum: reader.readBytes(20),
      numberOfKeys: reader.readU8(),
    };
  },
});

/**
 * Server → client AUTH_RECONNECT_PROOF reply. AzerothCore sends `03 00 00 00` on success (result
 * and u16 login flags) and `03 09` for `WOW_FAIL_VERSION_INVALID`; on a wrong proof it closes the
 * connection without a reply. `loginFlags` is absent in the 2-byte form.
 */
export interface ReconnectProofResponse {
  readonly result: number;
  readonly loginFlags?: number;
}

/** Server → client AUTH_RECONNECT_PROOF reply (command 0x03). */
export const reconnectProofResponseCodec: LogonCodec<ReconnectProofResponse> = defineLogonCodec({
  command: LogonCommand.RECONNECT_PROOF,
  name: "AUTH_RECONNECT_PROOF (server)",
  write(writer, message) {
    writer.writeU8(message.result);
    if (message.loginFlags !== undefined) writer.writeU16(message.loginFlags);
  },
  read(reader) {
    const result = reader.readU8();
    if (reader.remaining === 0) return { result };
    return { result, loginFlags: reader.readU16() };
  },
});

import { ProtocolError } from "../codec/protocol-error.js";
import { AuthResult, SecurityFlag } from "./auth-result.js";
import { LogonCommand } from "./logon-command.js";
import { defineLogonCodec, requireByteLength, type LogonCodec } from "./logon-codec.js";

/** Length of a logon proof request without two-factor data: AzerothCore's `sAuthLogonProof_C`. */
export const LOGON_PROOF_REQUEST_LENGTH = 75;

/**
 * Client → server AUTH_LOGON_PROOF. Two-factor data follows the fixed 75 bytes in the order PIN,
 * matrix card, authenticator; the security flags byte on the wire is derived from which are
 * present. AzerothCore only requests (and reads) the authenticator token.
 */
export interface LogonProofRequest {
  /** A, 32 little-endian bytes. */
  readonly clientPublicKey: Uint8Array;
  /** M1, 20 bytes. */
  readonly clientProof: Uint8Array;
  /** 20 bytes; AzerothCore checks it only with `StrictVersionCheck`. */
  readonly crcHash: Uint8Array;
  /**
   * AzerothCore's `number_of_keys`: read and ignored. Telemetry keys are not parsed (AzerothCore
   * reads a fixed 75 bytes; a real 3.3.5a client sends 0).
   */
  readonly numberOfKeys: number;
  /** PIN proof: 16-byte salt and 20-byte hash. */
  readonly pin?: { readonly salt: Uint8Array; readonly hash: Uint8Array };
  /** Matrix card proof, 20 bytes. */
  readonly matrixCardProof?: Uint8Array;
  /** The authenticator (TOTP) code as typed; sent as a u8 length and the bytes. */
  readonly authenticatorToken?: string;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const KNOWN_SECURITY_FLAGS = SecurityFlag.PIN | SecurityFlag.MATRIX_CARD | SecurityFlag.AUTHENTICATOR;

/** Client → server AUTH_LOGON_PROOF (command 0x01). */
export const logonProofRequestCodec: LogonCodec<LogonProofRequest> = defineLogonCodec({
  command: LogonCommand.LOGON_PROOF,
  name: "AUTH_LOGON_PROOF (client)",
  write(writer, message) {
    writer.writeBytes(requireByteLength(message.clientPublicKey, 32, "clientPublicKey"));
    writer.writeBytes(requireByteLength(message.clientProof, 20, "clientProof"));
    writer.writeBytes(requireByteLength(message.crcHash, 20, "crcHash"));
    writer.writeU8(message.numberOfKeys);
    let flags = 0;
    if (message.pin) flags |= SecurityFlag.PIN;
    if (message.matrixCardProof) flags |= SecurityFlag.MATRIX_CARD;
    if (message.authenticatorToken !== undefined) flags |= SecurityFlag.AUTHENTICATOR;
    writer.writeU8(flags);
    if (message.pin) {
      writer.writeBytes(requireByteLength(message.pin.salt, 16, "pin.salt"));
      writer.writeBytes(requireByteLength(message.pin.hash, 20, "pin.hash"));
    }
    if (message.matrixCardProof) writer.writeBytes(requireByteLength(message.matrixCardProof, 20, "matrixCardProof"));
    if (message.authenticatorToken !== undefined) {
      const token = utf8Encoder.encode(message.authenticatorToken);
      if (token.length > 0xff) {
        throw new ProtocolError({ reason: `authenticator token is ${token.length} bytes, at most 255 fit`, offset: writer.length, kind: "encode" });
      }
      writer.writeU8(token.length).writeBytes(token);
    }
  },
  read(reader) {
    const clientPublicKey = reader.readBytes(32);
    const clientProof = reader.readBytes(20);
    const crcHash = reader.readBytes(20);
    const numberOfKeys = reader.readU8();
    const flagsOffset = reader.offset;
    const flags = reader.readU8();
    if ((flags & ~KNOWN_SECURITY_FLAGS) !== 0) {
      throw new ProtocolError({ reason: `unknown security flags 0x${flags.toString(16)}`, offset: flagsOffset });
    }
    const pin = flags & SecurityFlag.PIN ? { salt: reader.readBytes(16), hash: reader.readBytes(20) } : undefined;
    const matrixCardProof = flags & SecurityFlag.MATRIX_CARD ? reader.readBytes(20) : undefined;
    let authenticatorToken: string | undefined;
    if (flags & SecurityFlag.AUTHENTICATOR) {
      const tokenOffset = reader.offset;
      const token = reader.readView(reader.readU8());
      try {
        authenticatorToken = utf8Decoder.decode(token);
      } catch (cause) {
        throw new ProtocolError({ reason: "authenticator token is not valid UTF-8", offset: tokenOffset, cause });
      }
    }
    return {
      clientPublicKey,
      clientProof,
      crcHash,
      numberOfKeys,
      ...(pin && { pin }),
      ...(matrixCardProof && { matrixCardProof }),
      ...(authenticatorToken !== undefined && { authenticatorToken }),
    };
  },
});

/** Successful proof reply (post-TBC form, 32 bytes). */
export interface LogonProofSuccess {
  readonly kind: "success";
  /** M2, 20 bytes. */
  readonly serverProof: Uint8Array;
  /** AzerothCore sends `AZEROTHCORE_ACCOUNT_FLAGS` (0x00800000). */
  readonly accountFlags: number;
  readonly surveyId: number;
  /** 0x01 = has account message; AzerothCore sends 0. */
  readonly loginFlags: number;
}

/**
 * Failed proof reply. AzerothCore writes `01 <result> 00 00` (the u16 login flags) for a wrong
 * password or token, but only `01 09` for `WOW_FAIL_VERSION_INVALID`: `loginFlags` is absent in
 * that short form.
 */
export interface LogonProofFailure {
  readonly kind: "failure";
  readonly result: number;
  readonly loginFlags?: number;
}

/** Server → client AUTH_LOGON_PROOF reply. */
export type LogonProofResponse = LogonProofSuccess | LogonProofFailure;

/** Server → client AUTH_LOGON_PROOF reply (command 0x01). */
export const logonProofResponseCodec: LogonCodec<LogonProofResponse> = defineLogonCodec({
  command: LogonCommand.LOGON_PROOF,
  name: "AUTH_LOGON_PROOF (server)",
  write(writer, message) {
    if (message.kind === "failure") {
      if (message.result === AuthResult.WOW_SUCCESS) {
        throw new ProtocolError({ reason: "a failure reply needs a non-zero result", offset: writer.length, kind: "encode" });
      }
      writer.writeU8(message.result);
      if (message.loginFlags !== undefined) writer.writeU16(message.loginFlags);
      return;
    }
    writer.writeU8(AuthResult.WOW_SUCCESS);
    writer.writeBytes(requireByteLength(message.serverProof, 20, "serverProof"));
    writer.writeU32(message.accountFlags).writeU32(message.surveyId).writeU16(message.loginFlags);
  },
  read(reader) {
    const result = reader.readU8();
    if (result !== AuthResult.WOW_SUCCESS) {
      if (reader.remaining === 0) return { kind: "failure", result };
      return { kind: "failure", result, loginFlags: reader.readU16() };
    }
    return {
      kind: "success",
      serverProof: reader.readBytes(20),
      accountFlags: reader.readU32(),
      surveyId: reader.readU32(),
      loginFlags: reader.readU16(),
    };
  },
});

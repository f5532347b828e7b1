import type { PacketReader } from "../codec/packet-reader.js";
import type { PacketWriter } from "../codec/packet-writer.js";
import { ProtocolError } from "../codec/protocol-error.js";
import { AuthResult, SecurityFlag } from "./auth-result.js";
import { readFourCC, writeFourCC } from "./four-cc.js";
import { LogonCommand } from "./logon-command.js";
import { defineLogonCodec, requireByteLength, type LogonCodec } from "./logon-codec.js";

/** Bytes of a challenge request before the size field counts: command, protocol version, size. */
export const CHALLENGE_REQUEST_HEADER_LENGTH = 4;
/** Bytes the size field counts besides the account name (AzerothCore: `size - 30 != I_len` is refused). */
export const CHALLENGE_REQUEST_FIXED_SIZE = 30;
/**
 * Largest challenge request AzerothCore accepts (`MAX_ACCEPTED_CHALLENGE_SIZE`: the 35-byte struct
 * plus 16), so account names are at most 17 bytes; a bigger packet closes the connection.
 */
export const MAX_CHALLENGE_REQUEST_LENGTH = 51;
/** Longest account name (in UTF-8 bytes) that fits {@link MAX_CHALLENGE_REQUEST_LENGTH}. */
export const MAX_CHALLENGE_ACCOUNT_NAME_BYTES =
  MAX_CHALLENGE_REQUEST_LENGTH - CHALLENGE_REQUEST_HEADER_LENGTH - CHALLENGE_REQUEST_FIXED_SIZE;

/** Client version in the challenge request and in realm entries. */
export interface ClientVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly build: number;
}

/**
 * The client's first packet, AUTH_LOGON_CHALLENGE or AUTH_RECONNECT_CHALLENGE (same layout). The
 * four-character fields are given as plain text ("WoW", "x86", "Win", "enUS").
 */
export interface ChallengeRequest {
  /** 8 for 2.4.x/3.3.5a (`LOGON_PROTOCOL_VERSION`); AzerothCore names this byte `error` and ignores it. */
  readonly protocolVersion: number;
  readonly gameName: string;
  readonly version: ClientVersion;
  readonly platform: string;
  readonly os: string;
  readonly locale: string;
  /** Minutes east of UTC as the client sends it (e.g. -300). */
  readonly timezoneBias: number;
  /** The client's own IPv4 address, dotted. */
  readonly clientIp: string;
  /** The account name exactly as sent (real clients upper-case it). */
  readonly accountName: string;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function writeChallengeRequest(writer: PacketWriter, message: ChallengeRequest): void {
  const name = utf8Encoder.encode(message.accountName);
  if (name.length > MAX_CHALLENGE_ACCOUNT_NAME_BYTES) {
    throw new ProtocolError({
      reason: `account name is ${name.length} bytes; AzerothCore accepts at most ${MAX_CHALLENGE_ACCOUNT_NAME_BYTES}`,
      offset: writer.length,
      kind: "encode",
    });
  }
  writer.writeU8(message.protocolVersion).writeU16(CHALLENGE_REQUEST_FIXED_SIZE + name.length);
  writeFourCC(writer, message.gameName);
  writer.writeU8(message.version.major).writeU8(message.version.minor).writeU8(message.version.patch);
  writer.writeU16(message.version.build);
  writeFourCC(writer, message.platform);
  writeFourCC(writer, message.os);
  writeFourCC(writer, message.locale);
  writer.writeI32(message.timezoneBias);
  writer.writeBytes(parseIpv4(message.clientIp, writer.length));
  writer.writeU8(name.length).writeBytes(name);
}

function readChallengeRequest(reader: PacketReader): ChallengeRequest {
  const protocolVersion = reader.readU8();
  const sizeOffset = reader.offset;
  const size = reader.readU16();
  if (size !== reader.remaining) {
    throw new ProtocolError({ reason: `size field says ${size} bytes follow, ${reader.remaining} do`, offset: sizeOffset });
  }
  if (CHALLENGE_REQUEST_HEADER_LENGTH + size > MAX_CHALLENGE_REQUEST_LENGTH) {
    throw new ProtocolError({
      reason: `challenge of ${CHALLENGE_REQUEST_HEADER_LENGTH + size} bytes exceeds AzerothCore's limit of ${MAX_CHALLENGE_REQUEST_LENGTH}`,
      offset: sizeOffset,
    });
  }
  const gameName = readFourCC(reader);
  const version = { major: reader.readU8(), minor: reader.readU8(), patch: reader.readU8(), build: reader.readU16() };
  const platform = readFourCC(reader);
  const os = readFourCC(reader);
  const locale = readFourCC(reader);
  const timezoneBias = reader.readI32();
  const clientIp = Array.from(reader.readView(4)).join(".");
  const nameLengthOffset = reader.offset;
  const nameLength = reader.readU8();
  if (size - CHALLENGE_REQUEST_FIXED_SIZE !== nameLength) {
    throw new ProtocolError({
      reason: `account name length ${nameLength} does not match size ${size} (AzerothCore requires size - 30 == length)`,
      offset: nameLengthOffset,
    });
  }
  const nameBytes = reader.readView(nameLength);
  let accountName: string;
  try {
    accountName = utf8Decoder.decode(nameBytes);
  } catch (cause) {
    throw new ProtocolError({ reason: "account name is not valid UTF-8", offset: nameLengthOffset + 1, cause });
  }
  return { protocolVersion, gameName, version, platform, os, locale, timezoneBias, clientIp, accountName };
}

function parseIpv4(text: string, offset: number): Uint8Array {
  const parts = text.split(".");
  const octets = parts.map(Number);
  if (parts.length !== 4 || !octets.every((octet, index) => /^\d{1,3}$/.test(parts[index] ?? "") && octet <= 255)) {
    throw new ProtocolError({ reason: `"${text}" is not a dotted IPv4 address`, offset, kind: "encode" });
  }
  return Uint8Array.from(octets);
}

/** Client → server AUTH_LOGON_CHALLENGE (command 0x00). */
export const logonChallengeRequestCodec: LogonCodec<ChallengeRequest> = defineLogonCodec({
  command: LogonCommand.LOGON_CHALLENGE,
  name: "AUTH_LOGON_CHALLENGE (client)",
  write: writeChallengeRequest,
  read: readChallengeRequest,
});

/** Client → server AUTH_RECONNECT_CHALLENGE (command 0x02): the same layout as the logon challenge. */
export const reconnectChallengeRequestCodec: LogonCodec<ChallengeRequest> = defineLogonCodec({
  command: LogonCommand.RECONNECT_CHALLENGE,
  name: "AUTH_RECONNECT_CHALLENGE (client)",
  write: writeChallengeRequest,
  read: readChallengeRequest,
});

/** PIN fields of a challenge reply (flag `SecurityFlag.PIN`). */
export interface PinChallenge {
  readonly gridSeed: number;
  /** 16 bytes. */
  readonly salt: Uint8Array;
}

/** Matrix-card fields of a challenge reply (flag `SecurityFlag.MATRIX_CARD`). */
export interface MatrixCardChallenge {
  readonly width: number;
  readonly height: number;
  readonly digitCount: number;
  readonly challengeCount: number;
  readonly seed: bigint;
}

/**
 * Successful challenge reply. `securityFlags` on the wire is derived from which of `pin`,
 * `matrixCard` and `authenticator` are present (AzerothCore only ever sends `authenticator`).
 */
export interface LogonChallengeSuccess {
  readonly kind: "success";
  /** B, 32 little-endian bytes. */
  readonly serverPublicKey: Uint8Array;
  /** g, little-endian (AzerothCore: one byte, 7). */
  readonly generator: Uint8Array;
  /** N, little-endian, 1..32 bytes (AzerothCore: 32). */
  readonly largeSafePrime: Uint8Array;
  /** 32 bytes. */
  readonly salt: Uint8Array;
  /** 16 bytes; AzerothCore sends `AZEROTHCORE_VERSION_CHALLENGE`. */
  readonly versionChallenge: Uint8Array;
  readonly pin?: PinChallenge;
  readonly matrixCard?: MatrixCardChallenge;
  /** TOTP token requested; AzerothCore writes `required` as 1. */
  readonly authenticator?: { readonly required: boolean };
}

/** Failed challenge reply: 3 bytes, `00 00 <result>`. */
export interface LogonChallengeFailure {
  readonly kind: "failure";
  /** A non-zero `AuthResult`. */
  readonly result: number;
}

/** Server → client AUTH_LOGON_CHALLENGE reply. */
export type LogonChallengeResponse = LogonChallengeSuccess | LogonChallengeFailure;

const KNOWN_SECURITY_FLAGS = SecurityFlag.PIN | SecurityFlag.MATRIX_CARD | SecurityFlag.AUTHENTICATOR;

/** Server → client AUTH_LOGON_CHALLENGE reply (command 0x00); 119 bytes on success without 2FA. */
export const logonChallengeResponseCodec: LogonCodec<LogonChallengeResponse> = defineLogonCodec({
  command: LogonCommand.LOGON_CHALLENGE,
  name: "AUTH_LOGON_CHALLENGE (server)",
  write(writer, message) {
    writer.writeU8(0);
    if (message.kind === "failure") {
      if (message.result === AuthResult.WOW_SUCCESS) {
        throw new ProtocolError({ reason: "a failure reply needs a non-zero result", offset: writer.length, kind: "encode" });
      }
      writer.writeU8(message.result);
      return;
    }
    writer.writeU8(AuthResult.WOW_SUCCESS);
    writer.writeBytes(requireByteLength(message.serverPublicKey, 32, "serverPublicKey"));
    writeLengthPrefixed(writer, message.generator, 255, "generator");
    writeLengthPrefixed(writer, message.largeSafePrime, 32, "largeSafePrime");
    writer.writeBytes(requireByteLength(message.salt, 32, "salt"));
    writer.writeBytes(requireByteLength(message.versionChallenge, 16, "versionChallenge"));
    let flags = 0;
    if (message.pin) flags |= SecurityFlag.PIN;
    if (message.matrixCard) flags |= SecurityFlag.MATRIX_CARD;
    if (message.authenticator) flags |= SecurityFlag.AUTHENTICATOR;
    writer.writeU8(flags);
    if (message.pin) writer.writeU32(message.pin.gridSeed).writeBytes(requireByteLength(message.pin.salt, 16, "pin.salt"));
    if (message.matrixCard) {
      const card = message.matrixCard;
      writer.writeU8(card.width).writeU8(card.height).writeU8(card.digitCount).writeU8(card.challengeCount).writeU64(card.seed);
    }
    if (message.authenticator) writer.writeU8(message.authenticator.required ? 1 : 0);
  },
  read(reader) {
    reader.readU8(); // protocol byte: AzerothCore, MaNGOS and TrinityCore always write 0
    const result = reader.readU8();
    if (result !== AuthResult.WOW_SUCCESS) return { kind: "failure", result };
    const serverPublicKey = reader.readBytes(32);
    const generator = readLengthPrefixed(reader, 255, "generator");
    const largeSafePrime = readLengthPrefixed(reader, 32, "largeSafePrime");
    const salt = reader.readBytes(32);
    const versionChallenge = reader.readBytes(16);
    const flagsOffset = reader.offset;
    const flags = reader.readU8();
    if ((flags & ~KNOWN_SECURITY_FLAGS) !== 0) {
      throw new ProtocolError({ reason: `unknown security flags 0x${flags.toString(16)}`, offset: flagsOffset });
    }
    const pin = flags & SecurityFlag.PIN ? { gridSeed: reader.readU32(), salt: reader.readBytes(16) } : undefined;
    const matrixCard =
      flags & SecurityFlag.MATRIX_CARD
        ? {
            width: reader.readU8(),
            height: reader.readU8(),
            digitCount: reader.readU8(),
            challengeCount: reader.readU8(),
            seed: reader.readU64(),
          }
        : undefined;
    const authenticator = flags & SecurityFlag.AUTHENTICATOR ? { required: reader.readU8() !== 0 } : undefined;
    return {
      kind: "success",
      serverPublicKey,
      generator,
      largeSafePrime,
      salt,
      versionChallenge,
      ...(pin && { pin }),
      ...(matrixCard && { matrixCard }),
      ...(authenticator && { authenticator }),
    };
  },
});

function writeLengthPrefixed(writer: PacketWriter, bytes: Uint8Array, max: number, what: string): void {
  if (bytes.length < 1 || bytes.length > max) {
    throw new ProtocolError({ reason: `${what} must be 1..${max} bytes, got ${bytes.length}`, offset: writer.length, kind: "encode" });
  }
  writer.writeU8(bytes.length).writeBytes(bytes);
}

function readLengthPrefixed(reader: PacketReader, max: number, what: string): Uint8Array {
  const offset = reader.offset;
  const length = reader.readU8();
  if (length < 1 || length > max) {
    throw new ProtocolError({ reason: `${what} length ${length} is outside 1..${max}`, offset });
  }
  return reader.readBytes(length);
}

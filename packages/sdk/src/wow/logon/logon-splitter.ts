import { ProtocolError } from "../codec/protocol-error.js";
import { AuthResult, SecurityFlag } from "./auth-result.js";
import { CHALLENGE_REQUEST_HEADER_LENGTH, MAX_CHALLENGE_REQUEST_LENGTH } from "./logon-challenge.js";
import { hex } from "./logon-codec.js";
import { isLogonCommand, LogonCommand, logonCommandName, type LogonCommandValue } from "./logon-command.js";
import { LOGON_PROOF_REQUEST_LENGTH } from "./logon-proof.js";
import { RECONNECT_PROOF_REQUEST_LENGTH } from "./reconnect.js";
import { REALM_LIST_REQUEST_LENGTH, REALM_LIST_RESPONSE_HEADER_LENGTH } from "./realm-list.js";

/** Which side's packets a splitter reads. */
export type LogonDirection = "client-to-server" | "server-to-client";

/** How much of the next logon packet is buffered. */
export type LogonPacketSize =
  /** The packet is complete: it is the first `length` buffered bytes. */
  | { readonly kind: "complete"; readonly command: LogonCommandValue; readonly length: number }
  /** More bytes are needed: at least `needed` in total before asking again. */
  | { readonly kind: "incomplete"; readonly needed: number };

/** One whole logon packet cut from the stream, command byte included. */
export interface LogonPacket {
  readonly command: LogonCommandValue;
  readonly bytes: Uint8Array;
}

/** Cuts a TCP byte stream into whole logon packets. */
export interface LogonSplitter {
  /**
   * Adds bytes from the socket and yields every packet that is now complete. Throws
   * `ProtocolError` on an unknown command or a packet AzerothCore would refuse by size; the
   * connection should then be closed.
   */
  push(chunk: Uint8Array): IterableIterator<LogonPacket>;
  /** Bytes received but not yet part of a yielded packet. */
  readonly bufferedBytes: number;
}

/** Bytes of two-factor data after a 75-byte logon proof whose flags byte is `flags` (token excluded). */
function proofFixedExtras(flags: number): number {
  return (flags & SecurityFlag.PIN ? 36 : 0) + (flags & SecurityFlag.MATRIX_CARD ? 20 : 0);
}

/**
 * Measures the next client → server logon packet in `buffered` (what an authserver reads). Sizes
 * follow AzerothCore's `AuthSession::ReadHandler`: challenges are `4 + size` bytes (at most 51),
 * the logon proof 75 bytes plus any two-factor data, the reconnect proof 58, the realm list
 * request 5.
 */
export function measureClientPacket(buffered: Uint8Array): LogonPacketSize {
  const command = buffered[0];
  if (command === undefined) return { kind: "incomplete", needed: 1 };
  const known = requireKnownCommand(command, "client");
  switch (known) {
    case LogonCommand.LOGON_CHALLENGE:
    case LogonCommand.RECONNECT_CHALLENGE: {
      if (buffered.length < CHALLENGE_REQUEST_HEADER_LENGTH) return { kind: "incomplete", needed: CHALLENGE_REQUEST_HEADER_LENGTH };
      const length = CHALLENGE_REQUEST_HEADER_LENGTH + readU16(buffered, 2);
      if (length > MAX_CHALLENGE_REQUEST_LENGTH) {
        throw new ProtocolError({
          reason: `${logonCommandName(known) ?? ""} (client) declares ${length} bytes; AzerothCore closes connections above ${MAX_CHALLENGE_REQUEST_LENGTH}`,
          offset: 2,
        });
      }
      return sized(known, length, buffered);
    }
    case LogonCommand.LOGON_PROOF: {
      const flags = buffered[LOGON_PROOF_REQUEST_LENGTH - 1];
      if (flags === undefined) return { kind: "incomplete", needed: LOGON_PROOF_REQUEST_LENGTH };
      const fixed = LOGON_PROOF_REQUEST_LENGTH + proofFixedExtras(flags);
      if ((flags & SecurityFlag.AUTHENTICATOR) === 0) return sized(known, fixed, buffered);
      const tokenLength = buffered[fixed];
      if (tokenLength === undefined) return { kind: "incomplete", needed: fixed + 1 };
      return sized(known, fixed + 1 + tokenLength, buffered);
    }
    case LogonCommand.RECONNECT_PROOF:
      return sized(known, RECONNECT_PROOF_REQUEST_LENGTH, buffered);
    case LogonCommand.REALM_LIST:
      return sized(known, REALM_LIST_REQUEST_LENGTH, buffered);
  }
}

/**
 * Measures the next server → client logon packet in `buffered` (what a game client reads). Failure
 * replies are shorter than success replies: the logon challenge fails in 3 bytes, the reconnect
 * challenge in 2, and proofs in 4 (2 for `WOW_FAIL_VERSION_INVALID`, as AzerothCore writes them).
 */
export function measureServerPacket(buffered: Uint8Array): LogonPacketSize {
  const command = buffered[0];
  if (command === undefined) return { kind: "incomplete", needed: 1 };
  const known = requireKnownCommand(command, "server");
  switch (known) {
    case LogonCommand.LOGON_CHALLENGE:
      return measureChallengeReply(buffered);
    case LogonCommand.LOGON_PROOF:
    case LogonCommand.RECONNECT_PROOF: {
      const result = buffered[1];
      if (result === undefined) return { kind: "incomplete", needed: 2 };
      if (known === LogonCommand.LOGON_PROOF && result === AuthResult.WOW_SUCCESS) return sized(known, 32, buffered);
      return sized(known, result === AuthResult.WOW_FAIL_VERSION_INVALID ? 2 : 4, buffered);
    }
    case LogonCommand.RECONNECT_CHALLENGE: {
      const result = buffered[1];
      if (result === undefined) return { kind: "incomplete", needed: 2 };
      return sized(known, result === AuthResult.WOW_SUCCESS ? 34 : 2, buffered);
    }
    case LogonCommand.REALM_LIST:
      if (buffered.length < REALM_LIST_RESPONSE_HEADER_LENGTH) return { kind: "incomplete", needed: REALM_LIST_RESPONSE_HEADER_LENGTH };
      return sized(known, REALM_LIST_RESPONSE_HEADER_LENGTH + readU16(buffered, 1), buffered);
  }
}

function measureChallengeReply(buffered: Uint8Array): LogonPacketSize {
  const command = LogonCommand.LOGON_CHALLENGE;
  const result = buffered[2];
  if (result === undefined) return { kind: "incomplete", needed: 3 };
  if (result !== AuthResult.WOW_SUCCESS) return sized(command, 3, buffered);
  // 3 header bytes and B (32), then g and N with their u8 lengths.
  let offset = 35;
  const generatorLength = buffered[offset];
  if (generatorLength === undefined) return { kind: "incomplete", needed: offset + 1 };
  offset += 1 + generatorLength;
  const primeLength = buffered[offset];
  if (primeLength === undefined) return { kind: "incomplete", needed: offset + 1 };
  offset += 1 + primeLength + 32 + 16; // N, salt, version challenge
  const flags = buffered[offset];
  if (flags === undefined) return { kind: "incomplete", needed: offset + 1 };
  offset += 1;
  if (flags & SecurityFlag.PIN) offset += 20;
  if (flags & SecurityFlag.MATRIX_CARD) offset += 12;
  if (flags & SecurityFlag.AUTHENTICATOR) offset += 1;
  return sized(command, offset, buffered);
}

function sized(command: LogonCommandValue, length: number, buffered: Uint8Array): LogonPacketSize {
  return buffered.length >= length ? { kind: "complete", command, length } : { kind: "incomplete", needed: length };
}

function readU16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function requireKnownCommand(command: number, sender: "client" | "server"): LogonCommandValue {
  if (isLogonCommand(command)) return command;
  throw new ProtocolError({
    reason: `unknown logon command 0x${hex(command)} from the ${sender}; AzerothCore handles only 0x00-0x03 and 0x10, close the connection`,
    offset: 0,
  });
}

/**
 * Creates a {@link LogonSplitter}. `client-to-server` reads what a client sends (use it in an
 * authserver); `server-to-client` reads an authserver's replies (use it in a client or bot).
 */
export function createLogonSplitter(direction: LogonDirection): LogonSplitter {
  const measure = direction === "client-to-server" ? measureClientPacket : measureServerPacket;
  let buffer = new Uint8Array(0);
  let streamOffset = 0;
  return {
    get bufferedBytes() {
      return buffer.length;
    },
    *push(chunk: Uint8Array): IterableIterator<LogonPacket> {
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
      for (;;) {
        let size: LogonPacketSize;
        try {
          size = measure(buffer);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          throw new ProtocolError({ reason: error.reason, offset: streamOffset + error.offset, cause: error });
        }
        if (size.kind === "incomplete") return;
        const bytes = buffer.slice(0, size.length);
        buffer = buffer.subarray(size.length);
        streamOffset += size.length;
        yield { command: size.command, bytes };
      }
    },
  };
}

import { PacketReader } from "../codec/packet-reader.js";
import { PacketWriter } from "../codec/packet-writer.js";
import { ProtocolError } from "../codec/protocol-error.js";

/**
 * Encodes and decodes one logon packet. Unlike world messages, logon packets have no header: the
 * bytes are the whole packet, starting with the command byte. `decode` throws only
 * `ProtocolError`, and refuses trailing bytes.
 */
export interface LogonCodec<T> {
  /** The command byte (a value of `LogonCommand`). */
  readonly command: number;
  /** The whole packet, command byte included. */
  encode(message: T): Uint8Array;
  /** The message in `packet` (command byte included). */
  decode(packet: Uint8Array): T;
}

/** How {@link defineLogonCodec} builds a codec. */
export interface LogonCodecDefinition<T> {
  readonly command: number;
  /** Names the packet in error messages, e.g. `"AUTH_LOGON_CHALLENGE (server)"`. */
  readonly name: string;
  /** Writes the fields after the command byte. */
  write(writer: PacketWriter, message: T): void;
  /** Reads the fields after the command byte. */
  read(reader: PacketReader): T;
}

/**
 * Builds a {@link LogonCodec}: writes or checks the command byte, refuses trailing bytes, and
 * prefixes every `ProtocolError` reason with the packet name (logon commands are not world
 * opcodes, so the error carries no opcode).
 */
export function defineLogonCodec<T>(definition: LogonCodecDefinition<T>): LogonCodec<T> {
  const { command, name } = definition;
  return {
    command,
    encode(message: T): Uint8Array {
      return withPacketName(name, () => {
        const writer = new PacketWriter();
        writer.writeU8(command);
        definition.write(writer, message);
        return writer.toBytes();
      });
    },
    decode(packet: Uint8Array): T {
      return withPacketName(name, () => {
        const reader = new PacketReader(packet);
        const found = reader.readU8();
        if (found !== command) {
          throw new ProtocolError({ reason: `command byte is 0x${hex(found)}, expected 0x${hex(command)}`, offset: 0 });
        }
        const message = definition.read(reader);
        reader.expectEnd();
        return message;
      });
    },
  };
}

/** Runs `body`, re-throwing any `ProtocolError` with `name` in front of its reason. */
export function withPacketName<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    throw new ProtocolError({ reason: `${name}: ${error.reason}`, offset: error.offset, kind: error.kind, cause: error });
  }
}

/** Throws an encode-side `ProtocolError` unless `bytes` has exactly `length` bytes. */
export function requireByteLength(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) {
    throw new ProtocolError({ reason: `${what} must be ${length} bytes, got ${bytes.length}`, offset: 0, kind: "encode" });
  }
  return bytes;
}

/** Two-digit lower-case hex of a byte. */
export function hex(byte: number): string {
  return byte.toString(16).padStart(2, "0");
}

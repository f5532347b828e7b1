import { PacketReader } from "../codec/packet-reader.js";
import { PacketWriter } from "../codec/packet-writer.js";

/**
 * Encodes and decodes one world message. `encode` and `decode` work on the payload only (the
 * bytes after the opcode); framing and header encryption are the job of `world/framing.ts`.
 * `decode` throws only `ProtocolError`, and refuses trailing bytes unless the message says otherwise.
 */
export interface MessageCodec<T> {
  /** The opcode this codec reads and writes (a value of `Opcode`). */
  readonly opcode: number;
  /** The payload bytes of `message`. Throws `ProtocolError` (kind `"encode"`) when a value cannot be written. */
  encode(message: T): Uint8Array;
  /** The message in `payload`. Throws `ProtocolError` when the bytes are not a valid payload. */
  decode(payload: Uint8Array): T;
}

/** The message type a {@link MessageCodec} reads and writes. */
export type MessageOf<C> = C extends MessageCodec<infer T> ? T : never;

/** How {@link defineMessageCodec} builds a codec. */
export interface MessageCodecDefinition<T> {
  /** The opcode; named in every error the reader and writer throw. */
  readonly opcode: number;
  /** Writes the fields of `message` in wire order. */
  write(writer: PacketWriter, message: T): void;
  /** Reads the fields in wire order; {@link defineMessageCodec} checks that nothing is left over. */
  read(reader: PacketReader): T;
  /**
   * Whether bytes may follow the last field (default `false`). Set it only for messages whose
   * sender is known to append optional data the decoder does not model.
   */
  readonly allowTrailingBytes?: boolean;
}

/**
 * Builds a {@link MessageCodec} from a field writer and a field reader: it creates the
 * `PacketWriter`/`PacketReader` with the opcode (so errors name the message) and, on decode,
 * refuses trailing bytes.
 */
export function defineMessageCodec<T>(definition: MessageCodecDefinition<T>): MessageCodec<T> {
  const { opcode } = definition;
  return {
    opcode,
    encode(message: T): Uint8Array {
      const writer = new PacketWriter({ opcode });
      definition.write(writer, message);
      return writer.toBytes();
    },
    decode(payload: Uint8Array): T {
      const reader = new PacketReader(payload, { opcode });
      const message = definition.read(reader);
      if (definition.allowTrailingBytes !== true) reader.expectEnd();
      return message;
    },
  };
}

/** The value of a message whose payload is empty. */
export type EmptyMessage = Record<string, never>;

/**
 * A codec for a message with an empty payload (e.g. CMSG_CHAR_ENUM, SMSG_LOGOUT_COMPLETE).
 * Decoding refuses any payload byte.
 */
export function emptyMessageCodec(opcode: number): MessageCodec<EmptyMessage> {
  return defineMessageCodec<EmptyMessage>({
    opcode,
    write: () => undefined,
    read: () => ({}),
  });
}

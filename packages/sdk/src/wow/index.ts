/**
 * `@tc9/sdk/wow`: the WoW 3.3.5a (build 12340) protocol layer. Names are listed explicitly; each
 * area (codec, opcodes, framing, crypto, messages) adds its own block.
 */

// Codec primitives
export { ProtocolError, PROTOCOL_ERROR_CODE } from "./codec/protocol-error.js";
export type { ProtocolErrorDetails, ProtocolErrorKind } from "./codec/protocol-error.js";
export { PacketReader } from "./codec/packet-reader.js";
export type { CountOptions, CStringOptions, PacketReaderOptions, ZlibBlockOptions } from "./codec/packet-reader.js";
export { PacketWriter } from "./codec/packet-writer.js";
export type { PacketWriterOptions } from "./codec/packet-writer.js";
export { BitReader } from "./codec/bit-reader.js";
export type { BitReaderOptions } from "./codec/bit-reader.js";
export { BitWriter } from "./codec/bit-writer.js";

// Opcodes
export { Opcode } from "./opcodes/opcode-table.js";
export type { OpcodeName } from "./opcodes/opcode-table.js";
export { formatOpcode, isKnownOpcode, opcodeName } from "./opcodes/opcode-name.js";

// World socket framing
export {
  CLIENT_HEADER_LENGTH,
  MAX_CLIENT_PAYLOAD,
  MAX_SERVER_PAYLOAD,
  SERVER_HEADER_LENGTH,
  SERVER_LARGE_HEADER_LENGTH,
  createFrameSplitter,
  decodeClientHeader,
  decodeServerHeader,
  encodeClientHeader,
  encodeClientPacket,
  encodeServerHeader,
  encodeServerPacket,
  serverHeaderLength,
} from "./world/framing.js";
export type {
  FrameDirection,
  FrameSplitter,
  FrameSplitterOptions,
  HeaderCipher,
  WorldFrame,
  WorldHeader,
} from "./world/framing.js";

// Crypto: SRP6 (logon), account credentials, world header cipher, auth-session digest.
// The crypto index is itself a curated list of names.
export * from "./crypto/index.js";

// Logon protocol (port 3724): both sides of every command, the stream splitter, result codes.
export * from "./logon/index.js";

// World messages: the shared codec type, then each family's curated list of codecs.
export * from "./world/message-codec.js";
export * from "./world/messages/session-social-index.js";
export * from "./world/messages/cross-player-index.js";
export * from "./world/messages/world-entry-index.js";

// Update objects: SMSG_(COMPRESSED_)UPDATE_OBJECT blocks and the party-frame unit fields.
export * from "./world/update-object/index.js";

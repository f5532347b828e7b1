/**
 * Runtime support for the generated contract code in `generated/`: message framing, the checks
 * that make decoding of malformed bytes fail cleanly, and exact 64-bit integers as `bigint`.
 *
 * protobufjs is the codec (its minimal `Writer`/`Reader`). Its own 64-bit readers return a
 * `Long` only when the `long` package is installed and a lossy `number` otherwise, so 64-bit
 * varints are read here from the reader's buffer directly and never pass through a float.
 * Writing goes through the `Writer` with `{low, high}` bits, which is exact with or without
 * `long`. Values wider than a field are truncated to its width, as protobuf does.
 *
 * Not part of the public SDK surface: only generated code imports this module (the SDK's own
 * relatively, SDK users' as `@tc9/sdk/contract-runtime/wire.js`, see `@tc9/sdk/codegen`). Its
 * exports may change with the generator; never call them from hand-written code.
 */
import $protobuf from "protobufjs/minimal.js";
import { ContractDecodeError } from "./errors.js";

/** The protobufjs wire reader generated decoders consume. */
export type Reader = $protobuf.Reader;
/** The protobufjs wire writer generated encoders fill. */
export type Writer = $protobuf.Writer;

const UINT32_LIMIT = 0x1_0000_0000n;
/** Scratch space that splits a bigint into two 32-bit words and joins them back. */
const words = new DataView(new ArrayBuffer(8));

/** Encodes `message` with a generated field writer and returns the bytes. */
export function encodeMessage<T>(message: T, write: (message: T, writer: Writer) => void): Uint8Array {
  const writer = $protobuf.Writer.create();
  write(message, writer);
  return writer.finish();
}

/**
 * Decodes a whole buffer with a generated field reader. Any failure (truncation, an invalid
 * varint, tag or wire type, a length past the end) becomes a `ContractDecodeError` naming the type.
 */
export function decodeMessage<T>(
  typeName: string,
  bytes: Uint8Array,
  read: (reader: Reader, end: number) => T,
): T {
  try {
    const reader = $protobuf.Reader.create(bytes);
    return read(reader, reader.len);
  } catch (cause) {
    throw new ContractDecodeError(typeName, cause);
  }
}

/** Reads a length prefix and returns the absolute end offset of the length-delimited value. */
export function endOf(reader: Reader): number {
  const length = reader.size();
  const end = reader.pos + length;
  if (end > reader.len) {
    throw new RangeError(`length-delimited field ends at ${end}, past the end of the buffer (${reader.len})`);
  }
  return end;
}

/** Fails when the last field of a length-delimited value ran past that value's end. */
export function checkEnd(reader: Reader, end: number): void {
  if (reader.pos !== end) {
    throw new RangeError(`a field overruns its enclosing message (ends at ${reader.pos}, expected ${end})`);
  }
}

/** Skips a field this contract version does not know (or one with an unexpected wire type). */
export function skipField(reader: Reader, tag: number): void {
  if (tag >>> 3 === 0) {
    throw new RangeError(`invalid field number 0 at offset ${reader.pos}`);
  }
  reader.skipType(tag & 7);
}

/** Reads a `bytes` value as a standalone `Uint8Array` (a copy, never a view of the input). */
export function readBytes(reader: Reader): Uint8Array {
  return new Uint8Array(reader.bytes());
}

/** A copy of a scalar-valued map (an empty map when absent). */
export function copyMap<K, V>(source: ReadonlyMap<K, V> | undefined): Map<K, V> {
  return new Map(source);
}

/** A copy of a message-valued map, each value built by the message type's `create`. */
export function createMapValues<K, I, V>(source: ReadonlyMap<K, I> | undefined, create: (init: I) => V): Map<K, V> {
  const copy = new Map<K, V>();
  if (source !== undefined) {
    for (const [key, init] of source) copy.set(key, create(init));
  }
  return copy;
}

/** Writes `uint64` or `int64` (two's complement) as a varint. */
export function writeVarint64(writer: Writer, value: bigint): void {
  if (value >= 0n && value < UINT32_LIMIT) {
    writer.uint32(Number(value));
    return;
  }
  words.setBigUint64(0, value, true);
  writer.uint64({ low: words.getInt32(0, true), high: words.getInt32(4, true), unsigned: true });
}

/** Writes `sint64` as a zig-zag varint. */
export function writeSint64(writer: Writer, value: bigint): void {
  const signed = BigInt.asIntN(64, value);
  writeVarint64(writer, (signed << 1n) ^ (signed >> 63n));
}

/** Writes `fixed64` or `sfixed64` as 8 little-endian bytes. */
export function writeFixed64(writer: Writer, value: bigint): void {
  words.setBigUint64(0, value, true);
  writer.fixed32(words.getUint32(0, true));
  writer.fixed32(words.getUint32(4, true));
}

/** Reads a `uint64` varint. */
export function readUint64(reader: Reader): bigint {
  readVarint64Words(reader);
  return words.getUint32(4, true) === 0 ? BigInt(words.getUint32(0, true)) : words.getBigUint64(0, true);
}

/** Reads an `int64` varint (two's complement). */
export function readInt64(reader: Reader): bigint {
  readVarint64Words(reader);
  return words.getUint32(4, true) === 0 ? BigInt(words.getUint32(0, true)) : words.getBigInt64(0, true);
}

/** Reads a `sint64` zig-zag varint. */
export function readSint64(reader: Reader): bigint {
  const zigzag = readUint64(reader);
  return (zigzag >> 1n) ^ -(zigzag & 1n);
}

/** Reads a `fixed64`. */
export function readFixed64(reader: Reader): bigint {
  words.setUint32(0, reader.fixed32(), true);
  words.setUint32(4, reader.fixed32(), true);
  return words.getBigUint64(0, true);
}

/** Reads an `sfixed64`. */
export function readSfixed64(reader: Reader): bigint {
  words.setUint32(0, reader.fixed32(), true);
  words.setUint32(4, reader.fixed32(), true);
  return words.getBigInt64(0, true);
}

/** Reads a varint of up to 64 bits (longer ones are an error) into `words`. */
function readVarint64Words(reader: Reader): void {
  const { buf, len } = reader;
  let pos = reader.pos;
  let low = 0;
  let high = 0;
  for (let index = 0; index < 10; index++) {
    if (pos >= len) {
      throw new RangeError(`varint runs past the end of the buffer (${len})`);
    }
    const byte = buf[pos++] ?? 0;
    const payload = byte & 0x7f;
    if (index < 4) {
      low |= payload << (7 * index);
    } else if (index === 4) {
      low |= payload << 28;
      high |= payload >>> 4;
    } else {
      high |= payload << (7 * index - 32);
    }
    if (byte < 0x80) {
      reader.pos = pos;
      words.setInt32(0, low, true);
      words.setInt32(4, high, true);
      return;
    }
  }
  throw new RangeError(`varint longer than 10 bytes at offset ${reader.pos}`);
}

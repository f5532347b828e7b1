import { BitReader } from "./bit-reader.js";
import { ProtocolError } from "./protocol-error.js";
import { inflateExactly } from "./zlib-block.js";

/** Options of a {@link PacketReader}. */
export interface PacketReaderOptions {
  /** The packet's opcode; named in every error the reader throws. */
  readonly opcode?: number | undefined;
}

/** Options of {@link PacketReader.readCString}. */
export interface CStringOptions {
  /** Most bytes the string may have, not counting the NUL terminator. */
  readonly maxLength?: number;
}

/** Options of {@link PacketReader.readCount}. */
export interface CountOptions {
  /** Width of the count on the wire; defaults to `"u32"`. */
  readonly width?: "u8" | "u16" | "u32";
  /**
   * Fewest bytes one element can take on the wire (defaults to 1). The count is refused when
   * `count × minElementSize` exceeds the bytes left, so a lying count never allocates more than
   * the packet holds. Pass 0 only for elements that can be empty; then `max` alone bounds the count.
   */
  readonly minElementSize?: number;
}

/** Options of {@link PacketReader.readZlibBlock}. */
export interface ZlibBlockOptions {
  /** Largest uncompressed size accepted; the declared size is checked against it before inflating. */
  readonly maxSize: number;
  /** Bytes of compressed data after the size field; defaults to the rest of the packet. */
  readonly compressedLength?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Reads a 3.3.5a packet payload. Integers are little-endian unless the method name ends in `BE`.
 * Every read is bounds-checked and throws {@link ProtocolError} (naming the opcode and offset) on
 * short or malformed input, and only that: a reader cannot be made to crash or to allocate more
 * than the packet's own size by bad bytes.
 */
export class PacketReader {
  /** The opcode given at construction, if any. */
  readonly opcode: number | undefined;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private position = 0;

  constructor(bytes: Uint8Array, options: PacketReaderOptions = {}) {
    // A plain Uint8Array view, so slice() copies even when the caller passed a Buffer.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.opcode = options.opcode;
  }

  /** Offset of the next byte to read. */
  get offset(): number {
    return this.position;
  }

  /** Total payload length. */
  get length(): number {
    return this.bytes.length;
  }

  /** Bytes not yet read. */
  get remaining(): number {
    return this.bytes.length - this.position;
  }

  readU8(): number {
    return this.view.getUint8(this.advance(1, "u8"));
  }

  readI8(): number {
    return this.view.getInt8(this.advance(1, "i8"));
  }

  readU16(): number {
    return this.view.getUint16(this.advance(2, "u16"), true);
  }

  readI16(): number {
    return this.view.getInt16(this.advance(2, "i16"), true);
  }

  readU32(): number {
    return this.view.getUint32(this.advance(4, "u32"), true);
  }

  readI32(): number {
    return this.view.getInt32(this.advance(4, "i32"), true);
  }

  readU64(): bigint {
    return this.view.getBigUint64(this.advance(8, "u64"), true);
  }

  readI64(): bigint {
    return this.view.getBigInt64(this.advance(8, "i64"), true);
  }

  /** Big-endian u16, as in the world header's size field. */
  readU16BE(): number {
    return this.view.getUint16(this.advance(2, "u16 (big-endian)"), false);
  }

  /** Big-endian u32. */
  readU32BE(): number {
    return this.view.getUint32(this.advance(4, "u32 (big-endian)"), false);
  }

  readF32(): number {
    return this.view.getFloat32(this.advance(4, "f32"), true);
  }

  readF64(): number {
    return this.view.getFloat64(this.advance(8, "f64"), true);
  }

  /** A fixed-size byte array, copied (safe to keep after the packet buffer is reused). */
  readBytes(length: number): Uint8Array {
    const start = this.advance(this.checkLength(length), "byte array");
    return this.bytes.slice(start, start + length);
  }

  /** A fixed-size byte array as a view into the packet, without copying. */
  readView(length: number): Uint8Array {
    const start = this.advance(this.checkLength(length), "byte array");
    return this.bytes.subarray(start, start + length);
  }

  /** Skips `length` bytes. */
  skip(length: number): void {
    this.advance(this.checkLength(length), "skip");
  }

  /** A NUL-terminated UTF-8 string. A missing terminator, invalid UTF-8 or excess length is an error. */
  readCString(options: CStringOptions = {}): string {
    const start = this.position;
    const bytes = this.bytes;
    // A plain loop beats indexOf's call overhead for the short strings packets carry.
    let terminator = start;
    while (terminator < bytes.length && bytes[terminator] !== 0) terminator++;
    if (terminator === bytes.length) this.fail("C string has no NUL terminator", start);
    const length = terminator - start;
    if (options.maxLength !== undefined && length > options.maxLength) {
      this.fail(`C string is ${length} bytes, more than the limit of ${options.maxLength}`, start);
    }
    this.position = terminator + 1;
    if (length === 0) return "";
    try {
      return utf8.decode(bytes.subarray(start, terminator));
    } catch (cause) {
      return this.fail("C string is not valid UTF-8", start, cause);
    }
  }

  /** A packed GUID: a mask byte, then one byte for each set mask bit (GUID bytes, least significant first). */
  readPackedGuid(): bigint {
    const start = this.position;
    const mask = this.readU8();
    let bytesNeeded = 0;
    for (let bits = mask; bits !== 0; bits &= bits - 1) bytesNeeded++;
    if (bytesNeeded > this.remaining) {
      this.fail(`packed GUID mask 0x${mask.toString(16)} needs ${bytesNeeded} byte(s), only ${this.remaining} remain`, start);
    }
    let low = 0;
    let high = 0;
    for (let byteIndex = 0; byteIndex < 8; byteIndex++) {
      if ((mask & (1 << byteIndex)) === 0) continue;
      const byte = this.view.getUint8(this.position++);
      if (byteIndex < 4) low |= byte << (8 * byteIndex);
      else high |= byte << (8 * (byteIndex - 4));
    }
    return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  }

  /**
   * An element count, refused when above `max` or when the remaining bytes cannot hold that many
   * elements of at least `minElementSize` bytes each (see {@link CountOptions}).
   */
  readCount(max: number, options: CountOptions = {}): number {
    const start = this.position;
    const width = options.width ?? "u32";
    const count = width === "u8" ? this.readU8() : width === "u16" ? this.readU16() : this.readU32();
    if (count > max) this.fail(`count ${count} exceeds the limit of ${max}`, start);
    const minElementSize = options.minElementSize ?? 1;
    if (count * minElementSize > this.remaining) {
      this.fail(
        `count ${count} needs at least ${count * minElementSize} bytes (${minElementSize} per element), only ${this.remaining} remain`,
        start,
      );
    }
    return count;
  }

  /**
   * A zlib block: a u32 uncompressed size, then zlib (RFC 1950) data. The declared size is checked
   * against `maxSize` before inflating, inflation stops at the declared size, and a result of any
   * other size is an error. Returns the inflated bytes.
   */
  readZlibBlock(options: ZlibBlockOptions): Uint8Array {
    const start = this.position;
    const declaredSize = this.readU32();
    if (declaredSize > options.maxSize) {
      this.fail(`zlib block declares ${declaredSize} uncompressed bytes, more than the limit of ${options.maxSize}`, start);
    }
    const compressedLength = options.compressedLength ?? this.remaining;
    const compressed = this.readView(compressedLength);
    return inflateExactly(compressed, declaredSize, { opcode: this.opcode, offset: start + 4 });
  }

  /** A bit field of `byteLength` bytes (see {@link BitReader}). */
  readBitField(byteLength: number): BitReader {
    const start = this.position;
    const bytes = this.readView(byteLength);
    return new BitReader(bytes, { opcode: this.opcode, byteOffset: start });
  }

  /** An update mask: a u8 count of u32 blocks, then the blocks, read as one {@link BitReader}. */
  readUpdateMask(): BitReader {
    const blockCount = this.readCount(0xff, { width: "u8", minElementSize: 4 });
    return this.readBitField(blockCount * 4);
  }

  /** Throws unless every byte has been read; call it last so trailing garbage is not ignored. */
  expectEnd(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected trailing byte(s)`, this.position);
  }

  /** Reserves `size` bytes at the current offset and returns that offset. */
  private advance(size: number, what: string): number {
    const start = this.position;
    if (size > this.bytes.length - start) {
      this.fail(`${what} needs ${size} byte(s), only ${this.bytes.length - start} remain`, start);
    }
    this.position = start + size;
    return start;
  }

  private checkLength(length: number): number {
    if (!Number.isInteger(length) || length < 0) {
      throw new RangeError(`byte length must be a non-negative integer, got ${length}`);
    }
    return length;
  }

  private fail(reason: string, offset: number, cause?: unknown): never {
    throw new ProtocolError({ reason, offset, opcode: this.opcode, cause });
  }
}

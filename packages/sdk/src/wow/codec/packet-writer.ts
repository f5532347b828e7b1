import type { BitWriter } from "./bit-writer.js";
import { ProtocolError } from "./protocol-error.js";
import { deflateBlock } from "./zlib-block.js";

/** Options of a {@link PacketWriter}. */
export interface PacketWriterOptions {
  /** The opcode of the packet being built; named in every error the writer throws. */
  readonly opcode?: number | undefined;
  /** Bytes reserved up front (default 64); the writer grows by doubling. */
  readonly initialCapacity?: number;
}

const MAX_U64 = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

/**
 * Builds a 3.3.5a packet payload. Integers are little-endian unless the method name ends in `BE`.
 * Every write checks that the value fits its wire type and throws {@link ProtocolError} (kind
 * `"encode"`) if it does not, so nothing is silently truncated. Methods return `this` for chaining.
 */
export class PacketWriter {
  private readonly opcode: number | undefined;
  private storage: Uint8Array;
  private view: DataView;
  private position = 0;

  constructor(options: PacketWriterOptions = {}) {
    this.opcode = options.opcode;
    this.storage = new Uint8Array(Math.max(1, options.initialCapacity ?? 64));
    this.view = new DataView(this.storage.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.position;
  }

  writeU8(value: number): this {
    if ((value & 0xff) !== value) this.outOfRange("u8", value);
    const at = this.reserve(1);
    this.view.setUint8(at, value);
    return this;
  }

  writeI8(value: number): this {
    if ((value << 24) >> 24 !== value) this.outOfRange("i8", value);
    const at = this.reserve(1);
    this.view.setInt8(at, value);
    return this;
  }

  writeU16(value: number): this {
    if ((value & 0xffff) !== value) this.outOfRange("u16", value);
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return this;
  }

  writeI16(value: number): this {
    if ((value << 16) >> 16 !== value) this.outOfRange("i16", value);
    const at = this.reserve(2);
    this.view.setInt16(at, value, true);
    return this;
  }

  writeU32(value: number): this {
    if (value >>> 0 !== value) this.outOfRange("u32", value);
    const at = this.reserve(4);
    this.view.setUint32(at, value, true);
    return this;
  }

  writeI32(value: number): this {
    if ((value | 0) !== value) this.outOfRange("i32", value);
    const at = this.reserve(4);
    this.view.setInt32(at, value, true);
    return this;
  }

  writeU64(value: bigint): this {
    if (BigInt.asUintN(64, value) !== value) this.outOfRange("u64", value);
    const at = this.reserve(8);
    this.view.setBigUint64(at, value, true);
    return this;
  }

  writeI64(value: bigint): this {
    if (BigInt.asIntN(64, value) !== value) this.outOfRange("i64", value);
    const at = this.reserve(8);
    this.view.setBigInt64(at, value, true);
    return this;
  }

  /** Big-endian u16. */
  writeU16BE(value: number): this {
    if ((value & 0xffff) !== value) this.outOfRange("u16", value);
    const at = this.reserve(2);
    this.view.setUint16(at, value, false);
    return this;
  }

  /** Big-endian u32. */
  writeU32BE(value: number): this {
    if (value >>> 0 !== value) this.outOfRange("u32", value);
    const at = this.reserve(4);
    this.view.setUint32(at, value, false);
    return this;
  }

  writeF32(value: number): this {
    const at = this.reserve(4);
    this.view.setFloat32(at, value, true);
    return this;
  }

  writeF64(value: number): this {
    const at = this.reserve(8);
    this.view.setFloat64(at, value, true);
    return this;
  }

  /** Raw bytes, e.g. a fixed-size array. */
  writeBytes(bytes: Uint8Array): this {
    const at = this.reserve(bytes.length);
    this.storage.set(bytes, at);
    return this;
  }

  /** A UTF-8 string followed by a NUL terminator. A string containing NUL is refused. */
  writeCString(value: string): this {
    if (value.includes("\0")) {
      this.fail(`C string contains a NUL character at index ${value.indexOf("\0")}`);
    }
    this.ensure(value.length * 3 + 1);
    const { written } = utf8.encodeInto(value, this.storage.subarray(this.position));
    this.position += written;
    this.storage[this.position++] = 0;
    return this;
  }

  /** A packed GUID: a mask byte, then each non-zero GUID byte, least significant first. */
  writePackedGuid(guid: bigint): this {
    if (guid < 0n || guid > MAX_U64) this.outOfRange("packed GUID", guid);
    const maskOffset = this.reserve(1);
    this.ensure(8);
    const low = Number(guid & 0xffffffffn);
    const high = Number(guid >> 32n);
    let mask = 0;
    for (let byteIndex = 0; byteIndex < 8; byteIndex++) {
      const word = byteIndex < 4 ? low : high;
      const byte = (word >>> (8 * (byteIndex & 3))) & 0xff;
      if (byte === 0) continue;
      mask |= 1 << byteIndex;
      this.storage[this.position++] = byte;
    }
    this.storage[maskOffset] = mask;
    return this;
  }

  /** A zlib block: the u32 uncompressed size of `data`, then `data` deflated (level 0..9, default 6). */
  writeZlibBlock(data: Uint8Array, level = 6): this {
    this.writeU32(data.length);
    return this.writeBytes(deflateBlock(data, level));
  }

  /** The bytes of a bit field, padded to whole bytes. */
  writeBitField(bits: BitWriter): this {
    return this.writeBytes(bits.toBytes());
  }

  /** An update mask: a u8 count of u32 blocks, then the blocks (see {@link BitWriter}). */
  writeUpdateMask(bits: BitWriter): this {
    const blocks = bits.toBytes(4);
    if (blocks.length / 4 > 0xff) this.fail(`update mask needs ${blocks.length / 4} blocks, at most 255 fit`);
    this.writeU8(blocks.length / 4);
    return this.writeBytes(blocks);
  }

  /** Overwrites the u8 at `offset` (already written), e.g. a count known only at the end. */
  setU8At(offset: number, value: number): this {
    if ((value & 0xff) !== value) this.outOfRange("u8", value);
    this.view.setUint8(this.writtenOffset(offset, 1), value);
    return this;
  }

  /** Overwrites the little-endian u16 at `offset` (already written). */
  setU16At(offset: number, value: number): this {
    if ((value & 0xffff) !== value) this.outOfRange("u16", value);
    this.view.setUint16(this.writtenOffset(offset, 2), value, true);
    return this;
  }

  /** Overwrites the little-endian u32 at `offset` (already written). */
  setU32At(offset: number, value: number): this {
    if (value >>> 0 !== value) this.outOfRange("u32", value);
    this.view.setUint32(this.writtenOffset(offset, 4), value, true);
    return this;
  }

  /**
   * The bytes written so far, as a view without copying. Later writes append after them; only
   * the `set*At` methods can change them.
   */
  toBytes(): Uint8Array {
    return this.storage.subarray(0, this.position);
  }

  /** Makes room for `size` bytes, advances past them and returns where they start. */
  private reserve(size: number): number {
    this.ensure(size);
    const start = this.position;
    this.position = start + size;
    return start;
  }

  private ensure(extra: number): void {
    const needed = this.position + extra;
    if (needed <= this.storage.length) return;
    let capacity = this.storage.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.storage.subarray(0, this.position));
    this.storage = grown;
    this.view = new DataView(grown.buffer);
  }

  private writtenOffset(offset: number, size: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset + size > this.position) {
      this.fail(`cannot overwrite ${size} byte(s) at offset ${offset}: only ${this.position} byte(s) are written`);
    }
    return offset;
  }

  private outOfRange(type: string, value: number | bigint): never {
    this.fail(`${String(value)} does not fit in ${type}`);
  }

  private fail(reason: string): never {
    throw new ProtocolError({ reason, offset: this.position, opcode: this.opcode, kind: "encode" });
  }
}

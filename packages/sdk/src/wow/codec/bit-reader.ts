import { ProtocolError } from "./protocol-error.js";

/** Context for errors raised while reading bits: the packet's opcode and where the bits start. */
export interface BitReaderOptions {
  /** The opcode of the packet the bits come from. */
  readonly opcode?: number | undefined;
  /** Offset of the first byte in the packet payload, so errors point into the packet. */
  readonly byteOffset?: number;
}

/**
 * Reads a bit field the way 3.3.5a lays out update masks and flag arrays: bit `i` is bit `i % 8`
 * (least significant first) of byte `i / 8`. Because the wire stores the mask as little-endian u32
 * blocks, this equals bit `i % 32` of block `i / 32`.
 *
 * Offers sequential reads ({@link readBit}, {@link readBits}) and random access ({@link isSet},
 * {@link setBitIndices}).
 */
export class BitReader {
  private readonly bytes: Uint8Array;
  private readonly opcode: number | undefined;
  private readonly byteOffset: number;
  private position = 0;

  constructor(bytes: Uint8Array, options: BitReaderOptions = {}) {
    this.bytes = bytes;
    this.opcode = options.opcode;
    this.byteOffset = options.byteOffset ?? 0;
  }

  /** Number of bits in the field (8 × its byte length). */
  get bitLength(): number {
    return this.bytes.length * 8;
  }

  /** Bits not yet consumed by sequential reads. */
  get bitsRemaining(): number {
    return this.bitLength - this.position;
  }

  /** Reads the next bit. */
  readBit(): boolean {
    if (this.position >= this.bitLength) this.fail(1);
    const index = this.position++;
    return ((this.bytes[index >>> 3] ?? 0) & (1 << (index & 7))) !== 0;
  }

  /** Reads the next `count` bits (1..32) as an unsigned number, least significant bit first. */
  readBits(count: number): number {
    if (!Number.isInteger(count) || count < 1 || count > 32) {
      throw new RangeError(`readBits takes 1..32 bits, got ${count}`);
    }
    if (this.position + count > this.bitLength) this.fail(count);
    let value = 0;
    for (let bit = 0; bit < count; bit++) {
      const index = this.position + bit;
      if (((this.bytes[index >>> 3] ?? 0) & (1 << (index & 7))) !== 0) value += 2 ** bit;
    }
    this.position += count;
    return value;
  }

  /** Whether bit `index` is set; bits past the end of the field count as not set. */
  isSet(index: number): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.bitLength) return false;
    return ((this.bytes[index >>> 3] ?? 0) & (1 << (index & 7))) !== 0;
  }

  /** Indices of all set bits, ascending; for an update mask these are the update-field indices. */
  setBitIndices(): number[] {
    const indices: number[] = [];
    for (let byteIndex = 0; byteIndex < this.bytes.length; byteIndex++) {
      let byte = this.bytes[byteIndex] ?? 0;
      while (byte !== 0) {
        const lowest = byte & -byte;
        indices.push(byteIndex * 8 + (31 - Math.clz32(lowest)));
        byte ^= lowest;
      }
    }
    return indices;
  }

  private fail(wanted: number): never {
    throw new ProtocolError({
      reason: `bit field needs ${wanted} more bit(s), only ${this.bitsRemaining} remain`,
      offset: this.byteOffset + (this.position >>> 3),
      opcode: this.opcode,
    });
  }
}

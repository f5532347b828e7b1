/**
 * Builds a bit field in the 3.3.5a layout read by {@link BitReader}: bit `i` is bit `i % 8` of
 * byte `i / 8`, so update masks come out as little-endian u32 blocks. Bits can be appended
 * ({@link writeBit}, {@link writeBits}) or set anywhere ({@link setBit}); the field grows as needed.
 */
export class BitWriter {
  private bytes = new Uint8Array(8);
  private length = 0;

  /** Number of bits written or set so far (one past the highest bit touched). */
  get bitLength(): number {
    return this.length;
  }

  /** Appends one bit. */
  writeBit(value: boolean): this {
    const index = this.length;
    this.ensure(index + 1);
    if (value) this.set(index);
    this.length = index + 1;
    return this;
  }

  /** Appends the low `count` bits (1..32) of an unsigned `value`, least significant bit first. */
  writeBits(value: number, count: number): this {
    if (!Number.isInteger(count) || count < 1 || count > 32) {
      throw new RangeError(`writeBits takes 1..32 bits, got ${count}`);
    }
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** count) {
      throw new RangeError(`writeBits: ${value} does not fit in ${count} unsigned bit(s)`);
    }
    const start = this.length;
    this.ensure(start + count);
    for (let bit = 0; bit < count; bit++) {
      if (Math.floor(value / 2 ** bit) % 2 === 1) this.set(start + bit);
    }
    this.length = start + count;
    return this;
  }

  /** Sets bit `index` (e.g. an update-field index), growing the field if needed. */
  setBit(index: number): this {
    if (!Number.isInteger(index) || index < 0) {
      throw new RangeError(`setBit takes a non-negative integer index, got ${index}`);
    }
    this.ensure(index + 1);
    this.set(index);
    if (index >= this.length) this.length = index + 1;
    return this;
  }

  /**
   * The field as bytes, zero-padded to a whole number of `blockSize`-byte blocks (4 for update
   * masks). An empty field gives zero bytes. Returns a copy.
   */
  toBytes(blockSize = 1): Uint8Array {
    if (!Number.isInteger(blockSize) || blockSize < 1) {
      throw new RangeError(`toBytes takes a positive block size, got ${blockSize}`);
    }
    const usedBytes = Math.ceil(this.length / 8);
    const paddedBytes = Math.ceil(usedBytes / blockSize) * blockSize;
    const out = new Uint8Array(paddedBytes);
    out.set(this.bytes.subarray(0, usedBytes));
    return out;
  }

  private set(index: number): void {
    const byteIndex = index >>> 3;
    this.bytes[byteIndex] = (this.bytes[byteIndex] ?? 0) | (1 << (index & 7));
  }

  private ensure(bitCount: number): void {
    const needed = Math.ceil(bitCount / 8);
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes);
    this.bytes = grown;
  }
}

/** Keystream bytes WoW discards after keying ("ARC4-drop1024", AzerothCore AuthCrypt.cpp). */
export const ARC4_DROP_LENGTH = 1024;

/**
 * ARC4 (RC4) over a 256-byte Uint8Array state, written here because node:crypto's `rc4` is
 * unavailable under OpenSSL 3 (`ERR_OSSL_EVP_UNSUPPORTED` on Node 20 without the legacy provider).
 * Encryption and decryption are the same XOR with the keystream.
 */
export class Arc4 {
  private readonly state = new Uint8Array(256);
  private i = 0;
  private j = 0;

  /** Runs the key schedule; then discards `dropLength` keystream bytes (0 for plain RC4). */
  constructor(key: Uint8Array, dropLength = 0) {
    if (key.length === 0 || key.length > 256) throw new RangeError("Arc4: key must be 1 to 256 bytes");
    const state = this.state;
    for (let index = 0; index < 256; index++) state[index] = index;
    let j = 0;
    for (let index = 0; index < 256; index++) {
      // Indices are masked to 0..255, so every read below is in bounds.
      const value = state[index]!;
      j = (j + value + key[index % key.length]!) & 0xff;
      state[index] = state[j]!;
      state[j] = value;
    }
    if (dropLength > 0) this.apply(new Uint8Array(dropLength));
  }

  /** XORs `data[start..end)` in place with the next keystream bytes. */
  apply(data: Uint8Array, start = 0, end = data.length): void {
    const state = this.state;
    let i = this.i;
    let j = this.j;
    for (let index = start; index < end; index++) {
      i = (i + 1) & 0xff;
      const left = state[i]!;
      j = (j + left) & 0xff;
      const right = state[j]!;
      state[i] = right;
      state[j] = left;
      data[index] = data[index]! ^ state[(left + right) & 0xff]!;
    }
    this.i = i;
    this.j = j;
  }
}

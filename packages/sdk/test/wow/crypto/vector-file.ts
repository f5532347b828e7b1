import { readFileSync } from "node:fs";

const VECTOR_DIRECTORY = new URL("./vectors/", import.meta.url);

/**
 * Reads a vector file under ./vectors: one row per line, whitespace-separated columns, lines
 * starting with "#" (the source and column header) skipped.
 */
export function readVectorRows(fileName: string, columnCount: number): string[][] {
  const text = readFileSync(new URL(fileName, VECTOR_DIRECTORY), "utf8");
  const rows = text
    .split("\n")
    .filter((line) => line.length > 0 && !line.startsWith("#"))
    .map((line) => line.trim().split(/\s+/));
  for (const row of rows) {
    if (row.length !== columnCount) throw new Error(`${fileName}: expected ${columnCount} columns, got ${row.join(" ")}`);
  }
  return rows;
}

/** Returns column `index` of `row`, failing loudly instead of yielding undefined. */
export function column(row: readonly string[], index: number): string {
  const value = row[index];
  if (value === undefined) throw new Error(`missing column ${index}`);
  return value;
}

/** Hex (either case) to bytes, in the order written. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new Error(`odd hex length: ${hex}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

/** Bytes to lower-case hex, for readable assertion failures. */
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
}

/**
 * A big-endian hex number (wow_srp's `from_be_hex_str`) as `length` little-endian bytes, padded
 * with high zeros: the form every SRP6 value takes on the wire.
 */
export function littleEndianFromBigEndianHex(hex: string, length: number): Uint8Array {
  const bigEndian = hexToBytes(hex);
  if (bigEndian.length > length) throw new Error(`${hex} is longer than ${length} bytes`);
  const out = new Uint8Array(length);
  for (let index = 0; index < bigEndian.length; index++) {
    out[index] = bigEndian[bigEndian.length - 1 - index] ?? 0;
  }
  return out;
}

/** A u32 as its 4 little-endian wire bytes. */
export function u32LittleEndian(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

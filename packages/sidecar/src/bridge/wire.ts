import { PacketReader, PacketWriter } from "@tc9/sdk/wow";
import { FRAME_HEADER, FRAME_MAX } from "./protocol.js";

/** Builds a frame body: the protocol's strings, byte runs and lists on top of {@link PacketWriter}. */
export class BodyWriter extends PacketWriter {
  str(value: string): this {
    return this.byteRun(Buffer.from(value, "utf8"));
  }

  byteRun(value: Uint8Array): this {
    this.writeU32(value.length);
    return this.writeBytes(value);
  }

  u64List(values: readonly bigint[]): this {
    this.writeU32(values.length);
    for (const value of values) this.writeU64(value);
    return this;
  }

  u32List(values: readonly number[]): this {
    this.writeU32(values.length);
    for (const value of values) this.writeU32(value);
    return this;
  }
}

/** Reads a frame body; every read is bounds-checked and throws on short input. */
export class BodyReader extends PacketReader {
  str(): string {
    return Buffer.from(this.byteRun()).toString("utf8");
  }

  byteRun(): Uint8Array {
    return this.readBytes(this.readU32());
  }

  u64List(): bigint[] {
    const count = this.readU32();
    return Array.from({ length: count }, () => this.readU64());
  }

  u32List(): number[] {
    const count = this.readU32();
    return Array.from({ length: count }, () => this.readU32());
  }
}

/** One decoded frame. */
export interface Frame {
  readonly type: number;
  readonly id: number;
  readonly body: Uint8Array;
}

/** Encodes a frame. */
export function encodeFrame(type: number, id: number, body: Uint8Array = new Uint8Array(0)): Buffer {
  const frame = Buffer.allocUnsafe(4 + FRAME_HEADER + body.length);
  frame.writeUInt32LE(FRAME_HEADER + body.length, 0);
  frame.writeUInt8(type, 4);
  frame.writeUInt32LE(id >>> 0, 5);
  frame.set(body, 9);
  return frame;
}

/**
 * Splits a byte stream into frames. Throws on a length field outside the protocol's bounds (the
 * caller closes the connection); buffers at most one frame plus one read.
 */
export function createFrameSplitter(onFrame: (frame: Frame) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (pending.length - offset >= 4) {
      const length = pending.readUInt32LE(offset);
      if (length < FRAME_HEADER || length > FRAME_MAX) throw new RangeError(`frame length ${length} is outside ${FRAME_HEADER}..${FRAME_MAX}`);
      if (pending.length - offset - 4 < length) break;
      const type = pending.readUInt8(offset + 4);
      const id = pending.readUInt32LE(offset + 5);
      const body = pending.subarray(offset + 9, offset + 4 + length);
      offset += 4 + length;
      onFrame({ type, id, body: new Uint8Array(body) });
    }
    pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
  };
}

import { ProtocolError } from "../codec/protocol-error.js";

/*
 * World socket framing (3.3.5a, port 8085). Only headers are encrypted, by a stream cipher that
 * transforms header bytes in place (see `wow/crypto/`). Layouts (wow_srp wrath_header, AzerothCore
 * WorldSocket):
 *  - client to server, 6 bytes: u16 BE size (opcode + payload), u32 LE opcode;
 *  - server to client, 4 bytes: u16 BE size (opcode + payload), u16 LE opcode; when the size exceeds
 *    0x7FFF, 5 bytes: a 3-byte BE size whose first byte has 0x80 set, then the u16 LE opcode.
 */

/** Transforms header bytes in place: a header cipher's encrypt or decrypt step. */
export type HeaderCipher = (bytes: Uint8Array) => void;

/** Which way a byte stream flows, which decides its header layout. */
export type FrameDirection = "client-to-server" | "server-to-client";

/** One world packet cut out of a stream. */
export interface WorldFrame {
  readonly opcode: number;
  /** The payload (after the header), copied out of the stream. */
  readonly payload: Uint8Array;
}

/** A decoded header: the opcode, the payload length and the header's own length. */
export interface WorldHeader {
  readonly opcode: number;
  readonly payloadLength: number;
  readonly headerLength: number;
}

export const CLIENT_HEADER_LENGTH = 6;
export const SERVER_HEADER_LENGTH = 4;
export const SERVER_LARGE_HEADER_LENGTH = 5;
/** Largest payload a client header can describe (u16 size minus the 4-byte opcode). */
export const MAX_CLIENT_PAYLOAD = 0xffff - 4;
/** Largest payload a server header can describe (23-bit size minus the 2-byte opcode). */
export const MAX_SERVER_PAYLOAD = 0x7fffff - 2;
/** Size values (opcode + payload) above this need the 5-byte server header. */
const LARGE_SIZE_THRESHOLD = 0x7fff;

/** Encodes a plaintext client header for `payloadLength` bytes of payload. */
export function encodeClientHeader(opcode: number, payloadLength: number): Uint8Array {
  if (opcode >>> 0 !== opcode) encodeError(`client opcode ${opcode} does not fit in u32`, opcode);
  checkPayloadLength(payloadLength, MAX_CLIENT_PAYLOAD, opcode);
  const header = new Uint8Array(CLIENT_HEADER_LENGTH);
  const view = new DataView(header.buffer);
  view.setUint16(0, payloadLength + 4, false);
  view.setUint32(2, opcode, true);
  return header;
}

/** Decodes a plaintext 6-byte client header. */
export function decodeClientHeader(header: Uint8Array): WorldHeader {
  if (header.length < CLIENT_HEADER_LENGTH) {
    decodeError(`client header needs ${CLIENT_HEADER_LENGTH} bytes, got ${header.length}`, 0);
  }
  const view = new DataView(header.buffer, header.byteOffset, CLIENT_HEADER_LENGTH);
  const size = view.getUint16(0, false);
  const opcode = view.getUint32(2, true);
  if (size < 4) decodeError(`client header size ${size} is smaller than its 4-byte opcode`, 0, opcode);
  return { opcode, payloadLength: size - 4, headerLength: CLIENT_HEADER_LENGTH };
}

/** Encodes a plaintext server header (4 bytes, or 5 for large packets) for `payloadLength` bytes. */
export function encodeServerHeader(opcode: number, payloadLength: number): Uint8Array {
  if ((opcode & 0xffff) !== opcode) encodeError(`server opcode ${opcode} does not fit in u16`, opcode);
  checkPayloadLength(payloadLength, MAX_SERVER_PAYLOAD, opcode);
  const size = payloadLength + 2;
  if (size > LARGE_SIZE_THRESHOLD) {
    return Uint8Array.of(0x80 | (size >>> 16), (size >>> 8) & 0xff, size & 0xff, opcode & 0xff, opcode >>> 8);
  }
  return Uint8Array.of(size >>> 8, size & 0xff, opcode & 0xff, opcode >>> 8);
}

/** The length of a server header, from its first plaintext byte: 5 when 0x80 is set, else 4. */
export function serverHeaderLength(firstByte: number): 4 | 5 {
  return (firstByte & 0x80) !== 0 ? SERVER_LARGE_HEADER_LENGTH : SERVER_HEADER_LENGTH;
}

/** Decodes a plaintext server header of 4 or 5 bytes (as decided by its first byte). */
export function decodeServerHeader(header: Uint8Array): WorldHeader {
  if (header.length === 0) decodeError("server header is empty", 0);
  const first = header[0] ?? 0;
  const headerLength = serverHeaderLength(first);
  if (header.length < headerLength) decodeError(`server header needs ${headerLength} bytes, got ${header.length}`, 0);
  const view = new DataView(header.buffer, header.byteOffset, headerLength);
  const size =
    headerLength === SERVER_LARGE_HEADER_LENGTH
      ? ((first & 0x7f) << 16) | view.getUint16(1, false)
      : view.getUint16(0, false);
  const opcode = view.getUint16(headerLength - 2, true);
  if (size < 2) decodeError(`server header size ${size} is smaller than its 2-byte opcode`, 0, opcode);
  return { opcode, payloadLength: size - 2, headerLength };
}

/** A whole client packet: the header (encrypted in place by `encryptHeader` when given), then the payload. */
export function encodeClientPacket(opcode: number, payload: Uint8Array, encryptHeader?: HeaderCipher): Uint8Array {
  return joinPacket(encodeClientHeader(opcode, payload.length), payload, encryptHeader);
}

/** A whole server packet: the header (encrypted in place by `encryptHeader` when given), then the payload. */
export function encodeServerPacket(opcode: number, payload: Uint8Array, encryptHeader?: HeaderCipher): Uint8Array {
  return joinPacket(encodeServerHeader(opcode, payload.length), payload, encryptHeader);
}

/** Options of {@link createFrameSplitter}. */
export interface FrameSplitterOptions {
  readonly direction: FrameDirection;
  /** Largest payload accepted; a header declaring more is refused before its body is buffered. */
  readonly maxPayload: number;
  /** Decrypts header bytes in place; leave it out while headers are plaintext (before auth). */
  readonly decryptHeader?: HeaderCipher;
}

/** Cuts a TCP byte stream into world frames, whatever the chunk boundaries. */
export interface FrameSplitter {
  /**
   * Appends a chunk and returns an iterator over the frames now complete (parsed as you iterate).
   * The chunk is kept by reference until its bytes are consumed, so do not reuse its memory.
   */
  push(chunk: Uint8Array): IterableIterator<WorldFrame>;
  /** The next complete frame, or `undefined` until more bytes arrive. */
  next(): WorldFrame | undefined;
  /**
   * Sets or clears the header cipher; it applies from the next header not yet started, so call it
   * between frames (e.g. right after reading CMSG_AUTH_SESSION).
   */
  setDecryptHeader(decryptHeader: HeaderCipher | undefined): void;
  /** Bytes received but not yet returned in a frame. */
  readonly bufferedBytes: number;
}

/**
 * Creates a {@link FrameSplitter}. Each header byte is decrypted exactly once and in order; for
 * server-to-client streams the first byte is decrypted alone to learn whether the header has 4 or
 * 5 bytes. Malformed headers and oversized payloads throw {@link ProtocolError}; after that the
 * splitter stays failed and rethrows the same error.
 */
export function createFrameSplitter(options: FrameSplitterOptions): FrameSplitter {
  return new StreamFrameSplitter(options);
}

class StreamFrameSplitter implements FrameSplitter {
  private readonly clientToServer: boolean;
  private readonly maxPayload: number;
  private decryptHeader: HeaderCipher | undefined;
  /** Received chunks; those before `headIndex` are used up, `headOffset` bytes of the head are too. */
  private chunks: Uint8Array[] = [];
  private headIndex = 0;
  private headOffset = 0;
  private buffered = 0;
  /** Stream offset of the next unconsumed byte, for error messages. */
  private streamOffset = 0;
  private readonly header = new Uint8Array(CLIENT_HEADER_LENGTH);
  /** Header bytes read so far (plaintext) and the header's length once known (0 = unknown). */
  private headerFilled = 0;
  private headerLength = 0;
  private pending: WorldHeader | undefined;
  private failure: ProtocolError | undefined;

  constructor(options: FrameSplitterOptions) {
    if (!Number.isInteger(options.maxPayload) || options.maxPayload < 0) {
      throw new RangeError(`maxPayload must be a non-negative integer, got ${options.maxPayload}`);
    }
    this.clientToServer = options.direction === "client-to-server";
    this.maxPayload = options.maxPayload;
    this.decryptHeader = options.decryptHeader;
  }

  get bufferedBytes(): number {
    return this.buffered;
  }

  setDecryptHeader(decryptHeader: HeaderCipher | undefined): void {
    this.decryptHeader = decryptHeader;
  }

  push(chunk: Uint8Array): IterableIterator<WorldFrame> {
    if (this.failure) throw this.failure;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    return this.frames();
  }

  next(): WorldFrame | undefined {
    if (this.failure) throw this.failure;
    try {
      if (this.pending === undefined && !this.readHeader()) return undefined;
      const header = this.pending;
      if (header === undefined || this.buffered < header.payloadLength) return undefined;
      const payload = new Uint8Array(header.payloadLength);
      this.consume(payload, 0, header.payloadLength);
      this.pending = undefined;
      return { opcode: header.opcode, payload };
    } catch (error) {
      if (error instanceof ProtocolError) this.failure = error;
      throw error;
    }
  }

  private *frames(): IterableIterator<WorldFrame> {
    for (let frame = this.next(); frame !== undefined; frame = this.next()) yield frame;
  }

  /** Reads and decrypts as much of the next header as has arrived; true once it is complete. */
  private readHeader(): boolean {
    if (this.headerLength === 0) {
      const firstLength = this.clientToServer ? CLIENT_HEADER_LENGTH : 1;
      if (this.buffered < firstLength) return false;
      this.consume(this.header, 0, firstLength);
      this.decryptHeader?.(this.header.subarray(0, firstLength));
      this.headerFilled = firstLength;
      this.headerLength = this.clientToServer ? CLIENT_HEADER_LENGTH : serverHeaderLength(this.header[0] ?? 0);
    }
    const missing = this.headerLength - this.headerFilled;
    if (missing > 0) {
      if (this.buffered < missing) return false;
      this.consume(this.header, this.headerFilled, missing);
      this.decryptHeader?.(this.header.subarray(this.headerFilled, this.headerLength));
      this.headerFilled = this.headerLength;
    }
    const headerStart = this.streamOffset - this.headerLength;
    const bytes = this.header.subarray(0, this.headerLength);
    this.headerLength = 0;
    this.headerFilled = 0;
    let header: WorldHeader;
    try {
      header = this.clientToServer ? decodeClientHeader(bytes) : decodeServerHeader(bytes);
    } catch (error) {
      // The decoders report offsets within the header; point at the header in the stream instead.
      if (!(error instanceof ProtocolError)) throw error;
      return decodeError(error.reason, headerStart, error.opcode);
    }
    if (header.payloadLength > this.maxPayload) {
      decodeError(`payload of ${header.payloadLength} bytes exceeds the limit of ${this.maxPayload}`, headerStart, header.opcode);
    }
    this.pending = header;
    return true;
  }

  /** Moves `length` buffered bytes into `target` at `targetOffset`. */
  private consume(target: Uint8Array, targetOffset: number, length: number): void {
    let written = 0;
    while (written < length) {
      const head = this.chunks[this.headIndex];
      if (head === undefined) throw new Error("frame splitter consumed more bytes than it buffered");
      const take = Math.min(length - written, head.length - this.headOffset);
      if (take <= 8) {
        // Header-sized copies: a loop is cheaper than creating a subarray.
        for (let i = 0; i < take; i++) target[targetOffset + written + i] = head[this.headOffset + i] ?? 0;
      } else {
        target.set(head.subarray(this.headOffset, this.headOffset + take), targetOffset + written);
      }
      written += take;
      this.headOffset += take;
      if (this.headOffset === head.length) {
        this.headIndex++;
        this.headOffset = 0;
      }
    }
    if (this.headIndex === this.chunks.length) {
      this.chunks = [];
      this.headIndex = 0;
    } else if (this.headIndex >= 64) {
      this.chunks = this.chunks.slice(this.headIndex);
      this.headIndex = 0;
    }
    this.buffered -= length;
    this.streamOffset += length;
  }
}

function joinPacket(header: Uint8Array, payload: Uint8Array, encryptHeader: HeaderCipher | undefined): Uint8Array {
  encryptHeader?.(header);
  const packet = new Uint8Array(header.length + payload.length);
  packet.set(header);
  packet.set(payload, header.length);
  return packet;
}

function checkPayloadLength(payloadLength: number, max: number, opcode: number): void {
  if (!Number.isInteger(payloadLength) || payloadLength < 0 || payloadLength > max) {
    encodeError(`payload of ${payloadLength} bytes does not fit a header (at most ${max})`, opcode);
  }
}

function encodeError(reason: string, opcode: number): never {
  throw new ProtocolError({ reason, offset: 0, opcode, kind: "encode" });
}

function decodeError(reason: string, offset: number, opcode?: number): never {
  throw new ProtocolError({ reason, offset, opcode });
}

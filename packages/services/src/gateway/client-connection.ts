import { isIPv4, type Socket } from "node:net";
import type { Logger } from "pino";
import {
  createFrameSplitter,
  encodeServerPacket,
  ProtocolError,
  type FrameSplitter,
  type WorldFrame,
  type WorldHeaderCipher,
} from "@tc9/sdk/wow";
import type { ConnectionErrorKind, GatewayMetrics } from "./gateway-metrics.js";

/** Limits of one client connection. */
export interface ClientLimits {
  readonly maxPayload: number;
  readonly idleTimeoutMs: number;
  readonly maxWriteBuffer: number;
}

/** Handles one client frame; a returned promise pauses reading until it settles. */
export type ClientFrameHandler = (frame: WorldFrame) => void | Promise<void>;

/** How long a graceful close waits for the peer to take the last bytes. */
const CLOSE_FLUSH_MS = 1_000;

/**
 * One game client's socket (3.3.5a world protocol): client-format frames in, server-format frames
 * out, headers encrypted once the session key is known. Frames are handled one at a time in
 * order; while a handler's promise is pending the socket is paused, so at most one chunk and one
 * frame are buffered. Malformed or oversized frames, a handler failure, a peer that stops reading
 * and idleness end the connection; nothing here throws into the event loop.
 */
export class ClientConnection {
  /** The peer's IP (IPv4-mapped IPv6 unwrapped), as AzerothCore compares it with `last_ip`. */
  readonly ip: string;
  readonly #socket: Socket;
  readonly #splitter: FrameSplitter;
  readonly #limits: ClientLimits;
  readonly #metrics: GatewayMetrics;
  readonly #logger: Logger;
  readonly #received: (bytes: number) => void;
  readonly #sent: (bytes: number) => void;
  #handler: ClientFrameHandler | undefined;
  /** Restarted by every chunk the client sends. */
  readonly #idleTimer: NodeJS.Timeout;
  #encrypt: ((header: Uint8Array) => void) | undefined;
  #pumping = false;
  /** Set by `close`: no further frame is handled while the last bytes drain. */
  #ending = false;
  #closed = false;
  #closeReason = "the client closed the connection";
  readonly #closeListeners: Array<(reason: string) => void> = [];

  constructor(socket: Socket, limits: ClientLimits, metrics: GatewayMetrics, logger: Logger) {
    this.#socket = socket;
    this.#limits = limits;
    this.#metrics = metrics;
    this.#logger = logger;
    this.#received = metrics.traffic("from_client");
    this.#sent = metrics.traffic("to_client");
    this.ip = unwrapIp(socket.remoteAddress ?? "");
    this.#splitter = createFrameSplitter({ direction: "client-to-server", maxPayload: limits.maxPayload });
    socket.setNoDelay(true);
    this.#idleTimer = setTimeout(() => this.fail("idle", `nothing received for ${limits.idleTimeoutMs} ms`), limits.idleTimeoutMs);
    socket.on("error", (error) => {
      this.#closeReason = `socket error: ${error.message}`;
    });
    socket.on("close", () => this.#finish());
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Starts reading; every complete frame goes to `handler`. */
  start(handler: ClientFrameHandler): void {
    this.#handler = handler;
    this.#socket.on("data", (chunk: Buffer) => {
      this.#idleTimer.refresh();
      this.#splitter.push(chunk);
      void this.#pump();
    });
  }

  /** Calls `listener` once when the connection is closed, whoever closed it. */
  onClose(listener: (reason: string) => void): void {
    if (this.#closed) listener(this.#closeReason);
    else this.#closeListeners.push(listener);
  }

  /** Encrypts the headers of every packet sent from now on. */
  encryptOutgoing(cipher: WorldHeaderCipher): void {
    this.#encrypt = (header) => cipher.encryptHeader(header);
  }

  /** Decrypts the headers of every frame after the one being handled. */
  decryptIncoming(cipher: WorldHeaderCipher): void {
    this.#splitter.setDecryptHeader((header) => cipher.decryptHeader(header));
  }

  /** Sends one packet; a client that lets too much pile up unread is cut off. */
  send(opcode: number, payload: Uint8Array): void {
    if (this.#closed || this.#socket.writableEnded) return;
    const packet = encodeServerPacket(opcode, payload, this.#encrypt);
    this.#socket.write(packet);
    this.#sent(packet.length);
    if (this.#socket.writableLength > this.#limits.maxWriteBuffer) {
      this.fail("slow_reader", `the client does not read: ${this.#socket.writableLength} bytes wait to be written`);
    }
  }

  /** Ends the connection once what was sent is flushed (a refusal, a logout, a stop). */
  close(reason: string): void {
    if (this.#closed || this.#socket.writableEnded) return;
    this.#ending = true;
    this.#closeReason = reason;
    this.#socket.end();
    setTimeout(() => this.#socket.destroy(), CLOSE_FLUSH_MS).unref();
  }

  /** Cuts the connection at once because of an error, counted by kind and logged. */
  fail(kind: ConnectionErrorKind, reason: string): void {
    if (this.#closed) return;
    this.#metrics.connectionError(kind);
    this.#logger.info({ peer: this.ip, kind, reason }, "closing client connection");
    this.#closeReason = reason;
    this.#socket.destroy();
  }

  async #pump(): Promise<void> {
    if (this.#pumping || !this.#handler) return;
    this.#pumping = true;
    try {
      while (!this.#closed && !this.#ending) {
        let frame: WorldFrame | undefined;
        try {
          frame = this.#splitter.next();
        } catch (error) {
          this.fail("malformed", error instanceof ProtocolError ? error.message : String(error));
          return;
        }
        if (!frame) return;
        this.#received(frame.payload.length + 6);
        const handled = this.#handle(frame);
        if (handled) {
          this.#socket.pause();
          await handled;
          if (!this.#closed && !this.#ending) this.#socket.resume();
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Runs the handler; its failures (sync or async) end the connection and never escape. */
  #handle(frame: WorldFrame): Promise<void> | undefined {
    const onError = (error: unknown): void => {
      if (error instanceof ProtocolError) this.fail("malformed", error.message);
      else {
        this.#logger.warn({ peer: this.ip, opcode: frame.opcode, err: error }, "client packet handling failed");
        this.fail("handler_failed", `handling opcode 0x${frame.opcode.toString(16)} failed`);
      }
    };
    try {
      const result = this.#handler?.(frame);
      return result?.catch(onError);
    } catch (error) {
      onError(error);
      return undefined;
    }
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#idleTimer);
    for (const listener of this.#closeListeners.splice(0)) listener(this.#closeReason);
  }
}

function unwrapIp(address: string): string {
  const mapped = /^::ffff:(.+)$/i.exec(address)?.[1];
  return mapped !== undefined && isIPv4(mapped) ? mapped : address;
}

import type { Socket } from "node:net";
import { ProtocolError } from "../../wow/codec/protocol-error.js";
import { isKnownOpcode } from "../../wow/opcodes/opcode-name.js";
import { createFrameSplitter, encodeServerPacket, type FrameSplitter, type WorldFrame } from "../../wow/world/framing.js";
import type { WorldPacket } from "./player-create-block.js";
import type { SimulatorLog } from "./simulator-log.js";

/** Limits of one gateway link. */
export interface LinkLimits {
  /** Largest client payload accepted (AzerothCore refuses header sizes of 10240 and more). */
  readonly maxPayload: number;
  /** Close the link after this long without a byte from the gateway. */
  readonly idleTimeoutMs: number;
  /** Close the link when the gateway does not read and this many bytes wait to be written. */
  readonly maxWriteBuffer: number;
}

/** What a link reports to its session. */
export interface LinkEvents {
  /** A complete frame with a known opcode. */
  frame(frame: WorldFrame): void;
  /** Bad input ended the link (counted as a link error). */
  malformed(reason: string): void;
  /** The link is closed, whoever closed it; called once. */
  closed(reason: string): void;
}

/**
 * One TCP connection from a gateway, in ToCloud9's cluster convention: plaintext, frames from the
 * gateway in client header format (6 bytes), frames to it in server header format (4 or 5 bytes).
 * Malformed or oversized frames, unknown opcodes, idleness and a gateway that stops reading end
 * the link; nothing here throws into the event loop.
 */
export class GatewayLink {
  readonly remoteAddress: string;
  readonly #socket: Socket;
  readonly #splitter: FrameSplitter;
  readonly #limits: LinkLimits;
  readonly #events: LinkEvents;
  readonly #log: SimulatorLog;
  #closed = false;
  #closeReason = "connection closed by the gateway";

  constructor(socket: Socket, limits: LinkLimits, events: LinkEvents, log: SimulatorLog) {
    this.#socket = socket;
    this.#limits = limits;
    this.#events = events;
    this.#log = log;
    this.remoteAddress = `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? 0}`;
    this.#splitter = createFrameSplitter({ direction: "client-to-server", maxPayload: limits.maxPayload });
    socket.setNoDelay(true);
    socket.setTimeout(limits.idleTimeoutMs, () => this.close(`idle for ${limits.idleTimeoutMs} ms`));
    socket.on("data", (chunk: Buffer) => this.#receive(chunk));
    socket.on("error", (error) => {
      this.#closeReason = `socket error: ${error.message}`;
    });
    socket.on("close", () => this.#finish());
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Writes one packet; a gateway that lets too much pile up is disconnected. */
  send(packet: WorldPacket): void {
    if (this.#closed || this.#socket.writableEnded || this.#socket.destroyed) return;
    this.#socket.write(encodeServerPacket(packet.opcode, packet.payload));
    if (this.#socket.writableLength > this.#limits.maxWriteBuffer) {
      this.destroy(`the gateway does not read: ${this.#socket.writableLength} bytes wait to be written`);
    }
  }

  /** Ends the link after what was sent is flushed. */
  close(reason: string): void {
    if (this.#closed) return;
    this.#closeReason = reason;
    this.#socket.destroySoon();
  }

  /** Cuts the link at once, without flushing (a crash, a protocol violation). */
  destroy(reason: string): void {
    if (this.#closed) return;
    this.#closeReason = reason;
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    if (this.#closed) return;
    try {
      for (const frame of this.#splitter.push(chunk)) {
        if (!isKnownOpcode(frame.opcode)) {
          throw new ProtocolError({ reason: `opcode 0x${frame.opcode.toString(16)} is not a 3.3.5a opcode`, offset: 0, opcode: frame.opcode });
        }
        this.#events.frame(frame);
        if (this.#closed || this.#socket.destroyed) return;
      }
    } catch (error) {
      const reason = error instanceof ProtocolError ? `malformed input: ${error.message}` : `frame handling failed: ${String(error)}`;
      this.#log.warn({ link: this.remoteAddress, err: error }, "closing gateway link");
      this.#events.malformed(reason);
      this.destroy(reason);
    }
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#events.closed(this.#closeReason);
  }
}

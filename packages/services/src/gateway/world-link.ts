import { connect, type Socket } from "node:net";
import type { Logger } from "pino";
import { createFrameSplitter, encodeClientPacket, Opcode, ProtocolError, type FrameSplitter, type WorldFrame } from "@tc9/sdk/wow";
import type { GatewayMetrics } from "./gateway-metrics.js";

/** Limits and timing of worldserver links. */
export interface WorldLinkSettings {
  readonly connectTimeoutMs: number;
  readonly maxPayload: number;
  readonly maxWriteBuffer: number;
}

/** What a link reports to its session. */
export interface WorldLinkEvents {
  frame(frame: WorldFrame): void;
  /** The link closed, whoever closed it; called once. */
  closed(reason: string): void;
}

/**
 * The gateway's link to a worldserver in ToCloud9's cluster convention: plaintext both ways,
 * frames to the worldserver in client header format, frames from it in server header format, no
 * authentication of its own (the client's CMSG_AUTH_SESSION is replayed). A first
 * SMSG_AUTH_CHALLENGE is dropped, as ToCloud9's gateway does. Malformed frames and a worldserver
 * that does not read end the link.
 */
export class WorldLink {
  readonly address: string;
  readonly #socket: Socket;
  readonly #splitter: FrameSplitter;
  readonly #settings: WorldLinkSettings;
  readonly #metrics: GatewayMetrics;
  readonly #logger: Logger;
  readonly #received: (bytes: number) => void;
  readonly #sent: (bytes: number) => void;
  #events: WorldLinkEvents | undefined;
  /** Frames that arrived before `attach`. */
  readonly #early: WorldFrame[] = [];
  #firstFrame = true;
  /** Set by `close`: nothing more is delivered or sent, even before the socket reports closed. */
  #stopped = false;
  #closed = false;
  #closeReason = "the worldserver closed the link";

  private constructor(address: string, socket: Socket, settings: WorldLinkSettings, metrics: GatewayMetrics, logger: Logger) {
    this.address = address;
    this.#socket = socket;
    this.#settings = settings;
    this.#metrics = metrics;
    this.#logger = logger;
    this.#received = metrics.traffic("from_world");
    this.#sent = metrics.traffic("to_world");
    this.#splitter = createFrameSplitter({ direction: "server-to-client", maxPayload: settings.maxPayload });
    metrics.worldLinkOpened();
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.#receive(chunk));
    socket.on("error", (error) => {
      this.#closeReason = `link error: ${error.message}`;
    });
    socket.on("close", () => this.#finish());
  }

  /** Connects to `address` (`host:port`); rejects after the connect timeout or when `signal` aborts. */
  static open(address: string, settings: WorldLinkSettings, metrics: GatewayMetrics, logger: Logger, signal: AbortSignal): Promise<WorldLink> {
    const separator = address.lastIndexOf(":");
    const host = address.slice(0, separator).replace(/^\[(.*)\]$/, "$1");
    const port = Number(address.slice(separator + 1));
    return new Promise((resolve, reject) => {
      if (separator <= 0 || !Number.isInteger(port) || port < 1 || port > 0xffff) {
        reject(new Error(`worldserver address "${address}" is not host:port`));
        return;
      }
      const socket = connect({ host, port });
      const fail = (error: Error): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", abort);
        socket.destroy();
        reject(error);
      };
      const abort = (): void => fail(new Error("the session ended while connecting"));
      const timer = setTimeout(() => fail(new Error(`no connection to ${address} within ${settings.connectTimeoutMs} ms`)), settings.connectTimeoutMs);
      signal.addEventListener("abort", abort, { once: true });
      socket.once("error", fail);
      socket.once("connect", () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", abort);
        socket.off("error", fail);
        resolve(new WorldLink(address, socket, settings, metrics, logger));
      });
    });
  }

  get isClosed(): boolean {
    return this.#stopped || this.#closed;
  }

  /**
   * Delivers frames to `events` from now on, first those that arrived since `open` and were not
   * delivered yet; a later call hands the link to a new owner (a login hands over to the relay).
   */
  attach(events: WorldLinkEvents): void {
    this.#events = events;
    for (const frame of this.#early.splice(0)) this.#deliver(frame);
    if (this.#closed) events.closed(this.#closeReason);
  }

  /** Sends one packet in client header format; a worldserver that does not read ends the link. */
  send(opcode: number, payload: Uint8Array): void {
    if (this.isClosed || this.#socket.writableEnded) return;
    const packet = encodeClientPacket(opcode, payload);
    this.#socket.write(packet);
    this.#sent(packet.length);
    if (this.#socket.writableLength > this.#settings.maxWriteBuffer) {
      this.#cut(`the worldserver does not read: ${this.#socket.writableLength} bytes wait to be written`);
    }
  }

  /** Closes the link (the worldserver saves and drops the player, as when a client disconnects). */
  close(reason: string): void {
    if (this.isClosed) return;
    this.#stopped = true;
    this.#closeReason = reason;
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    if (this.isClosed) return;
    let frames: WorldFrame[];
    try {
      frames = [...this.#splitter.push(chunk)];
    } catch (error) {
      this.#metrics.connectionError("world_malformed");
      this.#cut(`malformed worldserver stream: ${error instanceof ProtocolError ? error.message : String(error)}`);
      return;
    }
    for (const frame of frames) {
      this.#received(frame.payload.length + 4);
      const dropChallenge = this.#firstFrame && frame.opcode === Opcode.SMSG_AUTH_CHALLENGE;
      this.#firstFrame = false;
      if (dropChallenge) continue;
      if (this.isClosed) return;
      if (this.#events) this.#deliver(frame);
      else this.#early.push(frame);
    }
  }

  #deliver(frame: WorldFrame): void {
    try {
      this.#events?.frame(frame);
    } catch (error) {
      this.#logger.error({ worldserver: this.address, opcode: frame.opcode, err: error }, "relaying a worldserver packet failed");
      this.#cut(`relaying opcode 0x${frame.opcode.toString(16)} failed`);
    }
  }

  #cut(reason: string): void {
    this.#logger.warn({ worldserver: this.address, reason }, "closing worldserver link");
    this.close(reason);
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#metrics.worldLinkClosed();
    this.#events?.closed(this.#closeReason);
  }
}

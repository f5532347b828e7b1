import { connect, type Socket } from "node:net";
import { ProtocolError } from "../../wow/codec/protocol-error.js";
import type { WorldHeaderCipher } from "../../wow/crypto/header-cipher.js";
import { formatOpcode } from "../../wow/opcodes/opcode-name.js";
import { Opcode } from "../../wow/opcodes/opcode-table.js";
import {
  createFrameSplitter,
  encodeClientPacket,
  MAX_SERVER_PAYLOAD,
  type FrameSplitter,
  type WorldFrame,
} from "../../wow/world/framing.js";
import type { MessageCodec } from "../../wow/world/message-codec.js";
import { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError } from "./headless-errors.js";

/** A packet the server sent: its opcode and payload. */
export type ReceivedMessage = WorldFrame;

/** Listens to every received packet, in order. */
export type MessageListener = (message: ReceivedMessage) => void;

/** Where to connect and how long to wait. */
export interface WorldConnectionOptions {
  readonly host: string;
  readonly port: number;
  /** How long connecting may take; default 10 000 ms. */
  readonly timeoutMs?: number;
}

interface Waiter {
  readonly opcodes: readonly number[];
  readonly matches: (message: ReceivedMessage) => boolean;
  readonly resolve: (message: ReceivedMessage) => void;
  readonly reject: (error: HeadlessClientError) => void;
}

/** A plaintext SMSG_AUTH_RESPONSE carrying only a result byte: `00 03 EE 01 <result>`. */
const PLAINTEXT_AUTH_ERROR_HEADER = Uint8Array.of(0x00, 0x03, Opcode.SMSG_AUTH_RESPONSE & 0xff, Opcode.SMSG_AUTH_RESPONSE >> 8);

/**
 * The client end of one world socket (3.3.5a, port 8085): client-format frames out, server-format
 * frames in, header encryption once the session key is known. Every received packet goes to the
 * `message` listeners and to the waiters whose opcode and predicate it matches.
 */
export class WorldConnection {
  readonly #socket: Socket;
  readonly #splitter: FrameSplitter;
  readonly #listeners = new Set<MessageListener>();
  readonly #closeListeners = new Set<(reason: string) => void>();
  readonly #waiters = new Set<Waiter>();
  #encrypt: ((header: Uint8Array) => void) | undefined;
  /** The cipher to turn on once the first bytes of SMSG_AUTH_RESPONSE show whether it is encrypted. */
  #pendingCipher: WorldHeaderCipher | undefined;
  #held: Buffer = Buffer.alloc(0);
  #closeReason: string | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    this.#splitter = createFrameSplitter({ direction: "server-to-client", maxPayload: MAX_SERVER_PAYLOAD });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.#receive(chunk));
    socket.on("error", (error) => this.#finish(`socket error: ${error.message}`));
    socket.on("close", () => this.#finish("the server closed the connection"));
  }

  /** Opens the TCP connection. */
  static open(options: WorldConnectionOptions): Promise<WorldConnection> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      const fail = (cause: unknown): void => {
        socket.destroy();
        reject(
          new HeadlessClientError(
            HEADLESS_CLIENT_ERROR_CODES.connectFailed,
            `could not connect to the world server at ${options.host}:${options.port}; check the realm list address and that the gateway runs`,
            { cause },
          ),
        );
      };
      const timer = setTimeout(() => fail(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
      socket.once("error", fail);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeListener("error", fail);
        resolve(new WorldConnection(socket));
      });
    });
  }

  /** Why the connection closed, or undefined while it is open. */
  get closeReason(): string | undefined {
    return this.#closeReason;
  }

  /**
   * Turns header encryption on after CMSG_AUTH_SESSION was sent: outgoing headers at once, incoming
   * ones from the SMSG_AUTH_RESPONSE on, unless that reply arrives in clear (a server that does not
   * know the account cannot encrypt it), which is then read as it is.
   */
  startEncryption(cipher: WorldHeaderCipher): void {
    this.#encrypt = (header) => cipher.encryptHeader(header);
    this.#pendingCipher = cipher;
  }

  /** Sends one packet. */
  send(opcode: number, payload: Uint8Array): void {
    if (this.#closeReason !== undefined) return;
    this.#socket.write(encodeClientPacket(opcode, payload, this.#encrypt));
  }

  /** Encodes and sends one message. */
  sendMessage<T>(codec: MessageCodec<T>, message: T): void {
    this.send(codec.opcode, codec.encode(message));
  }

  /** Writes raw bytes (malformed-input tests). */
  sendRaw(bytes: Uint8Array): void {
    if (this.#closeReason === undefined) this.#socket.write(bytes);
  }

  on(event: "message", listener: MessageListener): void;
  on(event: "close", listener: (reason: string) => void): void;
  on(event: "message" | "close", listener: MessageListener | ((reason: string) => void)): void {
    if (event === "message") this.#listeners.add(listener as MessageListener);
    else this.#closeListeners.add(listener as (reason: string) => void);
  }

  off(event: "message" | "close", listener: MessageListener | ((reason: string) => void)): void {
    this.#listeners.delete(listener as MessageListener);
    this.#closeListeners.delete(listener as (reason: string) => void);
  }

  /**
   * The next packet with `opcode` (or any of several opcodes) matching `predicate`, received after
   * this call. Rejects with a `timeout` error after `timeoutMs`, or `connectionClosed` when the
   * connection ends first.
   */
  waitFor(
    opcode: number | readonly number[],
    predicate: (message: ReceivedMessage) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ReceivedMessage> {
    const opcodes = typeof opcode === "number" ? [opcode] : opcode;
    return new Promise<ReceivedMessage>((resolve, reject) => {
      if (this.#closeReason !== undefined) {
        reject(this.#closedError(opcodes));
        return;
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.timeout, `no ${describe(opcodes)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        opcodes,
        matches: predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Closes the connection at once. */
  close(): void {
    this.#socket.destroy();
    this.#finish("closed by the client");
  }

  /** Resolves once the connection is closed, whoever closed it. */
  whenClosed(): Promise<string> {
    if (this.#closeReason !== undefined) return Promise.resolve(this.#closeReason);
    return new Promise((resolve) => this.#closeListeners.add(resolve));
  }

  #receive(chunk: Buffer): void {
    let bytes: Buffer = chunk;
    if (this.#pendingCipher) {
      this.#held = Buffer.concat([this.#held, chunk]);
      if (this.#held.length < PLAINTEXT_AUTH_ERROR_HEADER.length) return;
      bytes = this.#held;
      this.#held = Buffer.alloc(0);
      const cipher = this.#pendingCipher;
      this.#pendingCipher = undefined;
      const inClear = PLAINTEXT_AUTH_ERROR_HEADER.every((byte, index) => bytes[index] === byte);
      if (!inClear) this.#splitter.setDecryptHeader((header) => cipher.decryptHeader(header));
    }
    let frames: WorldFrame[];
    try {
      frames = [...this.#splitter.push(bytes)];
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : String(error);
      this.#socket.destroy();
      this.#finish(`the server sent bad bytes: ${reason}`);
      return;
    }
    for (const frame of frames) this.#deliver(frame);
  }

  #deliver(frame: WorldFrame): void {
    for (const listener of this.#listeners) listener(frame);
    for (const waiter of [...this.#waiters]) {
      if (waiter.opcodes.includes(frame.opcode) && waiter.matches(frame)) {
        this.#waiters.delete(waiter);
        waiter.resolve(frame);
      }
    }
  }

  #closedError(opcodes: readonly number[]): HeadlessClientError {
    return new HeadlessClientError(
      HEADLESS_CLIENT_ERROR_CODES.connectionClosed,
      `the connection closed while waiting for ${describe(opcodes)} (${this.#closeReason ?? "closed"})`,
    );
  }

  #finish(reason: string): void {
    if (this.#closeReason !== undefined) return;
    this.#closeReason = reason;
    for (const waiter of this.#waiters) waiter.reject(this.#closedError(waiter.opcodes));
    this.#waiters.clear();
    for (const listener of this.#closeListeners) listener(reason);
    this.#closeListeners.clear();
  }
}

function describe(opcodes: readonly number[]): string {
  return opcodes.map((opcode) => formatOpcode(opcode)).join(" or ");
}

/**
 * A scriptable world server for the headless client's own test: it performs the server side of the
 * 3.3.5a handshake (challenge, digest check with the account's stored K, header cipher), records
 * every client packet and lets the test answer. Built only on `@tc9/sdk/wow`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import {
  authChallengeCodec,
  authResponseCodec,
  authSessionCodec,
  createFrameSplitter,
  encodeServerPacket,
  formatOpcode,
  Opcode,
  ResponseCode,
  verifyAuthSessionDigest,
  WorldHeaderCipher,
  type MessageCodec,
  type WorldFrame,
} from "@tc9/sdk/wow";

/** Answers a client packet; return nothing to only record it. */
export type Responder = (frame: WorldFrame, server: FakeWorldServer) => void;

export class FakeWorldServer {
  readonly #server: Server;
  readonly #sessionKeyOf: (account: string) => Promise<Uint8Array>;
  readonly #received: WorldFrame[] = [];
  readonly #responders = new Map<number, Responder>();
  #socket: Socket | undefined;
  #cipher: WorldHeaderCipher | undefined;
  #wake: (() => void) | undefined;

  private constructor(server: Server, sessionKeyOf: (account: string) => Promise<Uint8Array>) {
    this.#server = server;
    this.#sessionKeyOf = sessionKeyOf;
    server.on("connection", (socket) => this.#accept(socket));
  }

  /** Listens on a free loopback port; `sessionKeyOf` gives the K an account logged on with. */
  static async start(sessionKeyOf: (account: string) => Promise<Uint8Array>): Promise<FakeWorldServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new FakeWorldServer(server, sessionKeyOf);
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Answers every client packet with `opcode` through `responder`. */
  respond(opcode: number, responder: Responder): void {
    this.#responders.set(opcode, responder);
  }

  /** Sends a server packet (encrypted once the client authenticated). */
  send<T>(codec: MessageCodec<T>, message: T): void {
    const cipher = this.#cipher;
    const encrypt = cipher ? (header: Uint8Array): void => cipher.encryptHeader(header) : undefined;
    this.#socket?.write(encodeServerPacket(codec.opcode, codec.encode(message), encrypt));
  }

  /** The first recorded client packet with `opcode` (consumed), waiting up to `timeoutMs`. */
  async next(opcode: number, timeoutMs = 3_000): Promise<WorldFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#received.findIndex((frame) => frame.opcode === opcode);
      if (index >= 0) return this.#received.splice(index, 1)[0] as WorldFrame;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the client sent no ${formatOpcode(opcode)} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async close(): Promise<void> {
    this.#socket?.destroy();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #accept(socket: Socket): void {
    this.#socket = socket;
    const serverSeed = randomBytes(4);
    const splitter = createFrameSplitter({ direction: "client-to-server", maxPayload: 10_000 });
    let work = Promise.resolve();
    socket.on("error", () => undefined);
    socket.on("data", (chunk: Buffer) => {
      splitter.push(chunk);
      work = work.then(async () => {
        for (let frame = splitter.next(); frame; frame = splitter.next()) {
          if (frame.opcode !== Opcode.CMSG_AUTH_SESSION) this.#record(frame);
          else await this.#authenticate(frame, serverSeed, (cipher) => splitter.setDecryptHeader((header) => cipher.decryptHeader(header)));
        }
      });
    });
    this.send(authChallengeCodec, { unknown: 1, serverSeed, seed: randomBytes(32) });
  }

  async #authenticate(frame: WorldFrame, serverSeed: Uint8Array, decrypt: (cipher: WorldHeaderCipher) => void): Promise<void> {
    const session = authSessionCodec.decode(frame.payload);
    const sessionKey = await this.#sessionKeyOf(session.account);
    const valid = verifyAuthSessionDigest({ account: session.account, clientSeed: session.clientSeed, serverSeed, sessionKey }, session.digest);
    this.#cipher = WorldHeaderCipher.forServer(sessionKey);
    decrypt(this.#cipher);
    const billing = { timeRemaining: 0, planFlags: 0, timeRested: 0, expansion: 2 };
    this.send(authResponseCodec, valid ? { result: ResponseCode.AUTH_OK, billing } : { result: ResponseCode.AUTH_FAILED });
  }

  #record(frame: WorldFrame): void {
    this.#received.push(frame);
    this.#responders.get(frame.opcode)?.(frame, this);
    this.#wake?.();
  }
}

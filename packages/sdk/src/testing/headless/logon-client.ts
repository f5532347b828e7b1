import { connect, type Socket } from "node:net";
import { Tc9Error } from "../../errors.js";
import { ProtocolError } from "../../wow/codec/protocol-error.js";
import { createReconnectProof, Srp6Client, toUpperLatinOnly } from "../../wow/crypto/index.js";
import {
  AuthResult,
  createLogonSplitter,
  LOGON_PROTOCOL_VERSION,
  logonChallengeRequestCodec,
  logonChallengeResponseCodec,
  LogonCommand,
  logonCommandName,
  logonProofRequestCodec,
  logonProofResponseCodec,
  realmListRequestCodec,
  realmListResponseCodec,
  reconnectChallengeRequestCodec,
  reconnectChallengeResponseCodec,
  reconnectProofRequestCodec,
  reconnectProofResponseCodec,
  type ChallengeRequest,
  type LogonCommandValue,
  type LogonPacket,
  type RealmEntry,
} from "../../wow/logon/index.js";

/**
 * The logon half of tc9's headless 3.3.5a client: it talks to an authserver on port 3724 exactly
 * like the game client (challenge with the client's fields, SRP6 proof, realm list; or the
 * reconnect exchange with a session key from an earlier logon).
 */

/** Stable codes of {@link LogonClientError}. */
export const LOGON_CLIENT_ERROR_CODES = {
  /** The authserver answered with a non-success `AuthResult` (see `result`). */
  rejected: "TC9_ERR_LOGON_REJECTED",
  /** The authserver closed the connection before answering. */
  connectionClosed: "TC9_ERR_LOGON_CONNECTION_CLOSED",
  /** The TCP connection could not be opened. */
  connectFailed: "TC9_ERR_LOGON_CONNECT_FAILED",
  /** No answer within the timeout. */
  timeout: "TC9_ERR_LOGON_TIMEOUT",
  /** The server's M2 does not prove it knows the verifier. */
  serverProofInvalid: "TC9_ERR_LOGON_SERVER_PROOF_INVALID",
  /** The server sent bytes that are not the expected logon packet. */
  unexpectedReply: "TC9_ERR_LOGON_UNEXPECTED_REPLY",
} as const;

/** One of the codes in {@link LOGON_CLIENT_ERROR_CODES}. */
export type LogonClientErrorCode = (typeof LOGON_CLIENT_ERROR_CODES)[keyof typeof LOGON_CLIENT_ERROR_CODES];

/** The step of the exchange a {@link LogonClientError} happened in. */
export type LogonStage = "connect" | "challenge" | "proof" | "reconnect-challenge" | "reconnect-proof" | "realm-list";

/** A failed logon or reconnect; `result` is the authserver's `AuthResult` when it sent one. */
export class LogonClientError extends Tc9Error {
  declare readonly code: LogonClientErrorCode;
  readonly stage: LogonStage;
  readonly result: number | undefined;

  constructor(code: LogonClientErrorCode, stage: LogonStage, message: string, options?: { result?: number; cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.stage = stage;
    this.result = options?.result;
  }
}

/** Where the authserver is and what the client says about itself in its challenge. */
export interface LogonConnectionOptions {
  readonly host: string;
  readonly port: number;
  /** Client build; default 12340 (3.3.5a). */
  readonly build?: number;
  /** Client locale; default "enUS". */
  readonly locale?: string;
  /** Minutes east of UTC; default 0. */
  readonly timezoneBias?: number;
  /** The IPv4 address the client reports; default "127.0.0.1". */
  readonly clientIp?: string;
  /** Operating system as the client names it ("Win", "OSX"); default "Win". */
  readonly os?: string;
  /** How long to wait for each reply (and the connection); default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** A full SRP6 logon. */
export interface LogonOptions extends LogonConnectionOptions {
  readonly username: string;
  readonly password: string;
  /** The authenticator (TOTP) code, sent when the server asks for one. */
  readonly authenticatorToken?: string;
}

/** A reconnect with the session key of an earlier logon. */
export interface ReconnectOptions extends LogonConnectionOptions {
  readonly username: string;
  /** K from the earlier logon, 40 bytes. */
  readonly sessionKey: Uint8Array;
}

/** What a successful logon yields. */
export interface LogonResult {
  /** K, 40 bytes: the key of the world session (CMSG_AUTH_SESSION digest, header cipher). */
  readonly sessionKey: Uint8Array;
  readonly realms: readonly RealmEntry[];
  /** The account flags of the proof reply (AzerothCore: 0x00800000). */
  readonly accountFlags: number;
}

/** What a successful reconnect yields. */
export interface ReconnectResult {
  readonly realms: readonly RealmEntry[];
}

const DEFAULT_TIMEOUT_MS = 10_000;
const NO_CHECKSUM = new Uint8Array(20);

/** Logs in with name and password: challenge, SRP6 proof (M2 checked), realm list. */
export async function logon(options: LogonOptions): Promise<LogonResult> {
  const connection = await LogonConnection.open(options);
  try {
    connection.send(logonChallengeRequestCodec.encode(challengeRequest(options)));
    const challenge = logonChallengeResponseCodec.decode(await connection.receive(LogonCommand.LOGON_CHALLENGE, "challenge"));
    if (challenge.kind === "failure") throw rejected("challenge", challenge.result);
    const srp = new Srp6Client({
      username: options.username,
      password: options.password,
      salt: challenge.salt,
      serverPublicKey: challenge.serverPublicKey,
      generator: challenge.generator,
      largeSafePrime: challenge.largeSafePrime,
    });
    const token = challenge.authenticator && options.authenticatorToken !== undefined ? { authenticatorToken: options.authenticatorToken } : {};
    connection.send(
      logonProofRequestCodec.encode({
        clientPublicKey: srp.clientPublicKey,
        clientProof: srp.clientProof,
        crcHash: NO_CHECKSUM,
        numberOfKeys: 0,
        ...token,
      }),
    );
    const proof = logonProofResponseCodec.decode(await connection.receive(LogonCommand.LOGON_PROOF, "proof"));
    if (proof.kind === "failure") throw rejected("proof", proof.result);
    if (!srp.verifyServerProof(proof.serverProof)) {
      throw new LogonClientError(
        LOGON_CLIENT_ERROR_CODES.serverProofInvalid,
        "proof",
        "the authserver's M2 does not match; it does not hold this account's verifier (wrong server or a tampered connection)",
      );
    }
    const realms = await requestRealmList(connection);
    return { sessionKey: srp.sessionKey, realms, accountFlags: proof.accountFlags };
  } finally {
    connection.close();
  }
}

/** Reconnects with the session key of an earlier logon: reconnect challenge, reconnect proof, realm list. */
export async function reconnect(options: ReconnectOptions): Promise<ReconnectResult> {
  const connection = await LogonConnection.open(options);
  try {
    connection.send(reconnectChallengeRequestCodec.encode(challengeRequest(options)));
    const challenge = reconnectChallengeResponseCodec.decode(
      await connection.receive(LogonCommand.RECONNECT_CHALLENGE, "reconnect-challenge"),
    );
    if (challenge.kind === "failure") throw rejected("reconnect-challenge", challenge.result);
    const proof = createReconnectProof({
      username: options.username,
      serverChallenge: challenge.challengeData,
      sessionKey: options.sessionKey,
    });
    connection.send(reconnectProofRequestCodec.encode({ ...proof, clientChecksum: NO_CHECKSUM, numberOfKeys: 0 }));
    const reply = reconnectProofResponseCodec.decode(await connection.receive(LogonCommand.RECONNECT_PROOF, "reconnect-proof"));
    if (reply.result !== AuthResult.WOW_SUCCESS) throw rejected("reconnect-proof", reply.result);
    return { realms: await requestRealmList(connection) };
  } finally {
    connection.close();
  }
}

async function requestRealmList(connection: LogonConnection): Promise<readonly RealmEntry[]> {
  connection.send(realmListRequestCodec.encode({}));
  return realmListResponseCodec.decode(await connection.receive(LogonCommand.REALM_LIST, "realm-list")).realms;
}

function challengeRequest(options: LogonConnectionOptions & { readonly username: string }): ChallengeRequest {
  return {
    protocolVersion: LOGON_PROTOCOL_VERSION,
    gameName: "WoW",
    version: { major: 3, minor: 3, patch: 5, build: options.build ?? 12340 },
    platform: "x86",
    os: options.os ?? "Win",
    locale: options.locale ?? "enUS",
    timezoneBias: options.timezoneBias ?? 0,
    clientIp: options.clientIp ?? "127.0.0.1",
    accountName: toUpperLatinOnly(options.username),
  };
}

function rejected(stage: LogonStage, result: number): LogonClientError {
  const name = Object.entries(AuthResult).find(([, value]) => value === result)?.[0] ?? `0x${result.toString(16)}`;
  return new LogonClientError(LOGON_CLIENT_ERROR_CODES.rejected, stage, `the authserver refused the ${stage}: ${name}`, { result });
}

/** One TCP connection to an authserver, cut into logon packets. */
class LogonConnection {
  readonly #socket: Socket;
  readonly #timeoutMs: number;
  readonly #splitter = createLogonSplitter("server-to-client");
  readonly #packets: LogonPacket[] = [];
  #waiter: (() => void) | undefined;
  #failure: unknown;
  #closed = false;

  private constructor(socket: Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.on("data", (chunk: Buffer) => {
      try {
        for (const packet of this.#splitter.push(chunk)) this.#packets.push(packet);
      } catch (error) {
        this.#failure ??= error;
        socket.destroy();
      }
      this.#wake();
    });
    socket.on("error", (error) => (this.#failure ??= error));
    socket.on("close", () => {
      this.#closed = true;
      this.#wake();
    });
  }

  static open(options: LogonConnectionOptions): Promise<LogonConnection> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port, timeout: timeoutMs });
      const fail = (cause: unknown): void => {
        socket.destroy();
        reject(
          new LogonClientError(
            LOGON_CLIENT_ERROR_CODES.connectFailed,
            "connect",
            `could not connect to the authserver at ${options.host}:${options.port}; check that it runs and listens there`,
            { cause },
          ),
        );
      };
      socket.once("error", fail);
      socket.once("timeout", () => fail(new Error(`no connection within ${timeoutMs} ms`)));
      socket.once("connect", () => {
        socket.removeListener("error", fail);
        socket.removeAllListeners("timeout");
        socket.setTimeout(0);
        socket.setNoDelay(true);
        resolve(new LogonConnection(socket, timeoutMs));
      });
    });
  }

  send(bytes: Uint8Array): void {
    this.#socket.write(bytes);
  }

  /** The next packet, which must carry `command`. */
  async receive(command: LogonCommandValue, stage: LogonStage): Promise<Uint8Array> {
    const deadline = Date.now() + this.#timeoutMs;
    for (;;) {
      const packet = this.#packets.shift();
      if (packet) {
        if (packet.command !== command) {
          throw new LogonClientError(
            LOGON_CLIENT_ERROR_CODES.unexpectedReply,
            stage,
            `expected a ${logonCommandName(command) ?? command} reply, the authserver sent ${logonCommandName(packet.command) ?? packet.command}`,
          );
        }
        return packet.bytes;
      }
      if (this.#failure instanceof ProtocolError) {
        throw new LogonClientError(LOGON_CLIENT_ERROR_CODES.unexpectedReply, stage, `the authserver sent bad bytes: ${this.#failure.reason}`, {
          cause: this.#failure,
        });
      }
      if (this.#closed) {
        throw new LogonClientError(
          LOGON_CLIENT_ERROR_CODES.connectionClosed,
          stage,
          `the authserver closed the connection during the ${stage} without answering`,
          { cause: this.#failure },
        );
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !(await this.#wait(remaining))) {
        throw new LogonClientError(LOGON_CLIENT_ERROR_CODES.timeout, stage, `no ${stage} reply within ${this.#timeoutMs} ms`);
      }
    }
  }

  close(): void {
    this.#socket.destroy();
  }

  /** Resolves true when something arrived (or the socket closed), false after `ms`. */
  #wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve(false);
      }, ms);
      this.#waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }
}

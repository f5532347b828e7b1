import { randomBytes } from "node:crypto";
import {
  authChallengeCodec,
  authResponseCodec,
  authSessionCodec,
  characterLoginFailedCodec,
  isKnownOpcode,
  LoginFailureReason,
  Opcode,
  playerLoginCodec,
  ResponseCode,
  type AuthSession,
  type WorldFrame,
} from "@tc9/sdk/wow";
import type { CharacterEditor } from "./character-editor.js";
import { characterScreenHandlers, type CharacterScreenContext } from "./character-screen.js";
import type { ClientConnection } from "./client-connection.js";
import { crossrealmNameAnswer, refilledNameAnswer, type NameQueryDeps } from "./name-queries.js";
import type { WorldAccount } from "./world-accounts.js";
import { judgeAuthSession, welcomePackets } from "./world-auth.js";
import { connectToWorld } from "./world-login.js";
import { WorldPresence, type PresenceDeps, type PresenceEnd } from "./world-presence.js";

/** Everything the sessions of one gateway share. */
export interface SessionDeps extends PresenceDeps, NameQueryDeps {
  readonly findAccount: (username: string) => Promise<WorldAccount | undefined>;
  readonly editor: CharacterEditor;
  readonly authTimeoutMs: number;
  readonly clientCacheVersion: number;
}

type SessionState = "handshake" | "character-screen" | "world";

/**
 * One game client at the gateway (ToCloud9's `GameSocket` + `GameSession`): the world handshake,
 * the character screen answered from the characters service, then a worldserver link per login
 * whose traffic is relayed both ways (name queries excepted: another realm's players are answered
 * here, a worldserver's "not found" is re-filled). Closing either side tears the other down.
 */
export class GatewaySession {
  readonly #connection: ClientConnection;
  readonly #deps: SessionDeps;
  readonly #serverSeed = randomBytes(4);
  readonly #lifetime = new AbortController();
  #state: SessionState = "handshake";
  #account: WorldAccount | undefined;
  /** The client's CMSG_AUTH_SESSION payload, replayed to every worldserver. */
  #authSession: Uint8Array | undefined;
  #presence: WorldPresence | undefined;
  #screen: CharacterScreenContext | undefined;
  readonly #authTimer: NodeJS.Timeout;

  constructor(connection: ClientConnection, deps: SessionDeps) {
    this.#connection = connection;
    this.#deps = deps;
    this.#authTimer = setTimeout(() => {
      deps.metrics.authFailed("timeout");
      connection.close(`no authentication within ${deps.authTimeoutMs} ms`);
    }, deps.authTimeoutMs);
    connection.onClose((reason) => this.#closed(reason));
    connection.send(Opcode.SMSG_AUTH_CHALLENGE, authChallengeCodec.encode({ unknown: 1, serverSeed: this.#serverSeed, seed: randomBytes(32) }));
    connection.start((frame) => this.#fromClient(frame));
  }

  /** The character in the world (or entering it), if any. */
  get character(): bigint | undefined {
    return this.#presence?.character.GUID;
  }

  /** Ends the session: the client is disconnected after what was sent is flushed. */
  close(reason: string): void {
    this.#connection.close(reason);
  }

  #fromClient(frame: WorldFrame): void | Promise<void> {
    if (this.#state === "handshake") {
      if (frame.opcode !== Opcode.CMSG_AUTH_SESSION) {
        this.#deps.metrics.authFailed("malformed");
        return this.#connection.fail("malformed", `opcode 0x${frame.opcode.toString(16)} before CMSG_AUTH_SESSION`);
      }
      return this.#authenticate(frame.payload);
    }
    if (frame.opcode === Opcode.CMSG_AUTH_SESSION || !isKnownOpcode(frame.opcode)) {
      return this.#connection.fail("malformed", `unexpected opcode 0x${frame.opcode.toString(16)} after authentication`);
    }
    const presence = this.#presence;
    if (this.#state === "world" && presence) {
      if (frame.opcode === Opcode.CMSG_PLAYER_LOGIN) return this.#connection.close("a second login while a character is in the world");
      if (frame.opcode === Opcode.CMSG_NAME_QUERY) {
        const answer = crossrealmNameAnswer(this.#deps, frame.payload, this.#lifetime.signal);
        if (answer) return this.#sendWhenReady(Opcode.SMSG_NAME_QUERY_RESPONSE, answer);
      }
      if (frame.opcode !== Opcode.CMSG_CHAR_ENUM) return presence.fromClient(frame);
      this.#leaveWorld("the client asked for the character list");
    }
    if (frame.opcode === Opcode.CMSG_PLAYER_LOGIN) return this.#enterWorld(playerLoginCodec.decode(frame.payload).guid);
    const handler = characterScreenHandlers.get(frame.opcode);
    if (handler && this.#screen) return handler(this.#screen, frame.payload);
    this.#deps.logger.debug({ opcode: frame.opcode }, "opcode ignored at the character screen");
  }

  async #authenticate(payload: Uint8Array): Promise<void> {
    const { metrics } = this.#deps;
    let session: AuthSession;
    try {
      session = authSessionCodec.decode(payload);
    } catch (error) {
      metrics.authFailed("malformed");
      throw error;
    }
    let account: WorldAccount | undefined;
    try {
      account = await this.#deps.findAccount(session.account);
    } catch (error) {
      metrics.authFailed("lookup_failed");
      this.#deps.logger.error({ account: session.account, err: error }, "account lookup failed");
      this.#refuse(authResponseCodec.encode({ result: ResponseCode.AUTH_SYSTEM_ERROR }), "the auth database did not answer");
      return;
    }
    const verdict = judgeAuthSession(session, account, { serverSeed: this.#serverSeed, realmId: this.#deps.realmId, peerIp: this.#connection.ip });
    if (!verdict.ok) {
      metrics.authFailed(verdict.reason);
      if (verdict.cipher) this.#connection.encryptOutgoing(verdict.cipher);
      this.#refuse(authResponseCodec.encode({ result: verdict.result }), `authentication refused: ${verdict.reason}`);
      return;
    }
    clearTimeout(this.#authTimer);
    this.#connection.encryptOutgoing(verdict.cipher);
    this.#connection.decryptIncoming(verdict.cipher);
    this.#account = verdict.account;
    this.#authSession = payload;
    this.#state = "character-screen";
    this.#screen = {
      realmId: this.#deps.realmId,
      accountId: verdict.account.id,
      accountSecurity: verdict.account.security,
      characters: this.#deps.characters,
      editor: this.#deps.editor,
      rpcTimeoutMs: this.#deps.rpcTimeoutMs,
      logger: this.#deps.logger.child({ account: verdict.account.id }),
      send: (opcode, bytes) => this.#connection.send(opcode, bytes),
    };
    for (const packet of welcomePackets(session, verdict.account, this.#deps.clientCacheVersion)) {
      this.#connection.send(packet.opcode, packet.payload);
    }
  }

  #refuse(response: Uint8Array, reason: string): void {
    clearTimeout(this.#authTimer);
    this.#connection.send(Opcode.SMSG_AUTH_RESPONSE, response);
    this.#connection.close(reason);
  }

  /** CMSG_PLAYER_LOGIN: finds the worldserver, opens the link and starts the login there. */
  async #enterWorld(guid: bigint): Promise<void> {
    const account = this.#account;
    const authSession = this.#authSession;
    if (!account || !authSession) return;
    this.#state = "world";
    const attempt = await connectToWorld(
      { ...this.#deps, logger: this.#deps.logger.child({ account: account.id }) },
      account.id,
      guid,
      this.#lifetime.signal,
    );
    if (!attempt.ok) {
      this.#deps.logger.info({ account: account.id, guid, detail: attempt.detail }, "login failed");
      return this.#backToScreen(attempt.reason);
    }
    if (this.#connection.isClosed) {
      attempt.link.close("the client left during the login");
      return;
    }
    const presence = new WorldPresence(attempt.link, attempt.character, account.id, authSession, {
      sendToClient: (opcode, payload) => this.#fromWorld(opcode, payload),
      ended: (end) => this.#worldEnded(presence, end),
    }, this.#deps);
    this.#presence = presence;
    void presence.begin();
  }

  /** A worldserver packet for the client; a "not found" name query answer may be re-filled first. */
  #fromWorld(opcode: number, payload: Uint8Array): void {
    const refilled = opcode === Opcode.SMSG_NAME_QUERY_RESPONSE ? refilledNameAnswer(this.#deps, payload, this.#lifetime.signal) : undefined;
    if (refilled) this.#sendWhenReady(opcode, refilled);
    else this.#connection.send(opcode, payload);
  }

  /**
   * Sends an answer the gateway looks up without holding the client's other packets back (it may
   * overtake or follow packets sent meanwhile; the client matches name answers by GUID).
   */
  #sendWhenReady(opcode: number, payload: Promise<Uint8Array>): void {
    void payload.then((bytes) => this.#connection.send(opcode, bytes));
  }

  #worldEnded(presence: WorldPresence, end: PresenceEnd): void {
    if (this.#presence !== presence) return;
    this.#presence = undefined;
    this.#state = "character-screen";
    if (end.kind !== "lost") return;
    this.#deps.logger.info({ guid: presence.character.GUID, reason: end.reason }, "worldserver link lost; back to the character screen");
    this.#backToScreen(LoginFailureReason.NO_WORLD);
  }

  #backToScreen(reason: number): void {
    this.#state = "character-screen";
    this.#connection.send(Opcode.SMSG_CHARACTER_LOGIN_FAILED, characterLoginFailedCodec.encode({ result: reason }));
  }

  #leaveWorld(reason: string): void {
    const presence = this.#presence;
    this.#presence = undefined;
    this.#state = "character-screen";
    presence?.leave(reason);
  }

  #closed(reason: string): void {
    clearTimeout(this.#authTimer);
    this.#lifetime.abort();
    this.#leaveWorld(`the client connection closed: ${reason}`);
  }
}

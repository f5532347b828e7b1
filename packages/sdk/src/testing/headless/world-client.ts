import type { MessageCodec } from "../../wow/world/message-codec.js";
import { Opcode } from "../../wow/opcodes/opcode-table.js";
import { charCreateRequestCodec, charCreateResultCodec, type CharacterCreate } from "../../wow/world/messages/char-create.js";
import { charDeleteRequestCodec, charDeleteResultCodec } from "../../wow/world/messages/char-delete.js";
import { charEnumCodec, charEnumRequestCodec, type CharacterEnumEntry } from "../../wow/world/messages/char-enum.js";
import { logoutRequestCodec } from "../../wow/world/messages/logout.js";
import {
  characterLoginFailedCodec,
  loginVerifyWorldCodec,
  playerLoginCodec,
  type MapLocation,
} from "../../wow/world/messages/player-login.js";
import { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError } from "./headless-errors.js";
import { startClientReflexes, type PlayerView } from "./client-reflexes.js";
import type { MessageListener, ReceivedMessage, WorldConnection } from "./world-connection.js";

/** Timing of a world client. */
export interface WorldClientTiming {
  /** How long each awaited reply may take; default 10 000 ms. */
  readonly timeoutMs?: number;
  /** CMSG_PING period; default 30 000 ms, like the game client. */
  readonly pingIntervalMs?: number;
}

/** The character the client plays, once it entered the world. */
export interface PlayerInWorld {
  readonly guid: bigint;
  readonly race: number;
  /** Where the server last put the character (login, teleport, new world). */
  readonly location: MapLocation;
}

/** The fields of CMSG_CHAR_CREATE a caller may leave out get a human warrior's. */
export type NewCharacter = Partial<CharacterCreate> & Pick<CharacterCreate, "name">;

const DEFAULT_CHARACTER: Omit<CharacterCreate, "name"> = {
  race: 1, classId: 1, gender: 0, skin: 0, face: 0, hairStyle: 0, hairColor: 0, facialHair: 0, outfitId: 0,
};

/**
 * The world half of the headless client after authentication: the character screen, entering the
 * world and leaving it, and the packets a game client answers on its own (time sync, teleport and
 * world-port acknowledgements, periodic pings). Events of every received packet go to `on("message")`.
 */
export class WorldClient {
  protected readonly timeoutMs: number;
  readonly #pingIntervalMs: number;
  readonly #listeners = new Set<MessageListener>();
  readonly #known = new Map<bigint, CharacterEnumEntry>();
  readonly #view: PlayerView = { player: undefined };
  #connection: WorldConnection | undefined;
  #stopReflexes: (() => void) | undefined;

  constructor(timing: WorldClientTiming = {}) {
    this.timeoutMs = timing.timeoutMs ?? 10_000;
    this.#pingIntervalMs = timing.pingIntervalMs ?? 30_000;
  }

  /** The character in the world, or undefined at the character screen. */
  get player(): PlayerInWorld | undefined {
    return this.#view.player;
  }

  /** True while a world connection is open. */
  get connected(): boolean {
    return this.#connection !== undefined && this.#connection.closeReason === undefined;
  }

  /** Listens to every packet the world server sends (from the next packet on). */
  on(event: "message", listener: MessageListener): void {
    if (event === "message") this.#listeners.add(listener);
  }

  off(event: "message", listener: MessageListener): void {
    if (event === "message") this.#listeners.delete(listener);
  }

  /** The next packet with `opcode` matching `predicate`, received after this call. */
  waitFor(opcode: number | readonly number[], predicate?: (message: ReceivedMessage) => boolean, timeoutMs = this.timeoutMs): Promise<ReceivedMessage> {
    return this.connection.waitFor(opcode, predicate, timeoutMs);
  }

  /** Resolves with the reason once the world connection closes. */
  whenClosed(): Promise<string> {
    return this.connection.whenClosed();
  }

  /** SMSG_CHAR_ENUM: the account's characters on the realm. */
  async characters(): Promise<readonly CharacterEnumEntry[]> {
    const reply = await this.request(charEnumRequestCodec, {}, Opcode.SMSG_CHAR_ENUM);
    const { characters } = charEnumCodec.decode(reply.payload);
    for (const character of characters) this.#known.set(character.guid, character);
    return characters;
  }

  /** CMSG_CHAR_CREATE; resolves with the SMSG_CHAR_CREATE result (a `ResponseCode`). */
  async createCharacter(character: NewCharacter): Promise<number> {
    const reply = await this.request(charCreateRequestCodec, { ...DEFAULT_CHARACTER, ...character }, Opcode.SMSG_CHAR_CREATE);
    return charCreateResultCodec.decode(reply.payload).result;
  }

  /** CMSG_CHAR_DELETE; resolves with the SMSG_CHAR_DELETE result (a `ResponseCode`). */
  async deleteCharacter(guid: bigint): Promise<number> {
    const reply = await this.request(charDeleteRequestCodec, { guid }, Opcode.SMSG_CHAR_DELETE);
    return charDeleteResultCodec.decode(reply.payload).result;
  }

  /**
   * CMSG_PLAYER_LOGIN; resolves with SMSG_LOGIN_VERIFY_WORLD's location, rejects with `loginFailed`
   * (and the reason) on SMSG_CHARACTER_LOGIN_FAILED.
   */
  async enterWorld(guid: bigint): Promise<MapLocation> {
    const reply = await this.request(playerLoginCodec, { guid }, [Opcode.SMSG_LOGIN_VERIFY_WORLD, Opcode.SMSG_CHARACTER_LOGIN_FAILED]);
    if (reply.opcode === Opcode.SMSG_CHARACTER_LOGIN_FAILED) {
      const { result } = characterLoginFailedCodec.decode(reply.payload);
      throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.loginFailed, `the login of character ${guid} failed with reason ${result}`, {
        result,
      });
    }
    const location = loginVerifyWorldCodec.decode(reply.payload);
    this.#view.player = { guid, race: this.#known.get(guid)?.race ?? DEFAULT_CHARACTER.race, location };
    return location;
  }

  /** CMSG_LOGOUT_REQUEST; resolves on SMSG_LOGOUT_COMPLETE, back at the character screen. */
  async logout(): Promise<void> {
    this.requirePlayer();
    await this.request(logoutRequestCodec, {}, Opcode.SMSG_LOGOUT_COMPLETE);
  }

  /** Closes the world connection (the client quits). */
  close(): void {
    this.#stopReflexes?.();
    this.#stopReflexes = undefined;
    this.#connection?.close();
    this.#view.player = undefined;
  }

  /** Takes over an authenticated connection: the reflexes start and received packets reach the listeners. */
  protected attach(connection: WorldConnection): void {
    this.close();
    this.#connection = connection;
    connection.on("message", (message) => {
      for (const listener of this.#listeners) listener(message);
    });
    this.#stopReflexes = startClientReflexes(connection, this.#view, this.#pingIntervalMs);
  }

  /** The open world connection; throws `wrongState` without one. */
  protected get connection(): WorldConnection {
    const connection = this.#connection;
    if (!connection || connection.closeReason !== undefined) {
      throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.wrongState, "no open world connection; call connectWorld(realm) first");
    }
    return connection;
  }

  /** The character in the world; throws `wrongState` at the character screen. */
  protected requirePlayer(): PlayerInWorld {
    const player = this.#view.player;
    if (!player) throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.wrongState, "no character is in the world; call enterWorld(guid) first");
    return player;
  }

  /** Sends a message and waits for the reply with `replyOpcode` (or any of several). */
  protected async request<T>(codec: MessageCodec<T>, message: T, replyOpcode: number | readonly number[]): Promise<ReceivedMessage> {
    const connection = this.connection;
    const reply = connection.waitFor(replyOpcode, undefined, this.timeoutMs);
    try {
      connection.sendMessage(codec, message);
    } catch (error) {
      reply.catch(() => undefined);
      throw error;
    }
    return reply;
  }

  /** Sends any message without waiting for an answer (pair it with `waitFor` registered first). */
  send<T>(codec: MessageCodec<T>, message: T): void {
    this.connection.sendMessage(codec, message);
  }
}

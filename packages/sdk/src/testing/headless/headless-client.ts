import { Opcode } from "../../wow/opcodes/opcode-table.js";
import type { RealmEntry } from "../../wow/logon/realm-list.js";
import type { AuthResponse } from "../../wow/world/messages/auth-response.js";
import { joinChannelCodec } from "../../wow/world/messages/channel.js";
import { ChatMsg, Language } from "../../wow/world/messages/chat-types.js";
import { clientChatMessageCodec } from "../../wow/world/messages/chat.js";
import { cmsgGroupAcceptCodec, cmsgGroupInviteCodec } from "../../wow/world/messages/group.js";
import { cmsgGuildAcceptCodec, cmsgGuildInviteCodec } from "../../wow/world/messages/guild.js";
import type { MapLocation } from "../../wow/world/messages/player-login.js";
import { newWorldCodec } from "../../wow/world/messages/world-transfer.js";
import { whoRequestCodec, whoResponseCodec, type WhoRequest, type WhoResponse } from "../../wow/world/messages/who.js";
import { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError } from "./headless-errors.js";
import { logon, type LogonConnectionOptions, type LogonResult } from "./logon-client.js";
import { WorldClient, type WorldClientTiming } from "./world-client.js";
import { WorldConnection } from "./world-connection.js";
import { authenticateWorld } from "./world-handshake.js";

/** Who the headless client is and where its authserver is. */
export interface HeadlessClientOptions extends WorldClientTiming {
  /** The authserver (port 3724) and what the client reports in its logon challenge. */
  readonly auth: LogonConnectionOptions;
  readonly username: string;
  readonly password: string;
}

/** Races whose characters speak Orcish by default; the others speak Common. */
const HORDE_RACES: ReadonlySet<number> = new Set([2, 5, 6, 8, 10]);

/** A realm to connect to: an entry of the realm list, or its address and id. */
export type RealmTarget = Pick<RealmEntry, "address" | "id">;

/**
 * tc9's headless 3.3.5a client: it does what the game client does, from the logon on port 3724
 * (SRP6, realm list) over the world handshake (digest, header cipher) to the character screen,
 * the world, chat and social requests, teleports and logout, built on `@tc9/sdk/wow` only.
 * Methods resolve when their packet is sent or, where the game expects one, when the reply
 * arrives; every wait has a timeout.
 */
export class HeadlessClient extends WorldClient {
  readonly #options: HeadlessClientOptions;
  #logon: LogonResult | undefined;

  constructor(options: HeadlessClientOptions) {
    super(options);
    this.#options = options;
  }

  /** Logs on to the authserver (SRP6) and fetches the realm list; keeps the session key. */
  async logon(): Promise<LogonResult> {
    this.#logon = await logon({ timeoutMs: this.timeoutMs, ...this.#options.auth, username: this.#options.username, password: this.#options.password });
    return this.#logon;
  }

  /** The realm list of the last logon. */
  realms(): readonly RealmEntry[] {
    return this.#requireLogon().realms;
  }

  /** Connects to a realm's world server (its gateway) and authenticates with the session key. */
  async connectWorld(realm: RealmTarget): Promise<AuthResponse> {
    const { sessionKey } = this.#requireLogon();
    const separator = realm.address.lastIndexOf(":");
    const host = realm.address.slice(0, separator);
    const port = Number(realm.address.slice(separator + 1));
    if (separator <= 0 || !Number.isInteger(port)) {
      throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.wrongState, `realm address "${realm.address}" is not host:port`);
    }
    const connection = await WorldConnection.open({ host, port, timeoutMs: this.timeoutMs });
    try {
      const response = await authenticateWorld(connection, {
        username: this.#options.username,
        sessionKey,
        realmId: realm.id,
        timeoutMs: this.timeoutMs,
      });
      this.attach(connection);
      return response;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  /** Says `text` (CMSG_MESSAGECHAT SAY in the character's language). */
  say(text: string): void {
    this.send(clientChatMessageCodec, { type: ChatMsg.SAY, language: this.#language(), message: text });
  }

  /** Whispers `text` to the character named `name`. */
  whisper(name: string, text: string): void {
    this.send(clientChatMessageCodec, { type: ChatMsg.WHISPER, language: this.#language(), target: name, message: text });
  }

  /** Joins a custom chat channel (CMSG_JOIN_CHANNEL). */
  joinChannel(name: string, password = ""): void {
    this.requirePlayer();
    this.send(joinChannelCodec, { channelId: 0, unknown1: 0, unknown2: 0, channelName: name, password });
  }

  /** Writes `text` in a chat channel. */
  sendChannel(name: string, text: string): void {
    this.send(clientChatMessageCodec, { type: ChatMsg.CHANNEL, language: this.#language(), channel: name, message: text });
  }

  /** CMSG_WHO; resolves with SMSG_WHO. Unset filters match everyone. */
  async who(filter: Partial<WhoRequest> = {}): Promise<WhoResponse> {
    this.requirePlayer();
    const request: WhoRequest = {
      minLevel: 0, maxLevel: 100, playerName: "", guildName: "", raceMask: 0xffffffff, classMask: 0xffffffff, zones: [], searchStrings: [],
      ...filter,
    };
    return whoResponseCodec.decode((await this.request(whoRequestCodec, request, Opcode.SMSG_WHO)).payload);
  }

  /** Invites a character into the group (CMSG_GROUP_INVITE). */
  groupInvite(name: string): void {
    this.requirePlayer();
    this.send(cmsgGroupInviteCodec, { name });
  }

  /** Accepts the pending group invitation (CMSG_GROUP_ACCEPT). */
  groupAccept(): void {
    this.requirePlayer();
    this.send(cmsgGroupAcceptCodec, {});
  }

  /** Invites a character into the guild (CMSG_GUILD_INVITE). */
  guildInvite(name: string): void {
    this.requirePlayer();
    this.send(cmsgGuildInviteCodec, { name });
  }

  /** Accepts the pending guild invitation (CMSG_GUILD_ACCEPT). */
  guildAccept(): void {
    this.requirePlayer();
    this.send(cmsgGuildAcceptCodec, {});
  }

  /**
   * Teleports with the GM command `.go xyz`: resolves once the server moved the character
   * (MSG_MOVE_TELEPORT_ACK on the same map, SMSG_NEW_WORLD for the target map on another) and the
   * client acknowledged it. A late repeat of an earlier teleport's acknowledgement, or another
   * map's SMSG_NEW_WORLD, does not count.
   */
  async teleport(x: number, y: number, z: number, map?: number): Promise<MapLocation> {
    const player = this.requirePlayer();
    const target = map ?? player.location.map;
    const guid = player.guid;
    const arrived =
      target === player.location.map
        ? this.waitFor(Opcode.MSG_MOVE_TELEPORT_ACK)
        : this.waitFor(Opcode.SMSG_NEW_WORLD, (message) => newWorldCodec.decode(message.payload).map === target);
    this.say(`.go xyz ${x} ${y} ${z} ${target}`);
    await arrived;
    const moved = this.player;
    if (!moved || moved.guid !== guid) {
      throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.wrongState, "the character left the world during the teleport");
    }
    return moved.location;
  }

  #language(): number {
    return HORDE_RACES.has(this.requirePlayer().race) ? Language.ORCISH : Language.COMMON;
  }

  #requireLogon(): LogonResult {
    if (!this.#logon) throw new HeadlessClientError(HEADLESS_CLIENT_ERROR_CODES.wrongState, "not logged on; call logon() first");
    return this.#logon;
  }
}

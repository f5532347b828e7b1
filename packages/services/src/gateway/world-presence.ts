import type { LogInCharacter } from "@tc9/sdk/contracts";
import { loginVerifyWorldCodec, Opcode, playerLoginCodec, type WorldFrame } from "@tc9/sdk/wow";
import type { Logger } from "pino";
import { CharacterStats } from "./character-stats.js";
import type { GatewayEvents } from "./gateway-events.js";
import type { GatewayMetrics } from "./gateway-metrics.js";
import type { WorldLink } from "./world-link.js";

/** How a character's time in a world ended, when the world side ended it. */
export type PresenceEnd =
  /** SMSG_LOGOUT_COMPLETE was relayed: the client is back at the character screen. */
  | { readonly kind: "logout" }
  /** The worldserver refused the login with SMSG_CHARACTER_LOGIN_FAILED (relayed). */
  | { readonly kind: "refused" }
  /** The link closed or the login timed out; the client has not been told yet. */
  | { readonly kind: "lost"; readonly reason: string };

/** The session a presence belongs to. */
export interface PresenceHost {
  sendToClient(opcode: number, payload: Uint8Array): void;
  /** Called once when the world side ended the presence (never after `leave`). */
  ended(end: PresenceEnd): void;
}

/** What a presence needs from the gateway. */
export interface PresenceDeps {
  readonly events: GatewayEvents;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  /** How long the worldserver may take to answer CMSG_PLAYER_LOGIN. */
  readonly loginTimeoutMs: number;
}

/**
 * One character's time in a world through one worldserver link: the login in ToCloud9's
 * convention (the client's CMSG_AUTH_SESSION replayed in plaintext, a pause, CMSG_PLAYER_LOGIN),
 * then the relay both ways. It publishes `gw.char.logged-in` on SMSG_LOGIN_VERIFY_WORLD, feeds
 * `gw.char.chars-updates` from the snooped packets, and publishes `gw.char.logged-out` when the
 * character leaves: logout, a dropped link, or the session letting go.
 */
export class WorldPresence {
  readonly character: LogInCharacter;
  readonly #link: WorldLink;
  readonly #accountId: number;
  readonly #host: PresenceHost;
  readonly #deps: PresenceDeps;
  readonly #stats: CharacterStats;
  readonly #toWorld: (seconds: number) => void;
  readonly #toClient: (seconds: number) => void;
  #inWorld = false;
  #over = false;
  #loginTimer: NodeJS.Timeout | undefined;

  constructor(link: WorldLink, character: LogInCharacter, accountId: number, host: PresenceHost, deps: PresenceDeps) {
    this.character = character;
    this.#link = link;
    this.#accountId = accountId;
    this.#host = host;
    this.#deps = deps;
    this.#stats = new CharacterStats(character.GUID, { level: character.level, map: character.map, zone: character.zone });
    this.#toWorld = deps.metrics.relay("client_to_world");
    this.#toClient = deps.metrics.relay("world_to_client");
    link.attach({ frame: (frame) => this.#fromWorld(frame), closed: (reason) => this.#end({ kind: "lost", reason }) });
  }

  /** True once SMSG_LOGIN_VERIFY_WORLD was relayed and until the presence ends. */
  get inWorld(): boolean {
    return this.#inWorld;
  }

  /** Replays the client's CMSG_AUTH_SESSION, waits `delayMs` (ToCloud9: 200 ms) and sends CMSG_PLAYER_LOGIN. */
  async begin(authSession: Uint8Array, delayMs: number): Promise<void> {
    this.#link.send(Opcode.CMSG_AUTH_SESSION, authSession);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (this.#over) return;
    this.#link.send(playerLoginCodec.opcode, playerLoginCodec.encode({ guid: this.character.GUID }));
    this.#loginTimer = setTimeout(
      () => this.#end({ kind: "lost", reason: `no SMSG_LOGIN_VERIFY_WORLD within ${this.#deps.loginTimeoutMs} ms` }),
      this.#deps.loginTimeoutMs,
    );
  }

  /** Relays a client packet to the worldserver. */
  fromClient(frame: WorldFrame): void {
    const started = performance.now();
    this.#link.send(frame.opcode, frame.payload);
    this.#toWorld((performance.now() - started) / 1000);
  }

  /** The session lets go (client gone, character list asked for, gateway stopping): the link closes. */
  leave(reason: string): void {
    if (this.#over) return;
    this.#finish(reason);
  }

  #fromWorld(frame: WorldFrame): void {
    if (this.#over) return;
    const started = performance.now();
    this.#host.sendToClient(frame.opcode, frame.payload);
    this.#toClient((performance.now() - started) / 1000);
    switch (frame.opcode) {
      case Opcode.SMSG_LOGIN_VERIFY_WORLD:
        if (!this.#inWorld) this.#entered(frame);
        break;
      case Opcode.SMSG_CHARACTER_LOGIN_FAILED:
        if (!this.#inWorld) this.#end({ kind: "refused" });
        return;
      case Opcode.SMSG_LOGOUT_COMPLETE:
        this.#end({ kind: "logout" });
        return;
    }
    const changes = this.#stats.observe(frame);
    if (changes && this.#inWorld) this.#deps.events.changed(this.character.GUID, changes);
  }

  #entered(frame: WorldFrame): void {
    clearTimeout(this.#loginTimer);
    this.#inWorld = true;
    const { map, position } = loginVerifyWorldCodec.decode(frame.payload);
    const character = this.character;
    this.#deps.events.loggedIn({
      CharGUID: character.GUID,
      CharName: character.name,
      CharRace: character.race,
      CharClass: character.class,
      CharGender: character.gender,
      CharLevel: character.level,
      CharZone: character.zone,
      CharMap: map,
      CharPosX: position.x,
      CharPosY: position.y,
      CharPosZ: position.z,
      CharGuildID: character.guildID,
      AccountID: this.#accountId,
    });
    this.#deps.logger.info({ guid: character.GUID, name: character.name, worldserver: this.#link.address }, "character entered the world");
  }

  #end(end: PresenceEnd): void {
    if (this.#over) return;
    this.#finish(end.kind === "lost" ? end.reason : end.kind);
    this.#host.ended(end);
  }

  #finish(reason: string): void {
    this.#over = true;
    clearTimeout(this.#loginTimer);
    this.#link.close(reason);
    if (!this.#inWorld) return;
    this.#inWorld = false;
    const character = this.character;
    this.#deps.events.loggedOut({ CharGUID: character.GUID, CharName: character.name, CharGuildID: character.guildID, AccountID: this.#accountId });
    this.#deps.logger.info({ guid: character.GUID, reason }, "character left the world");
  }
}

import { setTimeout as sleep } from "node:timers/promises";
import type { Client } from "@tc9/sdk";
import type { CharactersService, LogInCharacter } from "@tc9/sdk/contracts";
import {
  loginVerifyWorldCodec,
  MOVEMENT_OPCODES,
  movementCodec,
  newWorldCodec,
  Opcode,
  prepareForRedirectCodec,
  readyForRedirectCodec,
  RedirectStatus,
  type MapLocation,
  type MessageCodec,
  type MovementMessage,
  type WorldFrame,
} from "@tc9/sdk/wow";
import type { Logger } from "pino";
import { CharacterStats } from "./character-stats.js";
import type { GatewayEvents } from "./gateway-events.js";
import type { GatewayMetrics, MoveKind } from "./gateway-metrics.js";
import { WorldLink, type WorldLinkSettings } from "./world-link.js";
import { loginOnLink, type LinkLoginTiming } from "./world-login.js";
import { placementCandidates, registryChoice, type PlacementDeps } from "./world-placement.js";

/** How a character's time in a world ended, when the world side ended it. */
export type PresenceEnd =
  /** SMSG_LOGOUT_COMPLETE was relayed: the client is back at the character screen. */
  | { readonly kind: "logout" }
  /** The worldserver refused the login with SMSG_CHARACTER_LOGIN_FAILED (relayed). */
  | { readonly kind: "refused" }
  /** The login failed, or the character lost its worldserver and no other took it; the client has not been told yet. */
  | { readonly kind: "lost"; readonly reason: string };

/** The session a presence belongs to. */
export interface PresenceHost {
  sendToClient(opcode: number, payload: Uint8Array): void;
  /** Called once when the world side ended the presence (never after `leave`). */
  ended(end: PresenceEnd): void;
}

/** Moving characters between worldservers (see the README's "Map changes, crashes and stalls"). */
export interface MoveSettings {
  /** How long the old worldserver may take to answer TC9_CMSG_PREPARE_FOR_REDIRECT. */
  readonly redirectTimeoutMs: number;
  /** Client packets held during a move; further ones are dropped. */
  readonly queueLimit: number;
  readonly failover: { readonly firstDelayMs: number; readonly tries: number; readonly intervalMs: number };
}

/** What a presence needs from the gateway. */
export interface PresenceDeps extends PlacementDeps {
  readonly characters: Client<typeof CharactersService>;
  readonly events: GatewayEvents;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly link: WorldLinkSettings;
  readonly login: LinkLoginTiming;
  readonly moves: MoveSettings;
  /**
   * Clears the character's `online` flag in the realm's characters database: after a move that
   * lost it, no worldserver holds the character, while the one it left saved it online.
   */
  readonly characterOffline: (guid: bigint) => Promise<void>;
}

/** A character logged in on a worldserver: the link, its SMSG_LOGIN_VERIFY_WORLD and what came before and after it. */
interface Placement {
  readonly link: WorldLink;
  readonly verify: WorldFrame;
  readonly before: readonly WorldFrame[];
  readonly after: readonly WorldFrame[];
}

/**
 * How a move went: on the target (`ok`), back on the worldserver left (`returned`), not started
 * because the old worldserver refused or did not answer (`stayed`), not needed (`unneeded`: the
 * registry keeps the map there), the link was found dead (`crashed`: a failover follows), or
 * nobody took the character (`lost`).
 */
type MoveOutcome = "ok" | "returned" | "stayed" | "unneeded" | "crashed" | "lost";

const API = "tc9";

/**
 * Client packets dropped during a move: movement, acknowledgements and time sync answers only mean
 * something to the worldserver being left (the next one loads the saved position and starts its
 * own counters). Everything else is held and delivered to the next worldserver after the login.
 */
const DROPPED_WHILE_MOVING: ReadonlySet<number> = new Set([
  ...MOVEMENT_OPCODES,
  Opcode.MSG_MOVE_WORLDPORT_ACK,
  Opcode.MSG_MOVE_TELEPORT_ACK,
  Opcode.CMSG_TIME_SYNC_RESP,
]);

const movementCodecs = new Map<number, MessageCodec<MovementMessage>>(MOVEMENT_OPCODES.map((opcode) => [opcode, movementCodec(opcode)]));

/**
 * One character's time in the world, over one worldserver link at a time: the login in ToCloud9's
 * convention, then the relay both ways. It publishes `gw.char.logged-in` on SMSG_LOGIN_VERIFY_WORLD,
 * feeds `gw.char.chars-updates` from the snooped packets, and publishes `gw.char.logged-out` when
 * the character leaves: logout, a lost worldserver nobody replaces, or the session letting go.
 * It follows the character's position (SMSG_LOGIN_VERIFY_WORLD, SMSG_NEW_WORLD, the client's
 * MSG_MOVE_*) and moves it to another worldserver, the client staying connected: on a map change
 * the registry gives to another worldserver (MSG_MOVE_WORLDPORT_ACK after SMSG_NEW_WORLD), on an
 * unsolicited TC9_SMSG_READY_FOR_REDIRECT (its map was reassigned) and when the link closes
 * unexpectedly (failover). During the login and a move, client packets are held; a move ends with
 * SMSG_NEW_WORLD at the position the next worldserver loaded.
 */
export class WorldPresence {
  readonly character: LogInCharacter;
  readonly #accountId: number;
  readonly #authSession: Uint8Array;
  readonly #host: PresenceHost;
  readonly #deps: PresenceDeps;
  readonly #stats: CharacterStats;
  readonly #toWorld: (seconds: number) => void;
  readonly #toClient: (seconds: number) => void;
  readonly #lifetime = new AbortController();
  #link: WorldLink;
  #location: MapLocation;
  #inWorld = false;
  #over = false;
  /** A move is under way (from the registry lookup of a map change on). */
  #moving = false;
  /** The character is logging in or being handed over: client packets go to `#heldFromClient`. */
  #holding = true;
  readonly #heldFromClient: WorldFrame[] = [];
  /**
   * The worldserver left may have let the character go (0x51F sent, map reassigned or link lost)
   * and no other has logged it in yet: a session ending now leaves it saved online nowhere.
   */
  #adrift = false;
  /** SMSG_NEW_WORLD was relayed and the client has not acknowledged it yet. */
  #newWorldPending = false;
  /** Resolves the wait for TC9_SMSG_READY_FOR_REDIRECT: true = released (READY or the link closed). */
  #release: ((released: boolean) => void) | undefined;

  constructor(link: WorldLink, character: LogInCharacter, accountId: number, authSession: Uint8Array, host: PresenceHost, deps: PresenceDeps) {
    this.character = character;
    this.#link = link;
    this.#accountId = accountId;
    this.#authSession = authSession;
    this.#host = host;
    this.#deps = deps;
    this.#location = { map: character.map, position: { x: character.positionX, y: character.positionY, z: character.positionZ }, orientation: 0 };
    this.#stats = new CharacterStats(character.GUID, { level: character.level, map: character.map, zone: character.zone });
    this.#toWorld = deps.metrics.relay("client_to_world");
    this.#toClient = deps.metrics.relay("world_to_client");
  }

  /** True once SMSG_LOGIN_VERIFY_WORLD was relayed and until the presence ends (moves included). */
  get inWorld(): boolean {
    return this.#inWorld;
  }

  /** Logs the character in on the first link; resolves once it is in the world or the login failed. */
  async begin(): Promise<void> {
    const link = this.#link;
    const login = await loginOnLink(link, this.character.GUID, this.#authSession, this.#deps.login, this.#lifetime.signal);
    if (this.#over) return;
    if (login.ok) {
      try {
        return this.#adopt({ link, ...login }, false);
      } catch (error) {
        return this.#end({ kind: "lost", reason: `the login answer does not decode: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    if (!login.refusal) return this.#end({ kind: "lost", reason: login.reason });
    this.#host.sendToClient(login.refusal.opcode, login.refusal.payload);
    this.#end({ kind: "refused" });
  }

  /** Relays a client packet to the worldserver, or holds it while the character moves. */
  fromClient(frame: WorldFrame): void {
    if (this.#over) return;
    if (this.#holding) return this.#hold(frame);
    const codec = movementCodecs.get(frame.opcode);
    if (codec) this.#moved(codec, frame.payload);
    const started = performance.now();
    this.#link.send(frame.opcode, frame.payload);
    this.#toWorld((performance.now() - started) / 1000);
    if (frame.opcode === Opcode.MSG_MOVE_WORLDPORT_ACK && this.#newWorldPending && !this.#moving) {
      this.#newWorldPending = false;
      void this.#move("redirect");
    }
  }

  /** The session lets go (client gone, character list asked for, gateway stopping): the link closes. */
  leave(reason: string): void {
    if (this.#over) return;
    this.#finish(reason);
  }

  #fromWorld(link: WorldLink, frame: WorldFrame): void {
    if (this.#over || link !== this.#link) return;
    if (frame.opcode === Opcode.TC9_SMSG_READY_FOR_REDIRECT) return this.#readyForRedirect(frame);
    const started = performance.now();
    this.#host.sendToClient(frame.opcode, frame.payload);
    this.#toClient((performance.now() - started) / 1000);
    if (frame.opcode === Opcode.SMSG_LOGOUT_COMPLETE) return this.#end({ kind: "logout" });
    if (frame.opcode === Opcode.SMSG_NEW_WORLD) this.#newWorld(frame);
    this.#observe(frame);
  }

  #linkClosed(link: WorldLink, reason: string): void {
    if (this.#over || link !== this.#link) return;
    if (this.#release) return this.#release(true);
    if (!this.#moving) void this.#move("failover", reason);
  }

  #newWorld(frame: WorldFrame): void {
    try {
      this.#location = newWorldCodec.decode(frame.payload);
      this.#newWorldPending = true;
    } catch {
      // Relayed as it is; the client judges it.
    }
  }

  #moved(codec: MessageCodec<MovementMessage>, payload: Uint8Array): void {
    try {
      const { guid, info } = codec.decode(payload);
      if (guid === this.character.GUID) this.#location = { map: this.#location.map, position: info.position, orientation: info.orientation };
    } catch {
      // Relayed as it is; the worldserver judges it.
    }
  }

  #observe(frame: WorldFrame): void {
    const changes = this.#stats.observe(frame);
    if (changes && this.#inWorld) this.#deps.events.changed(this.character.GUID, changes);
  }

  #hold(frame: WorldFrame): void {
    if (DROPPED_WHILE_MOVING.has(frame.opcode)) return;
    if (this.#heldFromClient.length < this.#deps.moves.queueLimit) this.#heldFromClient.push(frame);
    else this.#deps.logger.warn({ guid: this.character.GUID, opcode: frame.opcode }, "client packet dropped: too many wait for the end of a move");
  }

  #readyForRedirect(frame: WorldFrame): void {
    const { status } = readyForRedirectCodec.decode(frame.payload);
    if (this.#release) return this.#release(status === RedirectStatus.READY);
    if (status === RedirectStatus.READY && !this.#moving) void this.#move("reassigned");
  }

  /** Takes `placement` as the character's link; `asNewWorld` answers the client with SMSG_NEW_WORLD instead of the login's packet. */
  #adopt(placement: Placement, asNewWorld: boolean): void {
    const { link, verify, before, after } = placement;
    this.#link = link;
    this.#adrift = false;
    const location = loginVerifyWorldCodec.decode(verify.payload);
    if (asNewWorld) {
      const payload = newWorldCodec.encode(location);
      this.#host.sendToClient(Opcode.SMSG_NEW_WORLD, payload);
      this.#observe({ opcode: Opcode.SMSG_NEW_WORLD, payload });
    }
    for (const frame of before) this.#fromWorld(link, frame);
    this.#location = location;
    if (!asNewWorld) {
      this.#host.sendToClient(verify.opcode, verify.payload);
      this.#entered();
      this.#observe(verify);
    }
    this.#newWorldPending = false;
    for (const frame of after) this.#fromWorld(link, frame);
    link.attach({ frame: (frame) => this.#fromWorld(link, frame), closed: (reason) => this.#linkClosed(link, reason) });
    this.#resume();
  }

  /** Moves the character to another worldserver; the client sees SMSG_NEW_WORLD, or the character screen when nobody takes it. */
  async #move(requested: MoveKind, cause?: string): Promise<void> {
    this.#moving = true;
    this.#holding = requested !== "redirect";
    const from = this.#link;
    const started = { at: performance.now() };
    let kind = requested;
    let result: MoveOutcome;
    try {
      result = kind === "redirect" ? await this.#redirect(from, started) : await this.#replace(kind, from);
      if (result === "crashed" && !this.#over) {
        kind = "failover";
        result = await this.#replace(kind, from);
      }
    } catch (error) {
      if (!this.#over) this.#deps.logger.error({ guid: this.character.GUID, err: error }, "moving a character failed");
      result = "lost";
    }
    if (this.#over) {
      if (this.#adrift) await this.#markOffline();
      return;
    }
    if (result === "unneeded" || result === "stayed") this.#resume();
    if (result === "unneeded") return;
    const seconds = (performance.now() - started.at) / 1000;
    this.#deps.metrics.moved(kind, result === "ok" ? "ok" : "failed", seconds);
    this.#deps.logger.info(
      { guid: this.character.GUID, kind, result, from: from.address, to: this.#link.address, map: this.#location.map, ms: Math.round(seconds * 1000), cause },
      "character moved between worldservers",
    );
    if (result !== "lost") return;
    await this.#markOffline();
    this.#end({ kind: "lost", reason: `no worldserver took the character after a ${kind}` });
  }

  /**
   * `online = 0` for a character a move lost, before the client is told (a login it starts right
   * after must not be overwritten), or whose client left during the move, once the link being
   * logged in on is closed; a failed write is logged and the character still leaves.
   */
  async #markOffline(): Promise<void> {
    try {
      await this.#deps.characterOffline(this.character.GUID);
    } catch (error) {
      this.#deps.logger.error({ guid: this.character.GUID, err: error }, "clearing the online flag of a character no worldserver took failed");
    }
  }

  /**
   * A map change: the registry's worldserver for the new map; when it is another one, the old one
   * saves the character (0x51F → 0x520) and the character logs in there (else the next capable
   * one, else back on the old one). A link found closed meanwhile is a crash (`crashed`).
   */
  async #redirect(from: WorldLink, started: { at: number }): Promise<MoveOutcome> {
    const map = this.#location.map;
    let target: string | undefined;
    try {
      [target] = await registryChoice(this.#deps, map, this.#lifetime.signal);
    } catch (error) {
      this.#deps.logger.warn({ guid: this.character.GUID, map, err: error }, "the registry did not answer a map change; the character stays");
    }
    if (from.isClosed) return "crashed";
    if (target === undefined || target === from.address) return "unneeded";
    started.at = performance.now();
    this.#holding = true;
    if (!(await this.#released(from))) return "stayed";
    from.close("the character moves to another worldserver");
    const placement = await this.#place(map, new Set([from.address]), from.address);
    if (!placement) return "lost";
    this.#adopt(placement, true);
    return placement.link.address === from.address ? "returned" : "ok";
  }

  /**
   * A reassigned map (the worldserver saved the character) or a lost link (the gateway saves the
   * last known position first, then tries `failover.tries` times): the character logs in elsewhere,
   * never on the worldserver it lost (a reassigning one only as the last resort).
   */
  async #replace(kind: MoveKind, from: WorldLink): Promise<MoveOutcome> {
    this.#holding = true;
    this.#adrift = true;
    from.close(kind === "failover" ? "the worldserver link was lost" : "the map was reassigned");
    if (kind === "reassigned") {
      const placement = await this.#place(this.#location.map, new Set([from.address]), from.address);
      if (!placement) return "lost";
      this.#adopt(placement, true);
      return placement.link.address === from.address ? "returned" : "ok";
    }
    await this.#savePosition();
    const { firstDelayMs, tries, intervalMs } = this.#deps.moves.failover;
    for (let attempt = 1; attempt <= tries; attempt += 1) {
      await sleep(attempt === 1 ? firstDelayMs : intervalMs, undefined, { signal: this.#lifetime.signal });
      const placement = await this.#place(this.#location.map, new Set([from.address]));
      if (placement) {
        this.#adopt(placement, true);
        return "ok";
      }
    }
    return "lost";
  }

  /** Sends TC9_CMSG_PREPARE_FOR_REDIRECT and waits for the answer: true = READY or the link closed. */
  #released(link: WorldLink): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(false), this.#deps.moves.redirectTimeoutMs);
      const settle = (released: boolean): void => {
        clearTimeout(timer);
        this.#release = undefined;
        resolve(released);
      };
      this.#release = settle;
      this.#adrift = true;
      link.send(prepareForRedirectCodec.opcode, prepareForRedirectCodec.encode({}));
      if (link.isClosed) settle(true);
    });
  }

  /** CharactersService.SavePlayerPosition with the last known position (the dead worldserver saved nothing). */
  async #savePosition(): Promise<void> {
    const { map, position, orientation } = this.#location;
    try {
      await this.#deps.characters.savePlayerPosition(
        { api: API, realmID: this.#deps.realmId, charGUID: this.character.GUID, mapID: map, x: position.x, y: position.y, z: position.z, o: orientation },
        { timeoutMs: this.#deps.rpcTimeoutMs, signal: this.#lifetime.signal },
      );
    } catch (error) {
      this.#deps.logger.warn({ guid: this.character.GUID, err: error }, "saving the last known position failed; the next worldserver loads the last saved one");
    }
  }

  /**
   * Logs the character in on the first worldserver that takes it: the placement candidates for
   * `map` (none of `exclude`; each failure is added), then `lastResort` (the worldserver left, if alive).
   */
  async #place(map: number, exclude: Set<string>, lastResort?: string): Promise<Placement | undefined> {
    const signal = this.#lifetime.signal;
    let candidates: string[] = [];
    try {
      candidates = await placementCandidates(this.#deps, map, exclude, signal);
    } catch (error) {
      this.#deps.logger.warn({ guid: this.character.GUID, map, err: error }, "the registry did not answer a placement");
    }
    if (lastResort !== undefined && !candidates.includes(lastResort)) candidates.push(lastResort);
    for (const address of candidates) {
      if (this.#over) return undefined;
      exclude.add(address);
      let link: WorldLink;
      try {
        link = await WorldLink.open(address, this.#deps.link, this.#deps.metrics, this.#deps.logger, signal);
      } catch (error) {
        this.#deps.logger.info({ guid: this.character.GUID, worldserver: address, err: error }, "worldserver unreachable for a move");
        continue;
      }
      const login = await loginOnLink(link, this.character.GUID, this.#authSession, this.#deps.login, signal);
      if (login.ok) return { link, ...login };
      this.#deps.logger.info({ guid: this.character.GUID, worldserver: address, reason: login.reason }, "worldserver did not take the character");
    }
    return undefined;
  }

  /** The end of a move (or of a move that did not happen): held client packets go to the character's link. */
  #resume(): void {
    this.#moving = false;
    this.#adrift = false;
    this.#holding = false;
    for (const frame of this.#heldFromClient.splice(0)) this.fromClient(frame);
  }

  #entered(): void {
    this.#inWorld = true;
    const { map, position } = this.#location;
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
    this.#lifetime.abort();
    this.#release?.(false);
    this.#heldFromClient.length = 0;
    this.#link.close(reason);
    if (!this.#inWorld) return;
    this.#inWorld = false;
    const character = this.character;
    this.#deps.events.loggedOut({ CharGUID: character.GUID, CharName: character.name, CharGuildID: character.guildID, AccountID: this.#accountId });
    this.#deps.logger.info({ guid: character.GUID, reason }, "character left the world");
  }
}

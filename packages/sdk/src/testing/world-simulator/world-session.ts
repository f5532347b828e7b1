import { ProtocolError } from "../../wow/codec/protocol-error.js";
import { Opcode } from "../../wow/opcodes/opcode-table.js";
import type { WorldFrame } from "../../wow/world/framing.js";
import { authSessionCodec } from "../../wow/world/messages/auth-session.js";
import { ChatMsg, Language } from "../../wow/world/messages/chat-types.js";
import { serverChatMessageCodec } from "../../wow/world/messages/chat.js";
import { pingCodec, pongCodec } from "../../wow/world/messages/ping.js";
import type { WorldLoop } from "./world-loop.js";
import type { CharacterStore } from "./character-store.js";
import type { GatewayLink } from "./gateway-link.js";
import { packetOf, timeSyncPacket } from "./login-sequence.js";
import type { WorldPacket } from "./player-create-block.js";
import type { PlayerState } from "./player-state.js";
import { handleWorldPacket } from "./session-handlers.js";
import type { SimulatorLog } from "./simulator-log.js";
import type { WorldPlayers } from "./world-players.js";

/** What every session of one simulator shares. */
export interface SessionContext {
  readonly loop: WorldLoop;
  readonly store: CharacterStore;
  readonly players: WorldPlayers;
  readonly log: SimulatorLog;
  /** Milliseconds since the simulator started (the server clock movement is stamped with). */
  clock(): number;
  readonly timeSyncIntervalMs: number;
  /** Packets of one link waiting for the world loop; more ends the link. */
  readonly maxQueuedPackets: number;
  /** Counts links ended because of bad input or overload (reported on `/metrics`). */
  countLinkError(): void;
  /** The misbehaviour tests asked for ({@link SimulatorFaults}); read at each packet. */
  faults(): SimulatorFaults;
}

/**
 * Misbehaviour a test can switch on (`WorldSimulator.injectFaults`) to provoke the gateway's
 * failure paths; none by default.
 */
export interface SimulatorFaults {
  /**
   * TC9_CMSG_PREPARE_FOR_REDIRECT: `fail` answers TC9_SMSG_READY_FOR_REDIRECT with status 1
   * (FAILED) and keeps the player; `ignore` never answers (the player stays too).
   */
  readonly prepareForRedirect?: "fail" | "ignore";
  /** CMSG_PLAYER_LOGIN: `refuse` answers SMSG_CHARACTER_LOGIN_FAILED FAILED without loading the character. */
  readonly playerLogin?: "refuse";
}

/** Where a session is in its life. */
export type SessionState = "awaiting-auth" | "authed" | "in-world" | "closed";

/** A snapshot of one session, as `WorldSimulator.sessions()` reports it. */
export interface SimulatedSessionInfo {
  readonly link: string;
  readonly state: SessionState;
  /** The account name from CMSG_AUTH_SESSION. */
  readonly account: string | undefined;
  readonly character?: {
    readonly guid: bigint;
    readonly name: string;
    readonly map: number;
    readonly zone: number;
    readonly position: { readonly x: number; readonly y: number; readonly z: number };
    readonly orientation: number;
    readonly teleporting: boolean;
  };
}

/**
 * One gateway link's world session (AzerothCore `WorldSession` in cluster mode): authenticated by
 * the replayed CMSG_AUTH_SESSION without any check, then at most one player in the world. The
 * socket-level opcodes (auth session, ping, keep-alive) are handled at once, like AzerothCore's
 * `WorldSocket` does; everything else is queued on the world loop.
 */
export class WorldSession {
  readonly context: SessionContext;
  account: string | undefined;
  player: PlayerState | undefined;
  /** Set once the player was handed over to another worldserver: nothing is saved on close. */
  redirected = false;
  #link: GatewayLink | undefined;
  #queued = 0;
  #timeSync: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(context: SessionContext) {
    this.context = context;
  }

  /** Connects the session to its link (done right after construction). */
  attach(link: GatewayLink): void {
    this.#link = link;
  }

  /** Where the session is in its life, derived from what it has seen. */
  get state(): SessionState {
    if (this.#closed) return "closed";
    if (this.player) return "in-world";
    return this.account === undefined ? "awaiting-auth" : "authed";
  }

  /** A frame from the gateway. */
  receive(frame: WorldFrame): void {
    if (frame.opcode === Opcode.CMSG_AUTH_SESSION) return this.#authenticate(frame.payload);
    if (this.account === undefined) {
      return this.disconnect(`opcode 0x${frame.opcode.toString(16)} before CMSG_AUTH_SESSION`, true);
    }
    if (frame.opcode === Opcode.CMSG_PING) {
      return this.send(packetOf(pongCodec, { sequence: pingCodec.decode(frame.payload).sequence }));
    }
    if (frame.opcode === Opcode.CMSG_KEEP_ALIVE) return;
    if (this.#queued >= this.context.maxQueuedPackets) {
      return this.disconnect(`more than ${this.context.maxQueuedPackets} packets wait for the world loop`, true);
    }
    this.#queued += 1;
    this.context.loop.enqueue(async () => {
      this.#queued -= 1;
      if (this.#closed) return;
      try {
        await handleWorldPacket(this, frame);
      } catch (error) {
        const what = `opcode 0x${frame.opcode.toString(16)}`;
        if (error instanceof ProtocolError) return this.disconnect(`malformed ${what}: ${error.message}`, true);
        this.context.log.error({ link: this.#link?.remoteAddress, opcode: frame.opcode, err: error }, "handling a packet failed");
        this.disconnect(`could not handle ${what}`);
      }
    });
  }

  /** Sends a packet to the gateway (dropped once the link is closed). */
  send(packet: WorldPacket): void {
    this.#link?.send(packet);
  }

  /** A system message in the chat frame (`ChatHandler::SendSysMessage`). */
  sendSystemMessage(text: string): void {
    this.send(
      packetOf(serverChatMessageCodec, {
        type: ChatMsg.SYSTEM, language: Language.UNIVERSAL, senderGuid: 0n, flags: 0, receiverGuid: 0n, message: text, chatTag: 0,
      }),
    );
  }

  /** Puts `player` in the world and starts its time sync requests (every 10 s, on the world loop). */
  enterWorld(player: PlayerState): void {
    this.player = player;
    this.context.players.add(player.guid, this);
    clearInterval(this.#timeSync);
    this.#timeSync = setInterval(() => {
      this.context.loop.enqueue(() => {
        if (this.player === player && !this.#closed) this.send(timeSyncPacket(player));
      });
    }, this.context.timeSyncIntervalMs);
  }

  /** Takes the player out of the world (after it was saved or handed over). */
  leaveWorld(): void {
    clearInterval(this.#timeSync);
    this.#timeSync = undefined;
    if (this.player) this.context.players.remove(this.player.guid, this);
    this.player = undefined;
  }

  /** Ends the link: `malformed` cuts it at once and counts a link error, else it ends after a flush. */
  disconnect(reason: string, malformed = false): void {
    if (!malformed) return this.#link?.close(reason);
    this.context.countLinkError();
    this.context.log.warn({ link: this.#link?.remoteAddress, reason }, "closing gateway link");
    this.#link?.destroy(reason);
  }

  /** Cuts the link without saving anything (the process died). */
  kill(): void {
    this.#closed = true;
    clearInterval(this.#timeSync);
    this.#link?.destroy("the worldserver died");
  }

  /**
   * The link closed: a player still in the world (not handed over) is saved with `online = 0`, as
   * AzerothCore's `LogoutPlayer` does when a socket drops. The save runs on the world loop.
   */
  linkClosed(reason: string): void {
    this.context.log.debug({ link: this.#link?.remoteAddress, reason }, "gateway link closed");
    clearInterval(this.#timeSync);
    this.context.loop.enqueue(() => this.saveAndLeave());
  }

  /** Saves a player still in the world as logged out and removes it (also used by a graceful stop). */
  async saveAndLeave(): Promise<void> {
    this.#closed = true;
    const player = this.player;
    if (!player || this.redirected) return;
    player.completeTeleport();
    this.leaveWorld();
    await this.context.store.save(player.toSave(false));
  }

  /** A snapshot for `WorldSimulator.sessions()`. */
  info(): SimulatedSessionInfo {
    const player = this.player;
    return {
      link: this.#link?.remoteAddress ?? "",
      state: this.state,
      account: this.account,
      ...(player && {
        character: {
          guid: player.guid,
          name: player.name,
          map: player.map,
          zone: player.zone,
          position: player.position,
          orientation: player.orientation,
          teleporting: player.teleport !== undefined,
        },
      }),
    };
  }

  #authenticate(payload: Uint8Array): void {
    if (this.account !== undefined) return this.disconnect("duplicate CMSG_AUTH_SESSION", true);
    const session = authSessionCodec.decode(payload);
    this.account = session.account;
    this.context.log.debug({ link: this.#link?.remoteAddress, account: session.account }, "gateway link authenticated (cluster mode: no checks)");
  }
}

import type { MessageCodec } from "../../wow/world/message-codec.js";
import { AccountDataMask, accountDataTimesCodec } from "../../wow/world/messages/account-data-times.js";
import { loginSetTimeSpeedCodec, NORMAL_GAME_SPEED, packGameTime } from "../../wow/world/messages/login-set-time-speed.js";
import { loginVerifyWorldCodec } from "../../wow/world/messages/player-login.js";
import { timeSyncRequestCodec } from "../../wow/world/messages/time-sync.js";
import { activePlayerCreatePacket, type WorldPacket } from "./player-create-block.js";
import type { PlayerState } from "./player-state.js";

/** Account data types in the per-character mask (five bits of 0xEA). */
const PER_CHARACTER_TYPES = 5;

/** One packet of a codec. */
export function packetOf<T>(codec: MessageCodec<T>, message: T): WorldPacket {
  return { opcode: codec.opcode, payload: codec.encode(message) };
}

/** The next SMSG_TIME_SYNC_REQ of the player (its counter counts up from 0). */
export function timeSyncPacket(player: PlayerState): WorldPacket {
  const counter = player.timeSyncCounter;
  player.timeSyncCounter += 1;
  return packetOf(timeSyncRequestCodec, { counter });
}

/**
 * What a client needs to enter the world, in AzerothCore's order (`HandlePlayerLoginFromDB`, then
 * `SendInitialPacketsBeforeAddToMap` / `…AfterAddToMap`): SMSG_LOGIN_VERIFY_WORLD,
 * SMSG_ACCOUNT_DATA_TIMES (per-character mask), SMSG_LOGIN_SETTIMESPEED, the update creating the
 * player, SMSG_TIME_SYNC_REQ. `clockMs` is the server clock the movement is stamped with.
 */
export function loginPackets(player: PlayerState, now: Date, clockMs: number): WorldPacket[] {
  player.timeSyncCounter = 0;
  return [
    packetOf(loginVerifyWorldCodec, player.location()),
    packetOf(accountDataTimesCodec, {
      serverTime: Math.floor(now.getTime() / 1000),
      mask: AccountDataMask.PER_CHARACTER,
      times: new Array<number>(PER_CHARACTER_TYPES).fill(0),
    }),
    packetOf(loginSetTimeSpeedCodec, { gameTime: packGameTime(now), speed: NORMAL_GAME_SPEED, holidayOffset: 0 }),
    activePlayerCreatePacket(player, clockMs),
    timeSyncPacket(player),
  ];
}

/** What follows MSG_MOVE_WORLDPORT_ACK: the player created again on the new map and a fresh time sync. */
export function arrivalPackets(player: PlayerState, clockMs: number): WorldPacket[] {
  player.timeSyncCounter = 0;
  return [activePlayerCreatePacket(player, clockMs), timeSyncPacket(player)];
}

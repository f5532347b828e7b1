import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/**
 * SMSG_LOGIN_SETTIMESPEED, as `Player::SendInitialPacketsBeforeAddToMap` writes it:
 * `u32 packed game time | f32 game speed | u32 holiday offset` (the last field was added in 3.1.2;
 * AzerothCore writes 0).
 */
export interface LoginSetTimeSpeed {
  /** The server's local time packed by {@link packGameTime}. */
  readonly gameTime: number;
  /** Game minutes per real second divided by 60; AzerothCore sends 0.01666667. */
  readonly speed: number;
  readonly holidayOffset: number;
}

/** The game speed AzerothCore sends: one game minute per real minute. */
export const NORMAL_GAME_SPEED = 0.01666667;

/** Codec of {@link LoginSetTimeSpeed}. */
export const loginSetTimeSpeedCodec: MessageCodec<LoginSetTimeSpeed> = defineMessageCodec({
  opcode: Opcode.SMSG_LOGIN_SETTIMESPEED,
  write: (writer, message) => void writer.writeU32(message.gameTime).writeF32(message.speed).writeU32(message.holidayOffset),
  read: (reader) => ({ gameTime: reader.readU32(), speed: reader.readF32(), holidayOffset: reader.readU32() }),
});

/** The calendar fields of a packed game time, in the server's local time. */
export interface GameTimeFields {
  /** Years since 2000. */
  readonly year: number;
  /** 0 = January. */
  readonly month: number;
  /** 0-based day of the month. */
  readonly day: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
}

/**
 * Packs a date the way AzerothCore's `ByteBuffer::AppendPackedTime` does:
 * `year-2000 << 24 | month << 20 | day-1 << 14 | weekday << 11 | hour << 6 | minute`, local time.
 */
export function packGameTime(date: Date): number {
  return (
    (((date.getFullYear() - 2000) << 24) |
      (date.getMonth() << 20) |
      ((date.getDate() - 1) << 14) |
      (date.getDay() << 11) |
      (date.getHours() << 6) |
      date.getMinutes()) >>>
    0
  );
}

/** The fields of a {@link packGameTime} value. */
export function unpackGameTime(packed: number): GameTimeFields {
  return {
    year: (packed >>> 24) & 0xff,
    month: (packed >>> 20) & 0x0f,
    day: (packed >>> 14) & 0x3f,
    weekday: (packed >>> 11) & 0x07,
    hour: (packed >>> 6) & 0x1f,
    minute: packed & 0x3f,
  };
}

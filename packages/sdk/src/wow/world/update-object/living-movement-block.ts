import { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { writeMovementInfo, type MovementInfo } from "../messages/movement.js";
import { UpdateFlag } from "./movement-block.js";
import type { MovementBlock } from "./update-object.js";

/** A unit's nine movement speeds (yards or radians per second), in wire order. */
export interface MovementSpeeds {
  readonly walk: number;
  readonly run: number;
  readonly runBack: number;
  readonly swim: number;
  readonly swimBack: number;
  readonly flight: number;
  readonly flightBack: number;
  readonly turnRate: number;
  readonly pitchRate: number;
}

/** A player's base speeds (AzerothCore `baseMoveSpeed`; turn and pitch rate 3.141594). */
export const BASE_MOVEMENT_SPEEDS: MovementSpeeds = {
  walk: 2.5,
  run: 7,
  runBack: 4.5,
  swim: 4.722222,
  swimBack: 2.5,
  flight: 7,
  flightBack: 4.5,
  turnRate: 3.141594,
  pitchRate: 3.141594,
};

/**
 * The movement part of a create block for a living object that has no spline and no extra flag
 * data: `u16 update flags | movement info | nine speeds`. `updateFlags` must contain LIVING and
 * may add SELF (the receiving client's own player) and STATIONARY_POSITION (which a living
 * block does not write); AzerothCore creates players with LIVING | STATIONARY_POSITION, plus SELF
 * for the owner.
 */
export function livingMovementBlock(updateFlags: number, info: MovementInfo, speeds: MovementSpeeds = BASE_MOVEMENT_SPEEDS): MovementBlock {
  const allowed = UpdateFlag.LIVING | UpdateFlag.SELF | UpdateFlag.STATIONARY_POSITION;
  if ((updateFlags & UpdateFlag.LIVING) === 0 || (updateFlags & ~allowed) !== 0) {
    throw new RangeError(`updateFlags 0x${updateFlags.toString(16)} must contain LIVING and only SELF or STATIONARY_POSITION besides`);
  }
  const writer = new PacketWriter({ opcode: Opcode.SMSG_UPDATE_OBJECT, initialCapacity: 96 });
  writer.writeU16(updateFlags);
  writeMovementInfo(writer, info, Opcode.SMSG_UPDATE_OBJECT);
  for (const speed of [speeds.walk, speeds.run, speeds.runBack, speeds.swim, speeds.swimBack, speeds.flight, speeds.flightBack, speeds.turnRate, speeds.pitchRate]) {
    writer.writeF32(speed);
  }
  return { updateFlags, raw: new Uint8Array(writer.toBytes()) };
}

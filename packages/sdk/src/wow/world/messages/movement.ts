import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { MovementFlag, MovementFlag2 } from "../update-object/movement-block.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";
import { failEncode, readPosition, writePosition, type Position } from "./wire-helpers.js";

/*
 * Player movement (3.3.5a), as AzerothCore's `WorldSession::ReadMovementInfo` reads it and
 * `Unit::BuildMovementPacket` writes it:
 *   u32 flags | u16 flags2 | u32 time | f32 x, y, z, orientation
 *   | (ON_TRANSPORT) packed transport guid, f32 x, y, z, o, u32 time, i8 seat, (INTERPOLATED_MOVEMENT) u32 time2
 *   | (SWIMMING or FLYING, or ALWAYS_ALLOW_PITCHING) f32 pitch
 *   | u32 fall time
 *   | (FALLING) f32 z speed, sin angle, cos angle, xy speed
 *   | (SPLINE_ELEVATION) f32 spline elevation.
 * The MSG_MOVE_* opcodes carry `packed mover guid | movement info` in both directions (AzerothCore
 * `HandleMovementOpcodes` reads the GUID; wow_messages' 3.3.5 client form leaves it out, which
 * AzerothCore and ToCloud9's gateway contradict).
 */

/** Where a player stands on a transport (ship, zeppelin, vehicle seat). */
export interface TransportPosition {
  readonly guid: bigint;
  readonly position: Position;
  readonly orientation: number;
  readonly time: number;
  readonly seat: number;
  /** Present exactly when flags2 has INTERPOLATED_MOVEMENT. */
  readonly time2?: number;
}

/** The jump or fall part, present exactly when flags has FALLING. */
export interface MovementJump {
  readonly zSpeed: number;
  readonly sinAngle: number;
  readonly cosAngle: number;
  readonly xySpeed: number;
}

/** A unit's movement state (`MovementInfo`). Optional parts are present exactly when their flag says so. */
export interface MovementInfo {
  /** `MovementFlags` bits. */
  readonly flags: number;
  /** `MovementFlags2` bits. */
  readonly flags2: number;
  /** The sender's clock in milliseconds. */
  readonly time: number;
  readonly position: Position;
  /** Radians. */
  readonly orientation: number;
  /** Present exactly when flags has ON_TRANSPORT. */
  readonly transport?: TransportPosition;
  /** Present exactly when swimming or flying, or when flags2 has ALWAYS_ALLOW_PITCHING. */
  readonly pitch?: number;
  readonly fallTime: number;
  readonly jump?: MovementJump;
  /** Present exactly when flags has SPLINE_ELEVATION. */
  readonly splineElevation?: number;
}

function hasPitch(flags: number, flags2: number): boolean {
  return (flags & (MovementFlag.SWIMMING | MovementFlag.FLYING)) !== 0 || (flags2 & MovementFlag2.ALWAYS_ALLOW_PITCHING) !== 0;
}

/**
 * Writes a {@link MovementInfo}; refuses (with an encode `ProtocolError` naming `opcode`) optional
 * parts that disagree with the flags.
 */
export function writeMovementInfo(writer: PacketWriter, info: MovementInfo, opcode: number): void {
  const requireMatch = (field: string, expected: boolean, value: unknown): void => {
    if (expected !== (value !== undefined)) {
      failEncode(writer, opcode, `movement ${field} must be ${expected ? "given" : "absent"} for these flags`);
    }
  };
  const onTransport = (info.flags & MovementFlag.ON_TRANSPORT) !== 0;
  const interpolated = (info.flags2 & MovementFlag2.INTERPOLATED_MOVEMENT) !== 0;
  requireMatch("transport", onTransport, info.transport);
  requireMatch("transport time2", onTransport && interpolated, info.transport?.time2);
  requireMatch("pitch", hasPitch(info.flags, info.flags2), info.pitch);
  requireMatch("jump", (info.flags & MovementFlag.FALLING) !== 0, info.jump);
  requireMatch("splineElevation", (info.flags & MovementFlag.SPLINE_ELEVATION) !== 0, info.splineElevation);
  writer.writeU32(info.flags).writeU16(info.flags2).writeU32(info.time);
  writePosition(writer, info.position);
  writer.writeF32(info.orientation);
  if (info.transport) {
    const transport = info.transport;
    writer.writePackedGuid(transport.guid);
    writePosition(writer, transport.position);
    writer.writeF32(transport.orientation).writeU32(transport.time).writeI8(transport.seat);
    if (transport.time2 !== undefined) writer.writeU32(transport.time2);
  }
  if (info.pitch !== undefined) writer.writeF32(info.pitch);
  writer.writeU32(info.fallTime);
  if (info.jump) writer.writeF32(info.jump.zSpeed).writeF32(info.jump.sinAngle).writeF32(info.jump.cosAngle).writeF32(info.jump.xySpeed);
  if (info.splineElevation !== undefined) writer.writeF32(info.splineElevation);
}

function readTransport(reader: PacketReader, flags2: number): TransportPosition {
  const guid = reader.readPackedGuid();
  const position = readPosition(reader);
  const orientation = reader.readF32();
  const time = reader.readU32();
  const seat = reader.readI8();
  if ((flags2 & MovementFlag2.INTERPOLATED_MOVEMENT) === 0) return { guid, position, orientation, time, seat };
  return { guid, position, orientation, time, seat, time2: reader.readU32() };
}

/** Reads a {@link MovementInfo}. */
export function readMovementInfo(reader: PacketReader): MovementInfo {
  const flags = reader.readU32();
  const flags2 = reader.readU16();
  const time = reader.readU32();
  const position = readPosition(reader);
  const orientation = reader.readF32();
  const transport = (flags & MovementFlag.ON_TRANSPORT) !== 0 ? readTransport(reader, flags2) : undefined;
  const pitch = hasPitch(flags, flags2) ? reader.readF32() : undefined;
  const fallTime = reader.readU32();
  const jump =
    (flags & MovementFlag.FALLING) !== 0
      ? { zSpeed: reader.readF32(), sinAngle: reader.readF32(), cosAngle: reader.readF32(), xySpeed: reader.readF32() }
      : undefined;
  const splineElevation = (flags & MovementFlag.SPLINE_ELEVATION) !== 0 ? reader.readF32() : undefined;
  return {
    flags, flags2, time, position, orientation,
    ...(transport !== undefined && { transport }),
    ...(pitch !== undefined && { pitch }),
    fallTime,
    ...(jump !== undefined && { jump }),
    ...(splineElevation !== undefined && { splineElevation }),
  };
}

/** A MSG_MOVE_* message: the mover's GUID and its movement. */
export interface MovementMessage {
  readonly guid: bigint;
  readonly info: MovementInfo;
}

/**
 * The opcodes AzerothCore handles with `HandleMovementOpcodes`: each carries a
 * {@link MovementMessage}, and the server relays the same layout to other players.
 */
export const MOVEMENT_OPCODES: readonly number[] = [
  Opcode.MSG_MOVE_START_FORWARD, Opcode.MSG_MOVE_START_BACKWARD, Opcode.MSG_MOVE_STOP,
  Opcode.MSG_MOVE_START_STRAFE_LEFT, Opcode.MSG_MOVE_START_STRAFE_RIGHT, Opcode.MSG_MOVE_STOP_STRAFE,
  Opcode.MSG_MOVE_JUMP, Opcode.MSG_MOVE_START_TURN_LEFT, Opcode.MSG_MOVE_START_TURN_RIGHT, Opcode.MSG_MOVE_STOP_TURN,
  Opcode.MSG_MOVE_START_PITCH_UP, Opcode.MSG_MOVE_START_PITCH_DOWN, Opcode.MSG_MOVE_STOP_PITCH,
  Opcode.MSG_MOVE_SET_RUN_MODE, Opcode.MSG_MOVE_SET_WALK_MODE, Opcode.MSG_MOVE_FALL_LAND,
  Opcode.MSG_MOVE_START_SWIM, Opcode.MSG_MOVE_STOP_SWIM, Opcode.MSG_MOVE_SET_FACING, Opcode.MSG_MOVE_SET_PITCH,
  Opcode.MSG_MOVE_HEARTBEAT, Opcode.CMSG_MOVE_FALL_RESET, Opcode.CMSG_MOVE_SET_FLY, Opcode.MSG_MOVE_START_ASCEND,
  Opcode.MSG_MOVE_STOP_ASCEND, Opcode.CMSG_MOVE_CHNG_TRANSPORT, Opcode.MSG_MOVE_START_DESCEND,
];

/** The codec of one of the {@link MOVEMENT_OPCODES} (the layout is the same in both directions). */
export function movementCodec(opcode: number): MessageCodec<MovementMessage> {
  return defineMessageCodec<MovementMessage>({
    opcode,
    write(writer, message) {
      writer.writePackedGuid(message.guid);
      writeMovementInfo(writer, message.info, opcode);
    },
    read: (reader) => ({ guid: reader.readPackedGuid(), info: readMovementInfo(reader) }),
  });
}

/** MSG_MOVE_TELEPORT_ACK from the server (`Player::SendTeleportAckPacket`): a near teleport. */
export interface MoveTeleportAckServer {
  readonly guid: bigint;
  /** The session's movement order counter; the client echoes it. */
  readonly counter: number;
  /** The movement at the destination. */
  readonly info: MovementInfo;
}

/** Codec of {@link MoveTeleportAckServer}. */
export const moveTeleportAckServerCodec: MessageCodec<MoveTeleportAckServer> = defineMessageCodec({
  opcode: Opcode.MSG_MOVE_TELEPORT_ACK,
  write(writer, message) {
    writer.writePackedGuid(message.guid).writeU32(message.counter);
    writeMovementInfo(writer, message.info, Opcode.MSG_MOVE_TELEPORT_ACK);
  },
  read: (reader) => ({ guid: reader.readPackedGuid(), counter: reader.readU32(), info: readMovementInfo(reader) }),
});

/** MSG_MOVE_TELEPORT_ACK from the client once it stands at the destination (`HandleMoveTeleportAck`). */
export interface MoveTeleportAckClient {
  readonly guid: bigint;
  readonly counter: number;
  readonly time: number;
}

/** Codec of {@link MoveTeleportAckClient}. */
export const moveTeleportAckClientCodec: MessageCodec<MoveTeleportAckClient> = defineMessageCodec({
  opcode: Opcode.MSG_MOVE_TELEPORT_ACK,
  write: (writer, message) => void writer.writePackedGuid(message.guid).writeU32(message.counter).writeU32(message.time),
  read: (reader) => ({ guid: reader.readPackedGuid(), counter: reader.readU32(), time: reader.readU32() }),
});

/** MSG_MOVE_WORLDPORT_ACK from the client: empty; it finished loading the map of SMSG_NEW_WORLD. */
export const moveWorldportAckCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.MSG_MOVE_WORLDPORT_ACK);

import type { PacketReader } from "../../codec/packet-reader.js";

/*
 * The movement part of an update block (3.3.5a), as AzerothCore `Object::BuildMovementUpdate`,
 * `Unit::BuildMovementPacket` and `Movement::PacketBuilder::WriteCreate` write it; wowm
 * `smsg_update_object_3_3_5.wowm` and ToCloud9 `update-object.go` describe the same layout.
 * The parser only needs to step over it correctly, so it reads every flag-dependent part and
 * keeps nothing but the update flags.
 */

/** `ObjectUpdateFlags` (AzerothCore `UpdateData.h`). */
export const UpdateFlag = {
  SELF: 0x0001,
  TRANSPORT: 0x0002,
  HAS_TARGET: 0x0004,
  UNKNOWN: 0x0008,
  LOW_GUID: 0x0010,
  LIVING: 0x0020,
  STATIONARY_POSITION: 0x0040,
  VEHICLE: 0x0080,
  POSITION: 0x0100,
  ROTATION: 0x0200,
} as const;

/** `MovementFlags` bits that change the layout (AzerothCore `UnitDefines.h`). */
export const MovementFlag = {
  ON_TRANSPORT: 0x00000200,
  FALLING: 0x00001000,
  SWIMMING: 0x00200000,
  FLYING: 0x02000000,
  SPLINE_ELEVATION: 0x04000000,
  SPLINE_ENABLED: 0x08000000,
} as const;

/** `MovementFlags2` bits that change the layout. */
export const MovementFlag2 = {
  ALWAYS_ALLOW_PITCHING: 0x0020,
  INTERPOLATED_MOVEMENT: 0x0400,
} as const;

/** `MoveSplineFlag` bits that change the layout (AzerothCore `MoveSplineFlag.h`). */
export const SplineFlag = {
  FINAL_POINT: 0x00008000,
  FINAL_TARGET: 0x00010000,
  FINAL_ANGLE: 0x00020000,
} as const;

const F32 = 4;

/** Steps over the MovementInfo of a living object (`Unit::BuildMovementPacket`); returns its flags. */
function skipMovementInfo(reader: PacketReader): number {
  const movementFlags = reader.readU32();
  const movementFlags2 = reader.readU16();
  reader.skip(4 + 4 * F32); // time, x, y, z, orientation
  if ((movementFlags & MovementFlag.ON_TRANSPORT) !== 0) {
    reader.readPackedGuid();
    reader.skip(4 * F32 + 4 + 1); // offsets and orientation, time, seat
    if ((movementFlags2 & MovementFlag2.INTERPOLATED_MOVEMENT) !== 0) reader.skip(4); // second time
  }
  const pitched =
    (movementFlags & (MovementFlag.SWIMMING | MovementFlag.FLYING)) !== 0 ||
    (movementFlags2 & MovementFlag2.ALWAYS_ALLOW_PITCHING) !== 0;
  if (pitched) reader.skip(F32);
  reader.skip(4); // fall time
  if ((movementFlags & MovementFlag.FALLING) !== 0) reader.skip(4 * F32); // z speed, sin, cos, xy speed
  if ((movementFlags & MovementFlag.SPLINE_ELEVATION) !== 0) reader.skip(F32);
  return movementFlags;
}

/** Steps over the spline of a moving unit (`PacketBuilder::WriteCreate`). */
function skipSpline(reader: PacketReader): void {
  const splineFlags = reader.readU32();
  if ((splineFlags & SplineFlag.FINAL_ANGLE) !== 0) reader.skip(F32);
  else if ((splineFlags & SplineFlag.FINAL_TARGET) !== 0) reader.skip(8);
  else if ((splineFlags & SplineFlag.FINAL_POINT) !== 0) reader.skip(3 * F32);
  // time passed, duration, id, duration mod, next duration mod, vertical acceleration, effect start
  reader.skip(7 * 4);
  const nodeCount = reader.readCount(0x7fffffff, { minElementSize: 3 * F32 });
  reader.skip(nodeCount * 3 * F32);
  reader.skip(1 + 3 * F32); // mode, final destination
}

/**
 * Steps over one movement block and returns its update flags. Every read is bounds-checked, so a
 * malformed block ends in `ProtocolError`, never in a read past the packet.
 */
export function skipMovementBlock(reader: PacketReader): number {
  const updateFlags = reader.readU16();
  if ((updateFlags & UpdateFlag.LIVING) !== 0) {
    const movementFlags = skipMovementInfo(reader);
    reader.skip(9 * F32); // walk, run, run back, swim, swim back, flight, flight back, turn rate, pitch rate
    if ((movementFlags & MovementFlag.SPLINE_ENABLED) !== 0) skipSpline(reader);
  } else if ((updateFlags & UpdateFlag.POSITION) !== 0) {
    reader.readPackedGuid(); // transport
    reader.skip(8 * F32); // position, transport offset (or position again), orientation, corpse orientation
  } else if ((updateFlags & UpdateFlag.STATIONARY_POSITION) !== 0) {
    reader.skip(4 * F32);
  }
  if ((updateFlags & UpdateFlag.UNKNOWN) !== 0) reader.skip(4);
  if ((updateFlags & UpdateFlag.LOW_GUID) !== 0) reader.skip(4);
  if ((updateFlags & UpdateFlag.HAS_TARGET) !== 0) reader.readPackedGuid();
  if ((updateFlags & UpdateFlag.TRANSPORT) !== 0) reader.skip(4); // path progress
  if ((updateFlags & UpdateFlag.VEHICLE) !== 0) reader.skip(4 + F32); // vehicle id, orientation
  if ((updateFlags & UpdateFlag.ROTATION) !== 0) reader.skip(8); // packed rotation
  return updateFlags;
}

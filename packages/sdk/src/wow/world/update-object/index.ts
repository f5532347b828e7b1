/**
 * SMSG_UPDATE_OBJECT / SMSG_COMPRESSED_UPDATE_OBJECT (3.3.5a): block parsing, movement skipping,
 * and reading / writing the party-frame unit fields. Re-exported by `@tc9/sdk/wow`.
 */
export {
  MAX_INFLATED_UPDATE_SIZE,
  ObjectTypeId,
  UpdateType,
  smsgCompressedUpdateObjectCodec,
  smsgUpdateObjectCodec,
} from "./update-object.js";
export type { MovementBlock, SmsgUpdateObject, UpdateBlock, UpdateValues } from "./update-object.js";
export { MovementFlag, MovementFlag2, SplineFlag, UpdateFlag, skipMovementBlock } from "./movement-block.js";
export { OBJECT_END, ObjectField, PLAYER_END, POWER_TYPE_COUNT, TypeMask, UnitField } from "./update-fields.js";
export { BASE_MOVEMENT_SPEEDS, livingMovementBlock } from "./living-movement-block.js";
export type { MovementSpeeds } from "./living-movement-block.js";
export { collectUnitStats, mergeUnitStats, readUnitStats, unitStatsValues, unitStatsValuesBlock } from "./unit-stats.js";
export type { UnitBytes0, UnitStatsUpdate } from "./unit-stats.js";

import { Opcode } from "../../wow/opcodes/opcode-table.js";
import type { MovementInfo } from "../../wow/world/messages/movement.js";
import { livingMovementBlock } from "../../wow/world/update-object/living-movement-block.js";
import { UpdateFlag } from "../../wow/world/update-object/movement-block.js";
import { unitStatsValues, type UnitStatsUpdate } from "../../wow/world/update-object/unit-stats.js";
import { ObjectField, PLAYER_END, TypeMask } from "../../wow/world/update-object/update-fields.js";
import {
  ObjectTypeId,
  smsgCompressedUpdateObjectCodec,
  smsgUpdateObjectCodec,
  type SmsgUpdateObject,
} from "../../wow/world/update-object/update-object.js";
import type { SimulatedCharacter } from "./character-store.js";
import type { PlayerState } from "./player-state.js";

/** Power types (`Powers`) the simulator gives each class. */
const POWER = { MANA: 0, RAGE: 1, ENERGY: 3, RUNIC_POWER: 6 } as const;
/** AzerothCore compresses an SMSG_UPDATE_OBJECT payload above this size (`NeedsCompression`). */
const COMPRESSION_THRESHOLD = 100;

/** An outgoing world packet: opcode and payload. */
export interface WorldPacket {
  readonly opcode: number;
  readonly payload: Uint8Array;
}

function powerTypeOf(classId: number): number {
  switch (classId) {
    case 1: // warrior
      return POWER.RAGE;
    case 4: // rogue
      return POWER.ENERGY;
    case 6: // death knight
      return POWER.RUNIC_POWER;
    default:
      return POWER.MANA;
  }
}

/**
 * Health and power for the update fields. The simulator has no class/level stat tables: maximum
 * health is the saved health or a placeholder of 50 + 10 per level, whichever is higher; mana is
 * the saved mana (at least 100); rage and runic power top out at 1000, energy at 100.
 */
export function unitStatsOf(character: SimulatedCharacter): UnitStatsUpdate {
  const powerType = powerTypeOf(character.classId);
  const maxHealth = Math.max(character.health, 50 + 10 * character.level);
  const savedPower = character.powers[powerType] ?? 0;
  const maxPower = powerType === POWER.MANA ? Math.max(savedPower, 100) : powerType === POWER.ENERGY ? 100 : 1000;
  const power = powerType === POWER.MANA ? maxPower : powerType === POWER.ENERGY ? 100 : 0;
  return {
    bytes0: { race: character.race, classId: character.classId, gender: character.gender, powerType },
    health: character.health > 0 ? Math.min(character.health, maxHealth) : maxHealth,
    maxHealth,
    level: character.level,
    powers: new Map([[powerType, power]]),
    maxPowers: new Map([[powerType, maxPower]]),
  };
}

function f32Bits(value: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  return view.getUint32(0, true);
}

/** The player's movement at rest where it stands, stamped with `timeMs`. */
export function standingMovement(player: PlayerState, timeMs: number): MovementInfo {
  return { flags: 0, flags2: 0, time: timeMs >>> 0, position: player.position, orientation: player.orientation, fallTime: 0 };
}

/**
 * The update that creates the client's own player (`BuildCreateUpdateBlockForPlayer` with the
 * player as target): CREATE_OBJECT2, LIVING | STATIONARY_POSITION | SELF, and the object and unit
 * fields a client needs to show its health, power and level. Compressed as AzerothCore compresses
 * updates above 100 bytes.
 */
export function activePlayerCreatePacket(player: PlayerState, timeMs: number): WorldPacket {
  const unitFields = unitStatsValues(unitStatsOf(player.character)).fields;
  const fields = new Map<number, number>([
    [ObjectField.GUID, Number(player.guid & 0xffffffffn)],
    [ObjectField.GUID + 1, Number(player.guid >> 32n)],
    [ObjectField.TYPE, TypeMask.OBJECT | TypeMask.UNIT | TypeMask.PLAYER],
    [ObjectField.SCALE_X, f32Bits(1)],
    ...unitFields,
  ]);
  const movement = livingMovementBlock(
    UpdateFlag.LIVING | UpdateFlag.STATIONARY_POSITION | UpdateFlag.SELF,
    standingMovement(player, timeMs),
  );
  const message: SmsgUpdateObject = {
    blocks: [
      {
        kind: "create-object2",
        guid: player.guid,
        objectType: ObjectTypeId.PLAYER,
        movement,
        values: { maskBlockCount: Math.ceil(PLAYER_END / 32), fields },
      },
    ],
  };
  const plain = smsgUpdateObjectCodec.encode(message);
  if (plain.length <= COMPRESSION_THRESHOLD) return { opcode: Opcode.SMSG_UPDATE_OBJECT, payload: plain };
  return { opcode: Opcode.SMSG_COMPRESSED_UPDATE_OBJECT, payload: smsgCompressedUpdateObjectCodec.encode(message) };
}

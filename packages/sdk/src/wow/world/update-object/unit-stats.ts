import { POWER_TYPE_COUNT, UnitField } from "./update-fields.js";
import { ObjectTypeId, type SmsgUpdateObject, type UpdateBlock, type UpdateValues } from "./update-object.js";

/*
 * The party-frame stats of a unit or player (health, power, level, aura state) read from, and
 * written as, the update fields of SMSG_UPDATE_OBJECT (3.3.5a indices, see `update-fields.ts`).
 */

/** UNIT_FIELD_BYTES_0: four bytes packed in one field, least significant first. */
export interface UnitBytes0 {
  readonly race: number;
  readonly classId: number;
  readonly gender: number;
  /** Index of the unit's power (0 mana, 1 rage, 2 focus, 3 energy, 4 happiness, 5 runes, 6 runic power). */
  readonly powerType: number;
}

/** The group-frame fields an update carries; each is present only when its field was sent. */
export interface UnitStatsUpdate {
  readonly health?: number;
  readonly maxHealth?: number;
  readonly level?: number;
  /** Present when UNIT_FIELD_BYTES_0 was sent; holds the power type. */
  readonly bytes0?: UnitBytes0;
  /** Power type index → current power, for the POWERn fields sent. */
  readonly powers?: ReadonlyMap<number, number>;
  /** Power type index → maximum power, for the MAXPOWERn fields sent. */
  readonly maxPowers?: ReadonlyMap<number, number>;
  /** UNIT_FIELD_AURASTATE flags, the one aura-related update field of 3.3.5a. */
  readonly auraState?: number;
}

type MutableStats = { -readonly [K in keyof UnitStatsUpdate]: UnitStatsUpdate[K] };

function unpackBytes0(value: number): UnitBytes0 {
  return { race: value & 0xff, classId: (value >>> 8) & 0xff, gender: (value >>> 16) & 0xff, powerType: (value >>> 24) & 0xff };
}

function packBytes0(bytes: UnitBytes0): number {
  return ((bytes.race & 0xff) | ((bytes.classId & 0xff) << 8) | ((bytes.gender & 0xff) << 16) | ((bytes.powerType & 0xff) << 24)) >>> 0;
}

function readPowers(fields: ReadonlyMap<number, number>, firstField: number): Map<number, number> | undefined {
  let powers: Map<number, number> | undefined;
  for (let power = 0; power < POWER_TYPE_COUNT; power++) {
    const value = fields.get(firstField + power);
    if (value === undefined) continue;
    powers ??= new Map();
    powers.set(power, value);
  }
  return powers;
}

/** The group-frame fields present in one object's update values. */
export function readUnitStats(values: UpdateValues): UnitStatsUpdate {
  const { fields } = values;
  const stats: MutableStats = {};
  const health = fields.get(UnitField.HEALTH);
  if (health !== undefined) stats.health = health;
  const maxHealth = fields.get(UnitField.MAXHEALTH);
  if (maxHealth !== undefined) stats.maxHealth = maxHealth;
  const level = fields.get(UnitField.LEVEL);
  if (level !== undefined) stats.level = level;
  const bytes0 = fields.get(UnitField.BYTES_0);
  if (bytes0 !== undefined) stats.bytes0 = unpackBytes0(bytes0);
  const powers = readPowers(fields, UnitField.POWER1);
  if (powers !== undefined) stats.powers = powers;
  const maxPowers = readPowers(fields, UnitField.MAXPOWER1);
  if (maxPowers !== undefined) stats.maxPowers = maxPowers;
  const auraState = fields.get(UnitField.AURASTATE);
  if (auraState !== undefined) stats.auraState = auraState;
  return stats;
}

function mergePowers(
  earlier: ReadonlyMap<number, number> | undefined,
  later: ReadonlyMap<number, number> | undefined,
): ReadonlyMap<number, number> | undefined {
  if (earlier === undefined) return later;
  if (later === undefined) return earlier;
  return new Map([...earlier, ...later]);
}

/** `later` on top of `earlier`: fields sent later win, power maps merge per power type. */
export function mergeUnitStats(earlier: UnitStatsUpdate, later: UnitStatsUpdate): UnitStatsUpdate {
  const merged: MutableStats = { ...earlier, ...later };
  const powers = mergePowers(earlier.powers, later.powers);
  if (powers !== undefined) merged.powers = powers;
  const maxPowers = mergePowers(earlier.maxPowers, later.maxPowers);
  if (maxPowers !== undefined) merged.maxPowers = maxPowers;
  return merged;
}

/** Whether a block carries unit fields of `guid`: its VALUES, or its creation as a unit or player. */
function isUnitValuesOf(block: UpdateBlock, guid: bigint): block is Extract<UpdateBlock, { values: UpdateValues }> {
  if (block.kind === "values") return block.guid === guid;
  if (block.kind !== "create-object" && block.kind !== "create-object2") return false;
  return block.guid === guid && (block.objectType === ObjectTypeId.UNIT || block.objectType === ObjectTypeId.PLAYER);
}

/**
 * The group-frame fields one update packet sets for `guid` (a unit or player), from its VALUES and
 * CREATE blocks in order (later blocks win). Empty when the packet does not touch the object.
 * VALUES blocks do not name the object type, so `guid` must be a unit's or player's.
 */
export function collectUnitStats(message: SmsgUpdateObject, guid: bigint): UnitStatsUpdate {
  let stats: UnitStatsUpdate = {};
  for (const block of message.blocks) {
    if (isUnitValuesOf(block, guid)) stats = mergeUnitStats(stats, readUnitStats(block.values));
  }
  return stats;
}

function checkPowerIndex(power: number): void {
  if (!Number.isInteger(power) || power < 0 || power >= POWER_TYPE_COUNT) {
    throw new RangeError(`power type index must be 0..${POWER_TYPE_COUNT - 1}, got ${power}`);
  }
}

/** The update values that set the present fields of `stats` (a VALUES update's payload part). */
export function unitStatsValues(stats: UnitStatsUpdate): UpdateValues {
  const fields = new Map<number, number>();
  if (stats.bytes0 !== undefined) fields.set(UnitField.BYTES_0, packBytes0(stats.bytes0));
  if (stats.health !== undefined) fields.set(UnitField.HEALTH, stats.health);
  for (const [power, value] of stats.powers ?? []) {
    checkPowerIndex(power);
    fields.set(UnitField.POWER1 + power, value);
  }
  if (stats.maxHealth !== undefined) fields.set(UnitField.MAXHEALTH, stats.maxHealth);
  for (const [power, value] of stats.maxPowers ?? []) {
    checkPowerIndex(power);
    fields.set(UnitField.MAXPOWER1 + power, value);
  }
  if (stats.level !== undefined) fields.set(UnitField.LEVEL, stats.level);
  if (stats.auraState !== undefined) fields.set(UnitField.AURASTATE, stats.auraState);
  const highest = Math.max(-1, ...fields.keys());
  return { maskBlockCount: Math.floor(highest / 32) + 1, fields };
}

/** A VALUES block that sets the present fields of `stats` on `guid` (for a simulated worldserver). */
export function unitStatsValuesBlock(guid: bigint, stats: UnitStatsUpdate): UpdateBlock {
  return { kind: "values", guid, values: unitStatsValues(stats) };
}

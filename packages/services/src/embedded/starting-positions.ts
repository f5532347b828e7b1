import type { Database } from "@tc9/sdk";

/**
 * Where new characters start, for a world database that has no `playercreateinfo` rows (a fresh
 * tc9 world database; AzerothCore's own world database ships them). The numbers are AzerothCore's
 * (`data/sql/base/db_world/playercreateinfo.sql`): every race and class pair the 3.3.5a client
 * offers, each race at its starting zone and death knights at Ebon Hold (map 609).
 */

interface Place {
  readonly map: number;
  readonly zone: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly orientation: number;
}

interface RaceStart {
  readonly race: number;
  /** Classes other than the death knight this race may be, all starting at `home`. */
  readonly classes: readonly number[];
  readonly home: Place;
  /** Where this race's death knights start. */
  readonly deathKnight: Place;
}

const DEATH_KNIGHT = 6;
const ebonHold = (x: number, y: number, z: number): Place => ({ map: 609, zone: 4298, x, y, z, orientation: 3.65997 });

const RACE_STARTS: readonly RaceStart[] = [
  { race: 1, classes: [1, 2, 4, 5, 8, 9], home: { map: 0, zone: 12, x: -8949.95, y: -132.493, z: 83.5312, orientation: 0 }, deathKnight: ebonHold(2355.84, -5664.77, 426.028) },
  { race: 2, classes: [1, 3, 4, 7, 9], home: { map: 1, zone: 14, x: -618.518, y: -4251.67, z: 38.718, orientation: 0 }, deathKnight: ebonHold(2358.44, -5666.9, 426.023) },
  { race: 3, classes: [1, 2, 3, 4, 5], home: { map: 0, zone: 1, x: -6240.32, y: 331.033, z: 382.758, orientation: 6.17716 }, deathKnight: ebonHold(2358.44, -5666.9, 426.023) },
  { race: 4, classes: [1, 3, 4, 5, 11], home: { map: 1, zone: 141, x: 10311.3, y: 832.463, z: 1326.41, orientation: 5.69632 }, deathKnight: ebonHold(2356.21, -5662.21, 426.026) },
  { race: 5, classes: [1, 4, 5, 8, 9], home: { map: 0, zone: 85, x: 1676.71, y: 1678.31, z: 121.67, orientation: 2.70526 }, deathKnight: ebonHold(2356.21, -5662.21, 426.026) },
  { race: 6, classes: [1, 3, 7, 11], home: { map: 1, zone: 215, x: -2917.58, y: -257.98, z: 52.9968, orientation: 0 }, deathKnight: ebonHold(2358.17, -5663.21, 426.027) },
  { race: 7, classes: [1, 4, 8, 9], home: { map: 0, zone: 1, x: -6240.32, y: 331.033, z: 382.758, orientation: 0 }, deathKnight: ebonHold(2355.05, -5661.7, 426.026) },
  { race: 8, classes: [1, 3, 4, 5, 7, 8], home: { map: 1, zone: 14, x: -618.518, y: -4251.67, z: 38.718, orientation: 0 }, deathKnight: ebonHold(2355.05, -5661.7, 426.026) },
  { race: 10, classes: [2, 3, 4, 5, 8, 9], home: { map: 530, zone: 3431, x: 10349.6, y: -6357.29, z: 33.4026, orientation: 5.31605 }, deathKnight: ebonHold(2355.84, -5664.77, 426.028) },
  { race: 11, classes: [1, 2, 3, 5, 7, 8], home: { map: 530, zone: 3526, x: -3961.64, y: -13931.2, z: 100.615, orientation: 2.08364 }, deathKnight: ebonHold(2358.17, -5663.21, 426.027) },
];

/** Every (race, class) pair with its starting place, death knights included. */
function startingRows(): Array<readonly [number, number, Place]> {
  return RACE_STARTS.flatMap((start) => [
    ...start.classes.map((classId) => [start.race, classId, start.home] as const),
    [start.race, DEATH_KNIGHT, start.deathKnight] as const,
  ]);
}

/**
 * Fills `playercreateinfo` with the starting places when the table is empty; a table with any
 * row is the operator's and left alone. Returns how many rows were inserted.
 */
export async function seedStartingPositions(world: Database): Promise<number> {
  const existing = await world.queryOne<{ present: number }>("SELECT 1 AS present FROM playercreateinfo LIMIT 1");
  if (existing) return 0;
  const rows = startingRows();
  const placeholders = rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
  const values = rows.flatMap(([race, classId, place]) => [race, classId, place.map, place.zone, place.x, place.y, place.z, place.orientation]);
  await world.execute(
    `INSERT IGNORE INTO playercreateinfo (race, class, map, zone, position_x, position_y, position_z, orientation) VALUES ${placeholders}`,
    values,
  );
  return rows.length;
}

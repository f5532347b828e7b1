/**
 * The `characters` row of a character that has just been created, with the values AzerothCore's
 * `Player::Create` + `Player::SaveToDB(create = true)` store for the parts tc9 can know without
 * the client's DBC files.
 */
import type { Queryable } from "@tc9/sdk";
import type { CharacterCreate } from "@tc9/sdk/wow";
import { AtLoginFlag } from "./character-flags.js";

/** Where a race and class start (world table `playercreateinfo`). */
export interface StartPosition {
  readonly map: number;
  readonly zone: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly orientation: number;
}

/** Everything the row needs besides the client's choices. */
export interface NewCharacterRow {
  readonly guid: bigint;
  readonly accountId: number;
  readonly name: string;
  readonly character: CharacterCreate;
  readonly level: number;
  readonly money: number;
  readonly honorPoints: number;
  readonly arenaPoints: number;
  readonly start: StartPosition;
  /** 1 when the intro cinematic is to be skipped. */
  readonly cinematic: 0 | 1;
}

/**
 * `at_login` of a new character: its first login, and a spell reset, which makes the worldserver
 * teach the race's and class's default skills and spells on that login (they come from the DBC
 * files, which tc9 does not read).
 */
export const NEW_CHARACTER_AT_LOGIN = AtLoginFlag.FIRST | AtLoginFlag.RESET_SPELLS;

/** `REST_STATE_NOT_RAF_LINKED`: the rest state byte of a character without a recruit-a-friend link. */
const restStateNotLinked = 2;
/** -1 as a uint32: no watched faction. */
const noWatchedFaction = 0xffff_ffff;
/**
 * Saved health and power are clamped to their maximums when the worldserver loads a character, so
 * the largest value means "full" (AzerothCore starts characters with full health, mana, energy and runes).
 */
const full = 0xffff_ffff;

/** `count` zeros each followed by a space: AzerothCore's empty form of its number-list columns. */
const zeros = (count: number): string => "0 ".repeat(count);

/** Inserts the row; fails (duplicate key) when the GUID is taken. */
export async function insertNewCharacter(tx: Queryable, row: NewCharacterRow): Promise<void> {
  const { character, start } = row;
  await tx.execute(
    `INSERT INTO characters (guid, account, name, race, class, gender, level, xp, money,
       skin, face, hairStyle, hairColor, facialStyle, restState, playerFlags,
       position_x, position_y, position_z, map, orientation, zone, taximask, taxi_path, cinematic,
       at_login, logout_time, totalHonorPoints, arenaPoints, watchedFaction,
       health, power1, power2, power3, power4, power5, power6, power7,
       exploredZones, equipmentCache, knownTitles, innTriggerId)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, '', '', ?,
       ?, UNIX_TIMESTAMP(), ?, ?, ?, ?, ?, 0, 0, ?, 0, ?, 0, ?, ?, ?, 0)`,
    [
      row.guid,
      row.accountId,
      row.name,
      character.race,
      character.classId,
      character.gender,
      row.level,
      row.money,
      character.skin,
      character.face,
      character.hairStyle,
      character.hairColor,
      character.facialHair,
      restStateNotLinked,
      start.x,
      start.y,
      start.z,
      start.map,
      start.orientation,
      start.zone,
      row.cinematic,
      NEW_CHARACTER_AT_LOGIN,
      row.honorPoints,
      row.arenaPoints,
      noWatchedFaction,
      full,
      full,
      full,
      full,
      zeros(128),
      zeros(46),
      zeros(6),
    ],
  );
}

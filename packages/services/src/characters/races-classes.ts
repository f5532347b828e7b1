/**
 * Race and class ids of the 3.3.5a client (`ChrRaces.dbc`, `ChrClasses.dbc`) and the faction each
 * playable race belongs to, as AzerothCore's `Player::TeamIdForRace` sees them.
 */

/** Race ids; 1–11 are playable races (9, goblin, has no starting data in 3.3.5a). */
export const Race = {
  HUMAN: 1,
  ORC: 2,
  DWARF: 3,
  NIGHT_ELF: 4,
  UNDEAD: 5,
  TAUREN: 6,
  GNOME: 7,
  TROLL: 8,
  GOBLIN: 9,
  BLOOD_ELF: 10,
  DRAENEI: 11,
} as const;

/** Class ids (there is no class 10 in 3.3.5a). */
export const CharacterClass = {
  WARRIOR: 1,
  PALADIN: 2,
  HUNTER: 3,
  ROGUE: 4,
  PRIEST: 5,
  DEATH_KNIGHT: 6,
  SHAMAN: 7,
  MAGE: 8,
  WARLOCK: 9,
  DRUID: 11,
} as const;

/** AzerothCore `TeamId`: the faction of a race. */
export const TeamId = { ALLIANCE: 0, HORDE: 1, NEUTRAL: 2 } as const;
export type TeamId = (typeof TeamId)[keyof typeof TeamId];

/** `ChrRaces.dbc` of 3.3.5a has races 1..21 (12 and up are creature races, e.g. 16 vrykul). */
const lastDbcRace = 21;

const allianceRaces: ReadonlySet<number> = new Set([Race.HUMAN, Race.DWARF, Race.NIGHT_ELF, Race.GNOME, Race.DRAENEI]);
const hordeRaces: ReadonlySet<number> = new Set([
  Race.ORC,
  Race.UNDEAD,
  Race.TAUREN,
  Race.TROLL,
  Race.GOBLIN,
  Race.BLOOD_ELF,
]);
const dbcClasses: ReadonlySet<number> = new Set(Object.values(CharacterClass));

/** True when the client's `ChrRaces.dbc` has this race id. */
export function isKnownRace(race: number): boolean {
  return Number.isInteger(race) && race >= 1 && race <= lastDbcRace;
}

/** True when the client's `ChrClasses.dbc` has this class id. */
export function isKnownClass(classId: number): boolean {
  return dbcClasses.has(classId);
}

/** The faction of a race; creature races are neutral. */
export function teamOfRace(race: number): TeamId {
  if (allianceRaces.has(race)) return TeamId.ALLIANCE;
  if (hordeRaces.has(race)) return TeamId.HORDE;
  return TeamId.NEUTRAL;
}

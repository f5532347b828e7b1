/**
 * /who over the online index with AzerothCore's filters (`WorldSession::HandleWhoOpcode`): level
 * range, race and class masks (bit = id), zones, name and guild substrings and free words that
 * match either, all case-insensitive; optionally one faction only.
 */
import type { OnlineCharacter } from "./online-characters.js";
import { toLowerName } from "./player-names.js";
import { teamOfRace, type TeamId } from "./races-classes.js";

/** What the client asked for (CMSG_WHO). */
export interface WhoCriteria {
  readonly levelMin: number;
  readonly levelMax: number;
  readonly playerName: string;
  readonly guildName: string;
  readonly raceMask: number;
  readonly classMask: number;
  readonly zones: readonly number[];
  readonly strings: readonly string[];
  /** Only characters of this faction (AzerothCore without `AllowTwoSide.WhoList`); undefined: both. */
  readonly team?: TeamId;
}

/** `MAX_LEVEL`: the client sends 100 for "no upper limit". */
const clientMaxLevel = 100;

const inMask = (mask: number, id: number): boolean => id >= 0 && id < 32 && ((mask >>> id) & 1) === 1;

/** The filters that need no guild names. */
export function passesBasicFilters(character: OnlineCharacter, criteria: WhoCriteria): boolean {
  const levelMax = criteria.levelMax >= clientMaxLevel ? 255 : criteria.levelMax;
  if (character.level < criteria.levelMin || character.level > levelMax) return false;
  if (!inMask(criteria.classMask, character.class) || !inMask(criteria.raceMask, character.race)) return false;
  if (criteria.zones.length > 0 && !criteria.zones.includes(character.zone)) return false;
  return criteria.team === undefined || teamOfRace(character.race) === criteria.team;
}

/** The name, guild and free-word filters, given the character's guild name ("" for none). */
export function passesTextFilters(character: OnlineCharacter, guildName: string, criteria: WhoCriteria): boolean {
  const name = toLowerName(character.name);
  const guild = toLowerName(guildName);
  const wantedName = toLowerName(criteria.playerName);
  const wantedGuild = toLowerName(criteria.guildName);
  if (wantedName !== "" && !name.includes(wantedName)) return false;
  if (wantedGuild !== "" && !guild.includes(wantedGuild)) return false;
  const words = criteria.strings.map(toLowerName).filter((word) => word !== "");
  if (criteria.strings.length > 0 && !words.some((word) => name.includes(word) || guild.includes(word))) return false;
  return true;
}

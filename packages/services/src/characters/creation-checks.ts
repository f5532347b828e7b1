/**
 * The checks AzerothCore's `WorldSession::HandleCharCreateOpcode` makes, in its order: first those
 * that need only the request and the realm settings, then those over the account's characters.
 */
import { ResponseCode, type CharacterCreate, type ResponseCodeValue } from "@tc9/sdk/wow";
import type { CharacterCreationRules } from "./creation-rules.js";
import { checkPlayerName, normalizePlayerName } from "./player-names.js";
import { CharacterClass, isKnownClass, isKnownRace, teamOfRace } from "./races-classes.js";

/** The outcome of the request checks: a refusal, or the name to create the character with. */
export type RequestCheck =
  | { readonly ok: false; readonly result: ResponseCodeValue }
  | { readonly ok: true; readonly name: string };

const refuse = (result: ResponseCodeValue): RequestCheck => ({ ok: false, result });
const bit = (shift: number): number => 2 ** shift;
const hasBit = (mask: number, shift: number): boolean => shift >= 0 && shift < 32 && (mask & bit(shift)) !== 0;

/** Checks what needs no database: disabled races and classes, known ids, the name, death knight settings. */
export function checkCreateRequest(
  character: CharacterCreate,
  isPlayerAccount: boolean,
  rules: CharacterCreationRules,
): RequestCheck {
  const { race, classId } = character;
  if (isPlayerAccount && hasBit(rules.disabledTeamMask, teamOfRace(race))) {
    return refuse(ResponseCode.CHAR_CREATE_DISABLED);
  }
  if (!isKnownClass(classId) || !isKnownRace(race)) return refuse(ResponseCode.CHAR_CREATE_FAILED);
  if (isPlayerAccount && (hasBit(rules.disabledRaceMask, race - 1) || hasBit(rules.disabledClassMask, classId - 1))) {
    return refuse(ResponseCode.CHAR_CREATE_DISABLED);
  }
  const name = normalizePlayerName(character.name);
  if (name === undefined) return refuse(ResponseCode.CHAR_NAME_NO_NAME);
  const nameResult = checkPlayerName(name, rules);
  if (nameResult !== ResponseCode.CHAR_NAME_SUCCESS) return refuse(nameResult);
  if (isPlayerAccount && classId === CharacterClass.DEATH_KNIGHT) {
    if (rules.heroicCharactersPerRealm === 0) return refuse(ResponseCode.CHAR_CREATE_UNIQUE_CLASS_LIMIT);
    if (rules.minLevelForHeroicCharacter > rules.maxPlayerLevel) return refuse(ResponseCode.CHAR_CREATE_LEVEL_REQUIREMENT);
  }
  return { ok: true, name };
}

/** One of the account's characters on the realm, as the creation checks need it. */
export interface AccountCharacter {
  readonly level: number;
  readonly race: number;
  readonly class: number;
}

/**
 * The checks over the account's other characters on the realm (oldest first): the death knight
 * limit and level requirement, and the one-faction rule. Undefined when creation may go on.
 */
export function checkAccountCharacters(
  existing: readonly AccountCharacter[],
  character: CharacterCreate,
  isPlayerAccount: boolean,
  rules: CharacterCreationRules,
): ResponseCodeValue | undefined {
  const checkDeathKnight = isPlayerAccount && character.classId === CharacterClass.DEATH_KNIGHT;
  const allowTwoSide = rules.allowTwoSideAccounts || !isPlayerAccount;
  let freeDeathKnightSlots = rules.heroicCharactersPerRealm;
  let hasHeroicLevel = rules.minLevelForHeroicCharacter === 0;
  for (const [index, other] of existing.entries()) {
    if (checkDeathKnight) {
      if (other.class === CharacterClass.DEATH_KNIGHT) {
        if (freeDeathKnightSlots > 0) freeDeathKnightSlots--;
        if (freeDeathKnightSlots === 0) return ResponseCode.CHAR_CREATE_UNIQUE_CLASS_LIMIT;
      }
      if (other.level >= rules.minLevelForHeroicCharacter) hasHeroicLevel = true;
    }
    if (index === 0 && !allowTwoSide && teamOfRace(other.race) !== teamOfRace(character.race)) {
      return ResponseCode.CHAR_CREATE_PVP_TEAMS_VIOLATION;
    }
  }
  if (checkDeathKnight && !hasHeroicLevel) return ResponseCode.CHAR_CREATE_LEVEL_REQUIREMENT;
  return undefined;
}

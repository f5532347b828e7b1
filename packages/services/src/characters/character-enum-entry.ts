/**
 * Turns a `LogInCharacter` into the SMSG_CHAR_ENUM entry AzerothCore's `Player::BuildEnumData`
 * would send for it: the character and customize flags, the first-login marker (which also hides
 * the zone), and the pet only where the client shows one.
 */
import type { LogInCharacter } from "@tc9/sdk/contracts";
import { CHAR_ENUM_EQUIPMENT_SLOTS, type CharacterEnumEntry, type CharacterGear } from "@tc9/sdk/wow";
import { AtLoginFlag, CharacterFlag, CharCustomizeFlag, PlayerExtraFlag, PlayerFlag } from "./character-flags.js";
import { CharacterClass } from "./races-classes.js";

const emptyGear: CharacterGear = { displayId: 0, inventoryType: 0, enchantAuraId: 0 };

/** `playerFlags` as the character screen sees it: a pending resurrection already clears the ghost flag. */
function visiblePlayerFlags(character: Pick<LogInCharacter, "playerFlags" | "atLogin">): number {
  return character.atLogin & AtLoginFlag.RESURRECT ? character.playerFlags & ~PlayerFlag.GHOST : character.playerFlags;
}

/**
 * SMSG_CHAR_ENUM character flags. `CHARACTER_FLAG_DECLINED` is always set, as AzerothCore does
 * while `DeclinedNames` is off (its default); a ban shows as "locked by billing".
 */
export function characterEnumFlags(character: Pick<LogInCharacter, "playerFlags" | "atLogin" | "banned">): number {
  const playerFlags = visiblePlayerFlags(character);
  let flags = CharacterFlag.DECLINED;
  if (playerFlags & PlayerFlag.HIDE_HELM) flags |= CharacterFlag.HIDE_HELM;
  if (playerFlags & PlayerFlag.HIDE_CLOAK) flags |= CharacterFlag.HIDE_CLOAK;
  if (playerFlags & PlayerFlag.GHOST) flags |= CharacterFlag.GHOST;
  if (character.atLogin & AtLoginFlag.RENAME) flags |= CharacterFlag.RENAME;
  if (character.banned) flags |= CharacterFlag.LOCKED_BY_BILLING;
  return flags;
}

/** SMSG_CHAR_ENUM customize flags: the one pending customization, if any. */
export function characterCustomizeFlags(atLogin: number): number {
  if (atLogin & AtLoginFlag.CUSTOMIZE) return CharCustomizeFlag.CUSTOMIZE;
  if (atLogin & AtLoginFlag.CHANGE_FACTION) return CharCustomizeFlag.FACTION;
  if (atLogin & AtLoginFlag.CHANGE_RACE) return CharCustomizeFlag.RACE;
  return CharCustomizeFlag.NONE;
}

function showsPet(character: LogInCharacter): boolean {
  if (character.petEntry === 0 || visiblePlayerFlags(character) & PlayerFlag.GHOST) return false;
  if (character.class === CharacterClass.HUNTER || character.class === CharacterClass.WARLOCK) return true;
  return character.class === CharacterClass.DEATH_KNIGHT && (character.extraFlags & PlayerExtraFlag.SHOW_DK_PET) !== 0;
}

/**
 * The SMSG_CHAR_ENUM entry of a character. `petFamily` is the pet's `creature_template.family`
 * (the characters database does not have it; 0 when unknown).
 */
export function toCharacterEnumEntry(character: LogInCharacter, petFamily = 0): CharacterEnumEntry {
  const firstLogin = (character.atLogin & AtLoginFlag.FIRST) !== 0;
  const pet = showsPet(character)
    ? { displayId: character.petModelID, level: character.petLevel, family: petFamily }
    : { displayId: 0, level: 0, family: 0 };
  const equipment = Array.from({ length: CHAR_ENUM_EQUIPMENT_SLOTS }, (_, slot): CharacterGear => {
    const item = character.equipments[slot];
    return item ? { displayId: item.DisplayInfoID, inventoryType: item.InventoryType, enchantAuraId: item.EnchantmentID } : emptyGear;
  });
  return {
    guid: character.GUID,
    name: character.name,
    race: character.race,
    classId: character.class,
    gender: character.gender,
    skin: character.skin,
    face: character.face,
    hairStyle: character.hairStyle,
    hairColor: character.hairColor,
    facialHair: character.facialStyle,
    level: character.level,
    zone: firstLogin ? 0 : character.zone,
    map: character.map,
    position: { x: character.positionX, y: character.positionY, z: character.positionZ },
    guildId: character.guildID,
    characterFlags: characterEnumFlags(character),
    customizeFlags: characterCustomizeFlags(character.atLogin),
    firstLogin,
    pet,
    equipment,
  };
}

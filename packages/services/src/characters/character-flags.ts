/**
 * AzerothCore's flag sets that decide how a character shows on the character screen
 * (`Player.h`, `SharedDefines.h`): what the `characters` table stores (`playerFlags`, `at_login`,
 * `extra_flags`) and what SMSG_CHAR_ENUM sends (`CharacterFlags`, `CharCustomizeFlags`).
 */

/** `characters.at_login`: work the worldserver does at the next login (AzerothCore `AtLoginFlags`). */
export const AtLoginFlag = {
  RENAME: 0x001,
  RESET_SPELLS: 0x002,
  RESET_TALENTS: 0x004,
  CUSTOMIZE: 0x008,
  RESET_PET_TALENTS: 0x010,
  FIRST: 0x020,
  CHANGE_FACTION: 0x040,
  CHANGE_RACE: 0x080,
  RESET_AP: 0x100,
  RESET_ARENA: 0x200,
  CHECK_ACHIEVS: 0x400,
  RESURRECT: 0x800,
} as const;

/** The `characters.playerFlags` bits the character screen looks at (AzerothCore `PlayerFlags`). */
export const PlayerFlag = {
  GHOST: 0x0010,
  HIDE_HELM: 0x0400,
  HIDE_CLOAK: 0x0800,
} as const;

/** `characters.extra_flags` bits (AzerothCore `PlayerExtraFlags`) the character screen looks at. */
export const PlayerExtraFlag = {
  /** The death knight's ghoul shows on the character screen. */
  SHOW_DK_PET: 0x0400,
} as const;

/** SMSG_CHAR_ENUM character flags (AzerothCore `CharacterFlags`). */
export const CharacterFlag = {
  HIDE_HELM: 0x0000_0400,
  HIDE_CLOAK: 0x0000_0800,
  GHOST: 0x0000_2000,
  RENAME: 0x0000_4000,
  LOCKED_BY_BILLING: 0x0100_0000,
  DECLINED: 0x0200_0000,
} as const;

/** SMSG_CHAR_ENUM customize flags (AzerothCore `CharCustomizeFlags`). */
export const CharCustomizeFlag = {
  NONE: 0,
  CUSTOMIZE: 0x0000_0001,
  FACTION: 0x0001_0000,
  RACE: 0x0010_0000,
} as const;

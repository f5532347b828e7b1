/**
 * The realm configuration character creation follows: AzerothCore's `worldserver.conf` settings,
 * named in each field's comment, with AzerothCore's defaults.
 */
import type { PlayerNameRules } from "./player-names.js";

/** How character creation behaves on a realm; see {@link defaultCreationRules}. */
export interface CharacterCreationRules extends PlayerNameRules {
  /** `CharactersPerRealm`: characters an account may have on one realm. */
  readonly charactersPerRealm: number;
  /** `CharactersPerAccount`: characters an account may have on all realms together. */
  readonly charactersPerAccount: number;
  /** `HeroicCharactersPerRealm`: death knights an account may have on one realm (0 forbids them). */
  readonly heroicCharactersPerRealm: number;
  /** `CharacterCreating.MinLevelForHeroicCharacter`: level another character must have reached first (0: none). */
  readonly minLevelForHeroicCharacter: number;
  /** `MaxPlayerLevel`. */
  readonly maxPlayerLevel: number;
  /** `StartPlayerLevel`. */
  readonly startPlayerLevel: number;
  /** `StartHeroicPlayerLevel`: a new death knight's level. */
  readonly startHeroicPlayerLevel: number;
  /** `StartGmLevel`: the lowest start level for characters of game master accounts. */
  readonly startGmLevel: number;
  /** `StartPlayerMoney`, in copper. */
  readonly startPlayerMoney: number;
  /** `StartHeroicPlayerMoney`, in copper: a new death knight's money. */
  readonly startHeroicPlayerMoney: number;
  /** `StartHonorPoints`. */
  readonly startHonorPoints: number;
  /** `StartArenaPoints`. */
  readonly startArenaPoints: number;
  /** `CharacterCreating.Disabled`: bit 1 << team (1 Alliance, 2 Horde) closes creation for player accounts. */
  readonly disabledTeamMask: number;
  /** `CharacterCreating.Disabled.RaceMask`: bit 1 << (race - 1) closes that race for player accounts. */
  readonly disabledRaceMask: number;
  /** `CharacterCreating.Disabled.ClassMask`: bit 1 << (class - 1) closes that class for player accounts. */
  readonly disabledClassMask: number;
  /**
   * Whether an account may have characters of both factions. AzerothCore allows it unless the
   * realm is a PvP realm with `AllowTwoSide.Accounts = 0`; set false exactly in that case.
   */
  readonly allowTwoSideAccounts: boolean;
  /** `SkipCinematics`: 0 always show the intro, 1 not when the account has that race already, 2 never. */
  readonly skipCinematics: 0 | 1 | 2;
}

/** AzerothCore's defaults for every {@link CharacterCreationRules} field. */
export const defaultCreationRules: CharacterCreationRules = {
  charactersPerRealm: 10,
  charactersPerAccount: 50,
  heroicCharactersPerRealm: 1,
  minLevelForHeroicCharacter: 55,
  maxPlayerLevel: 80,
  startPlayerLevel: 1,
  startHeroicPlayerLevel: 55,
  startGmLevel: 1,
  startPlayerMoney: 0,
  startHeroicPlayerMoney: 2000,
  startHonorPoints: 0,
  startArenaPoints: 0,
  disabledTeamMask: 0,
  disabledRaceMask: 0,
  disabledClassMask: 0,
  allowTwoSideAccounts: true,
  skipCinematics: 0,
  minPlayerNameLength: 2,
  strictPlayerNames: 0,
  realmZone: 1,
  reservedNames: [],
  profaneNames: [],
};

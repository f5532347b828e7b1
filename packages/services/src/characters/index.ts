// The characters module and the character functions other modules (the gateway) call directly.
export { charactersModule, charactersOptions, type CharactersOptions } from "./characters-module.js";
export {
  createCharacter,
  type CharacterStores,
  type CreateCharacterRequest,
  type CreateCharacterResult,
} from "./create-character.js";
export {
  defaultDeletionRules,
  deleteCharacter,
  type CharacterDeletionRules,
  type DeleteCharacterRequest,
} from "./delete-character.js";
export { defaultCreationRules, type CharacterCreationRules } from "./creation-rules.js";
export { checkPlayerName, normalizePlayerName, type PlayerNameRules } from "./player-names.js";
export { characterCustomizeFlags, characterEnumFlags, toCharacterEnumEntry } from "./character-enum-entry.js";
export { AtLoginFlag, CharacterFlag, CharCustomizeFlag, PlayerExtraFlag, PlayerFlag } from "./character-flags.js";
export { CharacterClass, Race, TeamId, teamOfRace } from "./races-classes.js";
export { OnlineCharacters, type OnlineCharacter, type OnlineCharacterUpdate } from "./online-characters.js";
export { CHARACTERS_QUEUE_GROUP } from "./online-events.js";
export { NEW_CHARACTER_AT_LOGIN } from "./new-character-row.js";
export { CharactersError } from "./errors.js";

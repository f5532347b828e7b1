/**
 * Name and GUID lookups: online ones answer from the online index, the others fall back to the
 * characters database, as ToCloud9's charserver does.
 */
import type { CharactersHandlers } from "@tc9/sdk/contracts";
import { byNameView, onlineByNameView, shortView } from "../character-views.js";
import { normalizePlayerName } from "../player-names.js";
import { storedCharacterByGuid, storedCharacterByName } from "../stored-characters.js";
import { CHARACTERS_API, type CharactersDeps } from "./handler-deps.js";

type LookupHandlers = Pick<
  CharactersHandlers,
  | "characterOnlineByName"
  | "characterByName"
  | "characterByGUID"
  | "shortOnlineCharactersDataByGUIDs"
  | "getOnlineCharacters"
>;

export function lookupHandlers({ realms, online }: CharactersDeps): LookupHandlers {
  return {
    async characterOnlineByName({ realmID, characterName }) {
      const character = online.byName(realmID, characterName);
      return { api: CHARACTERS_API, character: character && onlineByNameView(character) };
    },
    async characterByName({ realmID, characterName }) {
      const onlineCharacter = online.byName(realmID, characterName);
      if (onlineCharacter) return { api: CHARACTERS_API, character: byNameView(realmID, onlineCharacter) };
      const name = normalizePlayerName(characterName);
      const stored = name === undefined ? undefined : await storedCharacterByName(realms(realmID).characters, name);
      return { api: CHARACTERS_API, character: stored && byNameView(realmID, stored) };
    },
    async characterByGUID({ realmID, characterGUID }) {
      const character = online.byGuid(realmID, characterGUID) ?? (await storedCharacterByGuid(realms(realmID).characters, characterGUID));
      return { api: CHARACTERS_API, character: character && byNameView(realmID, character) };
    },
    async shortOnlineCharactersDataByGUIDs({ realmID, GUIDs }) {
      const characters = GUIDs.flatMap((guid) => {
        const character = online.byGuid(realmID, guid);
        return character ? [shortView(character)] : [];
      });
      return { api: CHARACTERS_API, characters };
    },
    async getOnlineCharacters({ realmID }) {
      const characterGUIDs = online.all(realmID).map((character) => character.guid);
      return { api: CHARACTERS_API, characterGUIDs, totalCount: characterGUIDs.length };
    },
  };
}

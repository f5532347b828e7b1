/** /who (CMSG_WHO) over the online index; see `who-search.ts` for the filters. */
import { RpcError, RpcStatus } from "@tc9/sdk";
import type { CharactersHandlers } from "@tc9/sdk/contracts";
import { whoView } from "../character-views.js";
import { guildNames } from "../guild-names.js";
import { teamOfRace } from "../races-classes.js";
import { passesBasicFilters, passesTextFilters, type WhoCriteria } from "../who-search.js";
import { CHARACTERS_API, type CharactersDeps } from "./handler-deps.js";

/** The client sends at most 10 zones and 4 words; AzerothCore ignores requests with more. */
const maxZones = 10;
const maxWords = 4;

export function whoHandler({ realms, online, who }: CharactersDeps): Pick<CharactersHandlers, "whoQuery"> {
  return {
    async whoQuery(request) {
      if (request.zones.length > maxZones || request.strings.length > maxWords) {
        throw new RpcError(
          RpcStatus.INVALID_ARGUMENT,
          `a /who request has at most ${maxZones} zones and ${maxWords} words, not ${request.zones.length} and ${request.strings.length}`,
        );
      }
      const requester = online.byGuid(request.realmID, request.characterGUID);
      const criteria: WhoCriteria = {
        levelMin: request.lvlMin,
        levelMax: request.lvlMax,
        playerName: request.playerName,
        guildName: request.guildName,
        raceMask: request.raceMask,
        classMask: request.classMask,
        zones: request.zones,
        strings: request.strings,
        team: who.twoSide || requester === undefined ? undefined : teamOfRace(requester.race),
      };
      const candidates = online.all(request.realmID).filter((character) => passesBasicFilters(character, criteria));
      if (candidates.length === 0) return { api: CHARACTERS_API, totalFound: 0, itemsToDisplay: [] };
      const names = await guildNames(realms(request.realmID).characters, candidates.map((character) => character.guildId));
      const guildOf = (guildId: number): string => names.get(guildId) ?? "";
      const matches = candidates.filter((character) => passesTextFilters(character, guildOf(character.guildId), criteria));
      return {
        api: CHARACTERS_API,
        totalFound: matches.length,
        itemsToDisplay: matches.slice(0, who.maxResults).map((character) => whoView(character, guildOf(character.guildId))),
      };
    },
  };
}

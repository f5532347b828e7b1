/** The lookup responses' character messages, built from online or stored characters. */
import {
  CharacterByNameResponse_Char,
  CharacterOnlineByNameResponse_Char,
  ShortCharactersDataByGUIDsResponse_ShortCharData,
  WhoQueryResponse_WhoItem,
} from "@tc9/sdk/contracts";
import type { OnlineCharacter } from "./online-characters.js";
import type { CharacterSummary } from "./stored-characters.js";

const isOnline = (character: CharacterSummary | OnlineCharacter): character is OnlineCharacter => "gatewayId" in character;

function commonFields(realmId: number, character: CharacterSummary) {
  return {
    realmID: realmId,
    charGUID: character.guid,
    charName: character.name,
    charRace: character.race,
    charClass: character.class,
    charGender: character.gender,
    charLvl: character.level,
    charZone: character.zone,
    charMap: character.map,
    charGuildID: BigInt(character.guildId),
    accountID: character.accountId,
  };
}

/** `CharacterOnlineByNameResponse.Char` of an online character. */
export function onlineByNameView(character: OnlineCharacter): CharacterOnlineByNameResponse_Char {
  return CharacterOnlineByNameResponse_Char.create({ ...commonFields(character.realmId, character), gatewayID: character.gatewayId });
}

/** `CharacterByNameResponse.Char`: online ones with their gateway, stored ones offline. */
export function byNameView(realmId: number, character: CharacterSummary | OnlineCharacter): CharacterByNameResponse_Char {
  return CharacterByNameResponse_Char.create({
    ...commonFields(realmId, character),
    isOnline: isOnline(character),
    gatewayID: isOnline(character) ? character.gatewayId : "",
  });
}

/** `ShortCharactersDataByGUIDsResponse.ShortCharData` of an online character. */
export function shortView(character: OnlineCharacter): ShortCharactersDataByGUIDsResponse_ShortCharData {
  return ShortCharactersDataByGUIDsResponse_ShortCharData.create({
    ...commonFields(character.realmId, character),
    isOnline: true,
    gatewayID: character.gatewayId,
  });
}

/** One /who line. */
export function whoView(character: OnlineCharacter, guildName: string): WhoQueryResponse_WhoItem {
  return WhoQueryResponse_WhoItem.create({
    guid: character.guid,
    name: character.name,
    guild: guildName,
    lvl: character.level,
    class: character.class,
    race: character.race,
    gender: character.gender,
    zoneID: character.zone,
  });
}

/**
 * SavePlayerPosition: the gateway's crash recovery stores where a character was when its
 * worldserver went away, before logging it in on another one. As in ToCloud9 the row is written
 * whatever the character's state; a worldserver that still has the character loaded overwrites it
 * at its next save, so the write only sticks for characters no worldserver holds.
 */
import { RpcError, RpcStatus } from "@tc9/sdk";
import type { CharactersHandlers } from "@tc9/sdk/contracts";
import { CHARACTERS_API, type CharactersDeps } from "./handler-deps.js";

/** `characters.map` is a SMALLINT UNSIGNED. */
const maxMapId = 0xffff;

export function positionHandler({ realms }: CharactersDeps): Pick<CharactersHandlers, "savePlayerPosition"> {
  return {
    async savePlayerPosition({ realmID, charGUID, mapID, x, y, z, o }) {
      if (mapID > maxMapId) throw new RpcError(RpcStatus.INVALID_ARGUMENT, `map ${mapID} does not exist; map ids are 0..${maxMapId}`);
      await realms(realmID).characters.execute(
        "UPDATE characters SET map = ?, position_x = ?, position_y = ?, position_z = ?, orientation = ? WHERE guid = ?",
        [mapID, x, y, z, o, charGUID],
      );
      return { api: CHARACTERS_API };
    },
  };
}

import { playerFromWire, type Client, type PlayerIdentity } from "@tc9/sdk";
import type { CharactersService } from "@tc9/sdk/contracts";
import { nameQueryCodec, nameQueryResponseCodec, type NameQueryResponse } from "@tc9/sdk/wow";
import type { Logger } from "pino";

/** What answering name queries needs. */
export interface NameQueryDeps {
  /** The realm of the gateway's clients: its players have plain low GUIDs on the wire. */
  readonly realmId: number;
  /** The names of the cluster's realms by id (the topology's `realms`). */
  readonly realmNames: ReadonlyMap<number, string>;
  readonly characters: Client<typeof CharactersService>;
  readonly rpcTimeoutMs: number;
  readonly logger: Logger;
}

const API = "tc9";

/**
 * CMSG_NAME_QUERY from a client in the world: for a player of another realm (a realm-qualified GUID,
 * which no worldserver of this realm knows) the answer the gateway sends itself; undefined when the
 * query goes to the worldserver (a player of this realm, or not a player). A query that does not
 * decode throws the codec's ProtocolError.
 */
export function crossrealmNameAnswer(deps: NameQueryDeps, payload: Uint8Array, signal: AbortSignal): Promise<Uint8Array> | undefined {
  const { guid } = nameQueryCodec.decode(payload);
  const player = playerFromWire(guid, deps.realmId);
  if (!player || player.realmId === deps.realmId) return undefined;
  return nameAnswer(deps, guid, player, signal);
}

/**
 * SMSG_NAME_QUERY_RESPONSE from the worldserver: a "not found" for a player (one of this realm on
 * another worldserver or offline) re-filled from the characters service, as ToCloud9's gateway
 * does; undefined when the answer is relayed as it is (found, not a player, or not decodable: the
 * client judges it).
 */
export function refilledNameAnswer(deps: NameQueryDeps, payload: Uint8Array, signal: AbortSignal): Promise<Uint8Array> | undefined {
  let response: NameQueryResponse;
  try {
    response = nameQueryResponseCodec.decode(payload);
  } catch {
    return undefined;
  }
  if (response.character) return undefined;
  const player = playerFromWire(response.guid, deps.realmId);
  return player && nameAnswer(deps, response.guid, player, signal);
}

/**
 * SMSG_NAME_QUERY_RESPONSE for `player` from CharactersService.CharacterByGUID (asked in the
 * player's realm), echoing `guid` as the client knows it; the realm name is set for another
 * realm's player (empty for this realm's, as AzerothCore writes it). An unknown player, a realm
 * the cluster does not have or a characters service that does not answer (logged) is "not found".
 * Never rejects.
 */
async function nameAnswer(deps: NameQueryDeps, guid: bigint, player: PlayerIdentity, signal: AbortSignal): Promise<Uint8Array> {
  const realmName = player.realmId === deps.realmId ? "" : deps.realmNames.get(player.realmId);
  if (realmName === undefined) return nameQueryResponseCodec.encode({ guid });
  try {
    const { character } = await deps.characters.characterByGUID(
      { api: API, realmID: player.realmId, characterGUID: BigInt(player.lowGuid) },
      { timeoutMs: deps.rpcTimeoutMs, signal },
    );
    if (!character) return nameQueryResponseCodec.encode({ guid });
    return nameQueryResponseCodec.encode({
      guid,
      character: { name: character.charName, realmName, race: character.charRace, gender: character.charGender, classId: character.charClass },
    });
  } catch (error) {
    if (!signal.aborted) deps.logger.warn({ guid, realm: player.realmId, err: error }, "name query lookup failed; answering not found");
    return nameQueryResponseCodec.encode({ guid });
  }
}

import { nameQueryCodec, nameQueryResponseCodec } from "../../wow/world/messages/name-query.js";
import { packetOf } from "./login-sequence.js";
import type { WorldSession } from "./world-session.js";

/**
 * CMSG_NAME_QUERY: SMSG_NAME_QUERY_RESPONSE with the name, race, gender and class of a player in
 * this world (realm name empty, as AzerothCore writes it for its own realm); any other GUID is
 * "not found". The simulator knows only the players it hosts, where AzerothCore's character cache
 * knows the rows its database held at start: in a cluster, a character made or renamed on another
 * worldserver is missing from it, which the gateway makes up for.
 */
export function handleNameQuery(session: WorldSession, payload: Uint8Array): void {
  const { guid } = nameQueryCodec.decode(payload);
  const known = session.context.players.byGuid(guid)?.player?.character;
  session.send(
    packetOf(
      nameQueryResponseCodec,
      known ? { guid, character: { name: known.name, realmName: "", race: known.race, gender: known.gender, classId: known.classId } } : { guid },
    ),
  );
}

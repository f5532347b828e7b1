export type { PlayerIdentity } from "./player-identity.js";
export { arenaTeamFromId, crossrealmArenaTeamId, PlayerIdentityError, playerFromWire, playerGuidOnWire, samePlayer } from "./player-identity.js";

/** A player GUID below this carries no high type (a plain or realm-qualified character GUID). */
const HIGH_TYPE_SHIFT = 48n;

/**
 * Whether a player belongs to this worldserver's realm (ToCloud9 PR #37): a realm-qualified GUID
 * (`realm << 32 | low`) names its realm; any other GUID is of the event's realm.
 */
function isLocalPlayer(ownRealm: number, eventRealm: number, playerGuid: bigint): boolean {
  if (playerGuid === 0n) return false;
  if (playerGuid >> HIGH_TYPE_SHIFT === 0n) {
    const playerRealm = Number((playerGuid >> 32n) & 0xffffn);
    if (playerRealm !== 0) return playerRealm === ownRealm;
  }
  return eventRealm === ownRealm;
}

/**
 * Whether a group event concerns this worldserver: true when any of the players it names belongs
 * to this realm. Events of other realms (and cross-realm groups without a local member) are dropped.
 */
export function concernsRealm(ownRealm: number, eventRealm: number, players: readonly bigint[]): boolean {
  return players.some((player) => isLocalPlayer(ownRealm, eventRealm, player));
}

/** The C hooks take a group's low 32 bits (`uint32_t guid`). */
export function groupGuid32(groupId: bigint): number {
  return Number(groupId & 0xffff_ffffn);
}

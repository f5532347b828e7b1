/**
 * Crossrealm identity (ToCloud9 PR #37): a player is known everywhere by its realm and the low GUID
 * of its row in that realm's characters database. On the wire a client sees a player of its own
 * realm as the plain low GUID and a player of another realm as `realm << 32 | low`; GUIDs with bits
 * above bit 47 are creatures, items, objects… and are never rewritten.
 */

/** A player of the cluster: its realm and its `characters.guid`. */
export interface PlayerIdentity {
  readonly realmId: number;
  readonly lowGuid: number;
}

/** Realm ids fit the 16 bits between the low GUID and the high type. */
const MAX_REALM_ID = 0xffff;
const LOW_MASK = 0xffff_ffffn;
/** Any bit here makes a GUID a non-player one (AzerothCore's HighGuid lives in bits 48..63). */
const HIGH_TYPE_SHIFT = 48n;

/** Why a value is not a player identity. */
export class PlayerIdentityError extends RangeError {
  override readonly name = "PlayerIdentityError";
}

function checkIdentity(player: PlayerIdentity): void {
  if (!Number.isInteger(player.realmId) || player.realmId < 1 || player.realmId > MAX_REALM_ID) {
    throw new PlayerIdentityError(`realm id ${player.realmId} is not a realm; realm ids are 1..${MAX_REALM_ID}`);
  }
  if (!Number.isInteger(player.lowGuid) || player.lowGuid < 1 || player.lowGuid > 0xffff_ffff) {
    throw new PlayerIdentityError(`low GUID ${player.lowGuid} is not a character GUID; it must be 1..4294967295`);
  }
}

/** The GUID a client of `viewerRealm` sees for `player`: its low GUID at home, realm-qualified elsewhere. */
export function playerGuidOnWire(player: PlayerIdentity, viewerRealm: number): bigint {
  checkIdentity(player);
  const low = BigInt(player.lowGuid);
  return player.realmId === viewerRealm ? low : (BigInt(player.realmId) << 32n) | low;
}

/**
 * The player a GUID seen by a client of `viewerRealm` names; undefined for a non-player GUID (high
 * type bits set) or 0. A GUID without realm bits is a player of the viewer's realm.
 */
export function playerFromWire(guid: bigint, viewerRealm: number): PlayerIdentity | undefined {
  if (guid <= 0n || guid >> HIGH_TYPE_SHIFT !== 0n) return undefined;
  const lowGuid = Number(guid & LOW_MASK);
  if (lowGuid === 0) return undefined;
  const realmBits = Number(guid >> 32n);
  return { realmId: realmBits === 0 ? viewerRealm : realmBits, lowGuid };
}

/** Whether two identities are the same player (realm and low GUID). */
export function samePlayer(a: PlayerIdentity, b: PlayerIdentity): boolean {
  return a.realmId === b.realmId && a.lowGuid === b.lowGuid;
}

/** Arena team ids are realm-qualified in their top byte: `realm << 24 | (id & 0xFFFFFF)`. */
export function crossrealmArenaTeamId(realmId: number, teamId: number): number {
  if (!Number.isInteger(realmId) || realmId < 1 || realmId > 0xff) {
    throw new PlayerIdentityError(`realm id ${realmId} does not fit an arena team id; arena teams carry realms 1..255`);
  }
  return ((realmId << 24) | (teamId & 0xff_ffff)) >>> 0;
}

/** The realm and the realm's own arena team id of a realm-qualified arena team id. */
export function arenaTeamFromId(qualifiedId: number): { readonly realmId: number; readonly teamId: number } {
  return { realmId: qualifiedId >>> 24, teamId: qualifiedId & 0xff_ffff };
}

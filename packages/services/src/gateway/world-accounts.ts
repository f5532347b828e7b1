import { toSafeInteger, type Database, type DatabaseInteger } from "@tc9/sdk";

/**
 * What the world handshake needs to know about an account, read from AzerothCore's auth database
 * as the worldserver reads it (`LOGIN_SEL_ACCOUNT_INFO_BY_NAME`): K of the last logon, the IP lock,
 * the expansion, the security level on this realm and whether an account ban is in force.
 */
export interface WorldAccount {
  readonly id: number;
  readonly username: string;
  /** K of the last logon, 40 bytes. */
  readonly sessionKey: Uint8Array;
  /** `account.locked`: sessions only from `lastIp`. */
  readonly lockedToIp: boolean;
  readonly lastIp: string;
  readonly expansion: number;
  /** `account_access.gmlevel` for this realm (its own row, else the all-realms row), 0 without one. */
  readonly security: number;
  /** An active account ban is in force (temporary and not expired, or permanent). */
  readonly banned: boolean;
}

interface WorldAccountRow {
  id: number;
  username: string;
  session_key: Buffer;
  locked: number;
  last_ip: string;
  expansion: number;
  security: DatabaseInteger | null;
  banned: DatabaseInteger;
}

/**
 * The account named `username` (exactly as CMSG_AUTH_SESSION carries it; the column's collation
 * ignores case as AzerothCore's does) that has a session key; undefined when there is none.
 */
export async function findWorldAccount(db: Database, username: string, realmId: number): Promise<WorldAccount | undefined> {
  const row = await db.queryOne<WorldAccountRow>(
    "SELECT a.id, a.username, a.session_key, a.locked, a.last_ip, a.expansion, " +
      "(SELECT aa.gmlevel FROM account_access aa WHERE aa.id = a.id AND aa.RealmID IN (-1, ?) ORDER BY aa.RealmID DESC LIMIT 1) AS security, " +
      "EXISTS (SELECT 1 FROM account_banned b WHERE b.id = a.id AND b.active = 1 " +
      "AND (b.unbandate > UNIX_TIMESTAMP() OR b.unbandate = b.bandate)) AS banned " +
      "FROM account a WHERE a.username = ? AND a.session_key IS NOT NULL",
    [realmId, username],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    sessionKey: new Uint8Array(row.session_key),
    lockedToIp: row.locked !== 0,
    lastIp: row.last_ip,
    expansion: row.expansion,
    security: row.security === null ? 0 : toSafeInteger(row.security),
    banned: toSafeInteger(row.banned) !== 0,
  };
}

/**
 * The auth database's `realmcharacters` table: how many characters each account has on each
 * realm, which the realm list shows and the account limit is checked against.
 */
import { toSafeInteger, type Queryable } from "@tc9/sdk";

/** `realmcharacters.numchars` is a TINYINT UNSIGNED. */
const maxStoredCount = 255;

/** The account's characters on all realms, as `realmcharacters` has them (AzerothCore `LOGIN_SEL_SUM_REALM_CHARACTERS`). */
export async function accountCharacterTotal(auth: Queryable, accountId: number): Promise<number> {
  const row = await auth.queryOne<{ total: string | null }>(
    "SELECT SUM(numchars) AS total FROM realmcharacters WHERE acctid = ?",
    [accountId],
  );
  return row?.total == null ? 0 : toSafeInteger(row.total);
}

/**
 * Counts the account's characters on the realm in `characters` (inside a transaction: including
 * its own uncommitted changes) and stores the count in `realmcharacters`, as AzerothCore's
 * `World::UpdateRealmCharCount` does. Returns the count.
 */
export async function storeRealmCharacterCount(
  characters: Queryable,
  auth: Queryable,
  realmId: number,
  accountId: number,
): Promise<number> {
  const row = await characters.queryOne<{ count: string }>(
    "SELECT COUNT(*) AS count FROM characters WHERE account = ?",
    [accountId],
  );
  const count = toSafeInteger(row?.count ?? 0);
  await auth.execute("REPLACE INTO realmcharacters (numchars, acctid, realmid) VALUES (?, ?, ?)", [
    Math.min(count, maxStoredCount),
    accountId,
    realmId,
  ]);
  return count;
}

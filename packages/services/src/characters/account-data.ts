/**
 * Account-wide client data (`account_data`: UI layout, macros, key bindings…), read for
 * CMSG_READY_FOR_ACCOUNT_DATA_TIMES and written when the client uploads a blob.
 */
import type { Queryable } from "@tc9/sdk";
import { AccountData } from "@tc9/sdk/contracts";

/** `NUM_ACCOUNT_DATA_TYPES`: the client has data types 0..7. */
export const ACCOUNT_DATA_TYPES = 8;

/** The account's stored blobs, by type. */
export async function accountDataOfAccount(characters: Queryable, accountId: number): Promise<AccountData[]> {
  const rows = await characters.queryRows<{ type: number; time: number; data: Buffer }>(
    "SELECT type, time, data FROM account_data WHERE accountId = ? ORDER BY type",
    [accountId],
  );
  return rows.map((row) => AccountData.create({ type: row.type, time: BigInt(row.time), data: row.data.toString("utf8") }));
}

/** Stores (replaces) one blob; `time` is the client's unix time of the change. */
export async function storeAccountData(
  characters: Queryable,
  accountId: number,
  blob: { readonly type: number; readonly time: number; readonly data: string },
): Promise<void> {
  await characters.execute("REPLACE INTO account_data (accountId, type, time, data) VALUES (?, ?, ?, ?)", [
    accountId,
    blob.type,
    blob.time,
    Buffer.from(blob.data, "utf8"),
  ]);
}

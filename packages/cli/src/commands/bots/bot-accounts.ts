import { Database } from "@tc9/sdk";
import { ACCOUNT_ERROR_CODES, createAccount } from "@tc9/services";

/** The bots' account names: `<prefix>1` … `<prefix><count>`. */
export function botUsernames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
}

/**
 * Creates each of `usernames` with `password` in the auth database at `authDbUrl` unless it
 * exists (an existing account keeps its password); resolves to how many were created.
 */
export async function ensureBotAccounts(authDbUrl: string, usernames: readonly string[], password: string): Promise<number> {
  const db = new Database({ url: authDbUrl, poolSize: 2 });
  let created = 0;
  try {
    for (const username of usernames) {
      try {
        await createAccount(db, { username, password });
        created += 1;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== ACCOUNT_ERROR_CODES.nameTaken) throw error;
      }
    }
    return created;
  } finally {
    await db.close();
  }
}

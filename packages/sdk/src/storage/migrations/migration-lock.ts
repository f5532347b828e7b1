import { createHash } from "node:crypto";
import type { Queryable } from "../queryable.js";
import type { MigrationKind } from "../package-paths.js";
import { MigrationLockTimeoutError } from "./migration-errors.js";

/**
 * Serialises migration runners with a MariaDB user lock (`GET_LOCK`). The lock belongs to the
 * runner's session, so it disappears when the session ends, even if the process dies mid-run —
 * there is no lock row to clean up. (ToCloud9's PR #37 review rejected `GET_LOCK` as a guard for
 * business logic, where a unique key is the better tool; a migration runner has no such key to
 * lean on for "run these DDL files once", and this is the conventional tool for it.)
 */

const maxLockNameLength = 64;

/** The lock name for one database and kind; user locks are server-wide, so the database is in it. */
export function migrationLockName(database: string, kind: MigrationKind): string {
  const name = `tc9_migrations:${kind}:${database}`;
  if (name.length <= maxLockNameLength) return name;
  const digest = createHash("sha256").update(database).digest("hex").slice(0, 16);
  return `tc9_migrations:${kind}:${digest}`;
}

/** Waits up to `timeoutSeconds` for the lock; throws `MigrationLockTimeoutError` when not granted. */
export async function acquireMigrationLock(session: Queryable, lockName: string, timeoutSeconds: number): Promise<void> {
  const row = await session.queryOne<{ granted: number | null }>("SELECT GET_LOCK(?, ?) AS granted", [
    lockName,
    timeoutSeconds,
  ]);
  if (row?.granted !== 1) throw new MigrationLockTimeoutError(lockName, timeoutSeconds);
}

/** Releases the lock (also released implicitly when the session closes). */
export async function releaseMigrationLock(session: Queryable, lockName: string): Promise<void> {
  await session.queryOne("SELECT RELEASE_LOCK(?) AS released", [lockName]);
}

import { StorageQueryError } from "../errors.js";
import type { Queryable } from "../queryable.js";
import type { MigrationKind } from "../package-paths.js";

/** One row of `tc9_schema_migrations`. */
export interface AppliedMigration {
  readonly name: string;
  readonly checksum: string;
  /** `YYYY-MM-DD HH:MM:SS`, in the server's time zone. */
  readonly appliedAt: string;
}

/** The table that records applied migrations, in the database they were applied to. */
export const migrationTable = "tc9_schema_migrations";

const errnoNoSuchTable = 1146;

/**
 * Creates the record table when missing. `kind` is part of the key so that the auth and
 * characters migrations stay apart even when both live in one database.
 */
export async function ensureMigrationTable(statements: Queryable): Promise<void> {
  await statements.execute(
    `CREATE TABLE IF NOT EXISTS \`${migrationTable}\` (
       \`kind\` VARCHAR(16) NOT NULL,
       \`name\` VARCHAR(255) NOT NULL,
       \`checksum\` CHAR(64) NOT NULL,
       \`applied_at\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
       PRIMARY KEY (\`kind\`, \`name\`)
     ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  );
}

/** The migrations recorded for `kind`, by name; empty when the table does not exist yet. */
export async function readAppliedMigrations(statements: Queryable, kind: MigrationKind): Promise<AppliedMigration[]> {
  try {
    return await statements.queryRows<AppliedMigration>(
      `SELECT \`name\`, \`checksum\`, \`applied_at\` AS appliedAt FROM \`${migrationTable}\` WHERE \`kind\` = ? ORDER BY \`name\``,
      [kind],
    );
  } catch (error) {
    if (error instanceof StorageQueryError && error.errno === errnoNoSuchTable) return [];
    throw error;
  }
}

/** Records one migration as applied. */
export async function recordMigration(
  statements: Queryable,
  kind: MigrationKind,
  name: string,
  checksum: string,
): Promise<void> {
  await statements.execute(`INSERT INTO \`${migrationTable}\` (\`kind\`, \`name\`, \`checksum\`) VALUES (?, ?, ?)`, [
    kind,
    name,
    checksum,
  ]);
}

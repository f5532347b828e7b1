import { azerothCoreSchemaTables, Database, migrationStatus, redactDatabaseUrl } from "@tc9/sdk";
import { errorSummary } from "../../errors.js";
import type { DatabaseLocation } from "../../resolve-databases.js";
import type { CheckResult } from "./check-result.js";

/** The databases the doctor checks: they have both AzerothCore tables and tc9 migrations. */
export type CheckedDatabase = "auth" | "characters";

const schemaSources: Readonly<Record<CheckedDatabase, string>> = {
  auth: "azerothcore-wotlk's data/sql/base/db_auth (or let its authserver create the database once)",
  characters: "azerothcore-wotlk's data/sql/base/db_characters (or let its worldserver create the database once)",
};

/**
 * Checks one database: it answers; the AzerothCore tables tc9 declares for it are all there;
 * tc9's applied migrations are unchanged (pending ones are
 * reported; a node applies them when it starts).
 */
export async function checkDatabase(kind: CheckedDatabase, location: DatabaseLocation, timeoutMs: number): Promise<CheckResult[]> {
  let db: Database;
  try {
    db = new Database({ url: location.url, poolSize: 1, connectTimeoutMs: timeoutMs });
  } catch (error) {
    const subject = redactDatabaseUrl(location.url);
    return [{ check: `${kind} database`, subject, status: "fail", message: errorSummary(error).message, fix: `correct ${location.origin}` }];
  }
  try {
    const subject = db.target;
    try {
      await db.ping();
    } catch (error) {
      return [
        {
          check: `${kind} database`,
          subject,
          status: "fail",
          message: `not reachable (${errorSummary(error).message})`,
          fix: `start MariaDB, or correct ${location.origin} (user, password, host, database name)`,
        },
      ];
    }
    const reachable: CheckResult = { check: `${kind} database`, subject, status: "ok", message: `reachable (from ${location.origin})` };
    return [reachable, await checkSchema(db, kind), await checkMigrations(db, kind)];
  } finally {
    await db.close();
  }
}

async function checkSchema(db: Database, kind: CheckedDatabase): Promise<CheckResult> {
  const check = `${kind} schema`;
  try {
    const declared = await azerothCoreSchemaTables(kind);
    const rows = await db.queryRows<{ name: string }>(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
    );
    const present = new Set(rows.map((row) => row.name.toLowerCase()));
    const missing = declared.filter((table) => !present.has(table.toLowerCase()));
    if (missing.length === 0) {
      return { check, subject: db.target, status: "ok", message: `all ${declared.length} AzerothCore tables tc9 uses are present` };
    }
    return {
      check,
      subject: db.target,
      status: "fail",
      message: `${missing.length} of the ${declared.length} AzerothCore tables tc9 uses are missing: ${missing.join(", ")}`,
      fix: `load AzerothCore's ${kind} schema into this database from ${schemaSources[kind]}`,
    };
  } catch (error) {
    return { check, subject: db.target, status: "fail", message: `cannot list tables (${errorSummary(error).message})`, fix: "grant the user SELECT on this database" };
  }
}

async function checkMigrations(db: Database, kind: CheckedDatabase): Promise<CheckResult> {
  const check = `${kind} migrations`;
  try {
    const status = await migrationStatus(db, { kind });
    if (status.changed.length > 0) {
      return {
        check,
        subject: db.target,
        status: "fail",
        message: `applied migration(s) changed since: ${status.changed.map((row) => row.name).join(", ")}`,
        fix: `restore those files in ${status.dir} and put changes in a new migration`,
      };
    }
    if (status.pending.length > 0) {
      return {
        check,
        subject: db.target,
        status: "ok",
        message: `${status.pending.length} pending (${status.pending.join(", ")}); a node applies them when it starts, or run tc9 migrate now`,
      };
    }
    return { check, subject: db.target, status: "ok", message: `up to date (${status.applied.length} applied)` };
  } catch (error) {
    return { check, subject: db.target, status: "fail", message: `cannot read the migration state (${errorSummary(error).message})`, fix: "check the user's rights on this database" };
  }
}

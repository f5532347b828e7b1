import type { Logger } from "pino";
import { connectionSettingsOf, type Database } from "../database.js";
import { defaultMigrationsDir, type MigrationKind } from "../package-paths.js";
import { ScriptSession } from "../script-session.js";
import { MigrationChangedError, MigrationFailedError } from "./migration-errors.js";
import { isEmptyScript, readMigrationFiles, type MigrationFile } from "./migration-files.js";
import { acquireMigrationLock, migrationLockName, releaseMigrationLock } from "./migration-lock.js";
import {
  ensureMigrationTable,
  readAppliedMigrations,
  recordMigration,
  type AppliedMigration,
} from "./migration-table.js";

/** Which migrations to run, and from where. */
export interface MigrationOptions {
  /** The database the migrations are written for; also part of the record key. */
  readonly kind: MigrationKind;
  /** Folder of `NNNN_description.sql` files; default `<repo>/migrations/<kind>`. */
  readonly dir?: string;
  /** How long to wait for another runner to finish; default 60 s. */
  readonly lockTimeoutSeconds?: number;
  /** Receives one info line per applied migration. */
  readonly logger?: Logger;
}

/** What a run did. */
export interface MigrationRunResult {
  /** Files applied by this run, in order. */
  readonly applied: string[];
  /** Files that were already recorded (and unchanged). */
  readonly alreadyApplied: string[];
}

/** An applied migration whose file content no longer matches what was applied. */
export interface ChangedMigration {
  readonly name: string;
  readonly recordedChecksum: string;
  readonly fileChecksum: string;
}

/** The state of a migration folder against a database. */
export interface MigrationStatus {
  readonly kind: MigrationKind;
  readonly dir: string;
  /** Recorded, and the file is unchanged. */
  readonly applied: AppliedMigration[];
  /** In the folder, not recorded yet. */
  readonly pending: string[];
  /** Recorded, but the file has changed since (runMigrations refuses to run). */
  readonly changed: ChangedMigration[];
  /** Recorded, but not in this folder (e.g. written by a newer tc9, or another module's folder). */
  readonly unknown: AppliedMigration[];
}

const defaultLockTimeoutSeconds = 60;

/**
 * Applies the folder's pending migrations to `db`, in number order, each exactly once.
 *
 * - Runners are serialised by a session lock (see migration-lock.ts), so concurrent nodes apply
 *   each file once; the others wait, then find nothing pending.
 * - Before anything runs, every recorded file is checked against its checksum; a changed file
 *   fails the run with `MigrationChangedError` and nothing is applied.
 * - Each file runs inside START TRANSACTION … COMMIT together with its record row, which makes a
 *   DML-only file atomic. DDL commits implicitly in MariaDB, so for a DDL file the record is
 *   written right after the file succeeded; a file that fails midway is not recorded and reruns
 *   whole next time — which is why migrations are written idempotent.
 */
export async function runMigrations(db: Database, options: MigrationOptions): Promise<MigrationRunResult> {
  const dir = options.dir ?? defaultMigrationsDir(options.kind);
  const files = await readMigrationFiles(dir);
  const session = await ScriptSession.open(connectionSettingsOf(db));
  const lockName = migrationLockName(db.name, options.kind);
  try {
    await acquireMigrationLock(session.statements, lockName, options.lockTimeoutSeconds ?? defaultLockTimeoutSeconds);
    try {
      await ensureMigrationTable(session.statements);
      const recorded = new Map(
        (await readAppliedMigrations(session.statements, options.kind)).map((row) => [row.name, row]),
      );
      for (const file of files) {
        const row = recorded.get(file.name);
        if (row !== undefined && row.checksum !== file.checksum) throw new MigrationChangedError(file.name, file.path);
      }
      const applied: string[] = [];
      const alreadyApplied: string[] = [];
      for (const file of files) {
        if (recorded.has(file.name)) {
          alreadyApplied.push(file.name);
          continue;
        }
        await applyOne(session, options.kind, file);
        options.logger?.info({ migration: file.name, kind: options.kind, database: db.target }, "migration applied");
        applied.push(file.name);
      }
      return { applied, alreadyApplied };
    } finally {
      await releaseMigrationLock(session.statements, lockName).catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}

async function applyOne(session: ScriptSession, kind: MigrationKind, file: MigrationFile): Promise<void> {
  try {
    await session.runScript("START TRANSACTION");
    if (!isEmptyScript(file.sql)) await session.runScript(file.sql);
    await recordMigration(session.statements, kind, file.name, file.checksum);
    await session.runScript("COMMIT");
  } catch (error) {
    await session.runScript("ROLLBACK").catch(() => undefined);
    throw new MigrationFailedError(file.name, (error as Error).message, error);
  }
}

/** Compares a migration folder with what `db` has recorded, without changing anything. */
export async function migrationStatus(
  db: Database,
  options: Pick<MigrationOptions, "kind" | "dir">,
): Promise<MigrationStatus> {
  const dir = options.dir ?? defaultMigrationsDir(options.kind);
  const files = await readMigrationFiles(dir);
  const recorded = await readAppliedMigrations(db, options.kind);
  const fileByName = new Map(files.map((file) => [file.name, file]));
  const recordedNames = new Set(recorded.map((row) => row.name));
  const applied: AppliedMigration[] = [];
  const changed: ChangedMigration[] = [];
  const unknown: AppliedMigration[] = [];
  for (const row of recorded) {
    const file = fileByName.get(row.name);
    if (file === undefined) unknown.push(row);
    else if (file.checksum === row.checksum) applied.push(row);
    else changed.push({ name: row.name, recordedChecksum: row.checksum, fileChecksum: file.checksum });
  }
  const pending = files.filter((file) => !recordedNames.has(file.name)).map((file) => file.name);
  return { kind: options.kind, dir, applied, pending, changed, unknown };
}

import { Tc9Error } from "../../errors.js";

/** A migration folder or file name that breaks the `NNNN_description.sql` rules. */
export class MigrationFileError extends Tc9Error {
  constructor(message: string) {
    super("TC9_ERR_STORAGE_MIGRATION_FILE", message);
  }
}

/** An applied migration whose file no longer has the content that was applied. */
export class MigrationChangedError extends Tc9Error {
  readonly file: string;

  constructor(file: string, path: string) {
    super(
      "TC9_ERR_STORAGE_MIGRATION_CHANGED",
      `Migration ${file} was already applied, but ${path} has changed since. Applied migrations are ` +
        `immutable: restore the file to the applied content (e.g. git checkout) and put the change ` +
        `in a new migration with the next number.`,
    );
    this.file = file;
  }
}

/** A migration whose SQL failed; it was not recorded and will run again on the next attempt. */
export class MigrationFailedError extends Tc9Error {
  readonly file: string;

  constructor(file: string, reason: string, cause: unknown) {
    super(
      "TC9_ERR_STORAGE_MIGRATION_FAILED",
      `Migration ${file} failed and was not recorded: ${reason}. Fix the SQL and run the migrations ` +
        `again; DDL statements that ran before the failure stay applied (MariaDB commits DDL ` +
        `implicitly), so keep migrations idempotent (IF NOT EXISTS / IF EXISTS).`,
      { cause },
    );
    this.file = file;
  }
}

/** Another runner held the migration lock for longer than the lock timeout. */
export class MigrationLockTimeoutError extends Tc9Error {
  constructor(lockName: string, seconds: number) {
    super(
      "TC9_ERR_STORAGE_MIGRATION_LOCKED",
      `Another process held the migration lock "${lockName}" for more than ${seconds} s. Wait for it ` +
        `to finish (or find a stuck session with SHOW PROCESSLIST) and run the migrations again, ` +
        `or raise lockTimeoutSeconds.`,
    );
  }
}

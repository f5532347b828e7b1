/**
 * tc9 storage: mysql2 pools for the AzerothCore auth / characters / world databases (prepared
 * statements only), transactions with deadlock retry, tc9's SQL migrations, and tc9's
 * declarations of the AzerothCore tables it uses. Test helpers live in `./testing.js`.
 */
export { parseDatabaseUrl, redactDatabaseUrl, type ConnectionSettings } from "./connection-url.js";
export { Database, openDatabase, type DatabaseOptions } from "./database.js";
export { DatabaseSet, type DatabaseSetConfig, type DatabaseSetOptions, type RealmDatabases } from "./database-set.js";
export {
  IntegerConversionError,
  StorageConfigError,
  StorageParameterError,
  StorageQueryError,
  StorageResultError,
  StorageUnavailableError,
  TransactionConflictError,
  UnknownRealmError,
} from "./errors.js";
export { toBigInt, toSafeInteger, type DatabaseInteger } from "./integers.js";
export type { ExecuteResult, Queryable } from "./queryable.js";
export type { SqlParams, SqlValue } from "./sql-values.js";
export type { Transaction, TransactionCallback, TransactionOptions } from "./transaction.js";
export type { AzerothCoreSchema, MigrationKind } from "./package-paths.js";
export { defaultMigrationsDir } from "./package-paths.js";
export { azerothCoreSchemaTables, installAzerothCoreSchema } from "./schema-files.js";
export {
  MigrationChangedError,
  MigrationFailedError,
  MigrationFileError,
  MigrationLockTimeoutError,
} from "./migrations/migration-errors.js";
export type { AppliedMigration } from "./migrations/migration-table.js";
export {
  migrationStatus,
  runMigrations,
  type ChangedMigration,
  type MigrationOptions,
  type MigrationRunResult,
  type MigrationStatus,
} from "./migrations/migration-runner.js";

import { Database, migrationStatus, redactDatabaseUrl, runMigrations, type MigrationKind } from "@tc9/sdk";
import { join } from "node:path";
import type { CliIo } from "../../cli-io.js";
import { AUTH_DB_ENV, CHARACTERS_DB_ENV } from "../../connection-flags.js";
import { CommandFailedError, errorSummary } from "../../errors.js";
import { printJson } from "../../output.js";
import {
  DatabaseNotConfiguredError,
  environmentSource,
  flagSource,
  resolveDatabases,
  type DatabaseLocation,
} from "../../resolve-databases.js";
import { styleFor } from "../../style.js";
import { renderMigrationOutcome, type MigrationOutcome } from "./render-migrations.js";

/** Options of `tc9 migrate`, as parsed. */
export interface MigrateOptions {
  readonly status?: boolean | undefined;
  readonly authDb?: string | undefined;
  readonly charactersDb?: readonly string[] | undefined;
  readonly migrationsDir?: string | undefined;
  readonly json?: boolean | undefined;
}

/**
 * `tc9 migrate`: for each configured database, applies its kind's pending migrations (or, with
 * `--status`, reports them). Databases are handled one after the other and independently; any
 * failure makes the command exit 1 after all were tried.
 */
export async function runMigrate(io: CliIo, options: MigrateOptions): Promise<void> {
  const locations = resolveDatabases([flagSource(options), environmentSource(io.env)]);
  const targets: { kind: MigrationKind; location: DatabaseLocation }[] = [
    ...(locations.auth === undefined ? [] : [{ kind: "auth" as const, location: locations.auth }]),
    ...locations.characters.map((location) => ({ kind: "characters" as const, location })),
  ];
  if (targets.length === 0) {
    throw new DatabaseNotConfiguredError(
      "database to migrate",
      `pass --auth-db <url> and/or --characters-db <url...>, or set ${AUTH_DB_ENV} / ${CHARACTERS_DB_ENV}`,
    );
  }
  const outcomes: MigrationOutcome[] = [];
  for (const { kind, location } of targets) {
    outcomes.push(await migrateOne(kind, location, options));
  }
  const ok = outcomes.every((outcome) => outcome.error === undefined && (outcome.status?.changed.length ?? 0) === 0);
  if (options.json === true) printJson(io, { ok, databases: outcomes });
  else {
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(`${outcomes.map((outcome) => renderMigrationOutcome(outcome, style)).join("\n")}\n`);
  }
  if (!ok) throw new CommandFailedError();
}

async function migrateOne(kind: MigrationKind, location: DatabaseLocation, options: MigrateOptions): Promise<MigrationOutcome> {
  const base = { kind, database: redactDatabaseUrl(location.url), origin: location.origin };
  const dir = options.migrationsDir === undefined ? undefined : join(options.migrationsDir, kind);
  let db: Database | undefined;
  try {
    db = new Database({ url: location.url, poolSize: 2 });
    const described = { ...base, database: db.target };
    if (options.status === true) return { ...described, status: await migrationStatus(db, { kind, ...(dir === undefined ? {} : { dir }) }) };
    return { ...described, run: await runMigrations(db, { kind, ...(dir === undefined ? {} : { dir }) }) };
  } catch (error) {
    return { ...base, ...(db === undefined ? {} : { database: db.target }), error: errorSummary(error) };
  } finally {
    await db?.close();
  }
}

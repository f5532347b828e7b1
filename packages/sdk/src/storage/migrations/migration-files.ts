import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MigrationFileError } from "./migration-errors.js";

/** One `NNNN_description.sql` file of a migration folder. */
export interface MigrationFile {
  /** The file name, e.g. `0001_create_guild_invites.sql`; the key it is recorded under. */
  readonly name: string;
  /** The number prefix, e.g. 1. */
  readonly version: number;
  readonly path: string;
  readonly sql: string;
  /** SHA-256 (hex) of the content with CRLF line ends normalised to LF. */
  readonly checksum: string;
}

const fileNamePattern = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

/** SHA-256 of a migration's text, insensitive to CRLF vs LF checkouts. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

/**
 * Reads a migration folder: every `*.sql` file, which must be named `NNNN_description.sql`
 * (four digits, lower-case snake-case description) with no number used twice. Other files (a
 * README) are ignored. Sorted by number.
 */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    throw new MigrationFileError(
      `Migration folder ${dir} cannot be read (${(cause as Error).message}); create it or pass the right dir.`,
    );
  }
  const files: MigrationFile[] = [];
  const byVersion = new Map<number, string>();
  for (const name of entries.filter((entry) => entry.endsWith(".sql")).sort()) {
    const match = fileNamePattern.exec(name);
    if (match === null) {
      throw new MigrationFileError(
        `Migration file ${join(dir, name)} is not named NNNN_description.sql (four digits, an underscore, ` +
          `lower-case words joined by underscores); rename it.`,
      );
    }
    const version = Number(match[1]);
    const clash = byVersion.get(version);
    if (clash !== undefined) {
      throw new MigrationFileError(
        `Migrations ${clash} and ${name} in ${dir} share the number ${match[1]}; give the newer one the next free number.`,
      );
    }
    byVersion.set(version, name);
    const path = join(dir, name);
    const sql = await readFile(path, "utf8");
    files.push({ name, version, path, sql, checksum: migrationChecksum(sql) });
  }
  return files.sort((a, b) => a.version - b.version);
}

/** True when a script has nothing but `--` / `#` comments and blank lines (MariaDB rejects it). */
export function isEmptyScript(sql: string): boolean {
  return sql
    .split(/\r?\n/)
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--") || line.startsWith("#"));
}

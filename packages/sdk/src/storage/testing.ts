import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Tc9Error } from "../errors.js";
import { parseDatabaseUrl, withDatabase } from "./connection-url.js";
import { Database } from "./database.js";
import { repositoryDir, type AzerothCoreSchema } from "./package-paths.js";
import { installAzerothCoreSchema } from "./schema-files.js";
import { ScriptSession } from "./script-session.js";

/**
 * Test helpers for code that talks to MariaDB: throw-away databases loaded with tc9's schema
 * files or with AzerothCore's own schema dumps (the fixtures in `shared/fixtures/azerothcore`).
 */

/** Where the test server is: `TC9_TEST_MYSQL_URL`, else root without password on 127.0.0.1:3306. */
export function testServerUrl(): string {
  return process.env["TC9_TEST_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306";
}

/**
 * The AzerothCore fixture folder: `TC9_AZEROTHCORE_FIXTURES`, else `shared/fixtures/azerothcore`
 * next to the repository (CI clones the repository beside `shared/`).
 */
export function fixturesDir(): string {
  return process.env["TC9_AZEROTHCORE_FIXTURES"] ?? join(repositoryDir, "..", "shared", "fixtures", "azerothcore");
}

const fixtureFiles: Readonly<Record<AzerothCoreSchema, string>> = {
  auth: "auth.sql",
  characters: "characters.sql",
  world: "world-min.sql",
};

/** True when all three AzerothCore fixture dumps are present. */
export function fixturesAvailable(): boolean {
  return Object.values(fixtureFiles).every((file) => existsSync(join(fixturesDir(), file)));
}

/** The AzerothCore fixtures were asked for but are not on this machine. */
export class FixturesUnavailableError extends Tc9Error {
  constructor(path: string) {
    super(
      "TC9_ERR_STORAGE_FIXTURES_MISSING",
      `AzerothCore schema fixture ${path} does not exist. Clone the shared/ folder next to the ` +
        `repository or point TC9_AZEROTHCORE_FIXTURES at the fixture folder.`,
    );
  }
}

/** What to put in a scratch database. */
export interface ScratchDatabaseOptions {
  /** Which AzerothCore database to create; omit for an empty database. */
  readonly schema?: AzerothCoreSchema;
  /** tc9's own schema files (default) or AzerothCore's full schema dump from the fixtures. */
  readonly source?: "tc9" | "azerothcore-fixtures";
  /** Server to create it on; default `testServerUrl()`. */
  readonly serverUrl?: string;
}

/** A throw-away database; `drop()` closes its pool and drops it (idempotent). */
export interface ScratchDatabase {
  /** `tc9_test_<pid>_<random>`. */
  readonly name: string;
  readonly url: string;
  readonly db: Database;
  drop(): Promise<void>;
}

/** Creates `tc9_test_<pid>_<random>` and loads the requested schema into it. */
export async function createScratchDatabase(options: ScratchDatabaseOptions = {}): Promise<ScratchDatabase> {
  const serverUrl = options.serverUrl ?? testServerUrl();
  const name = `tc9_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(serverUrl, name);
  const settings = parseDatabaseUrl(serverUrl);
  const server = await ScriptSession.open(settings, null);
  try {
    await server.runScript(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      `create scratch database ${name}`,
    );
  } finally {
    await server.close();
  }
  const db = new Database({ url, poolSize: 4 });
  let dropped: Promise<void> | undefined;
  const drop = (): Promise<void> => {
    dropped ??= (async () => {
      await db.close();
      const session = await ScriptSession.open(settings, null);
      try {
        await session.runScript(`DROP DATABASE IF EXISTS \`${name}\``, `drop scratch database ${name}`);
      } finally {
        await session.close();
      }
    })();
    return dropped;
  };
  try {
    if (options.schema !== undefined) {
      if (options.source === "azerothcore-fixtures") await loadFixture(url, options.schema);
      else await installAzerothCoreSchema(db, options.schema);
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, db, drop };
}

async function loadFixture(url: string, schema: AzerothCoreSchema): Promise<void> {
  const path = join(fixturesDir(), fixtureFiles[schema]);
  if (!existsSync(path)) throw new FixturesUnavailableError(path);
  const dump = await readFile(path, "utf8");
  const session = await ScriptSession.open(parseDatabaseUrl(url));
  try {
    await session.runScript(dump, `fixture ${path}`);
  } finally {
    await session.close();
  }
}

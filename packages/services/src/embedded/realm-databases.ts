import {
  Database,
  installAzerothCoreSchema,
  parseDatabaseUrl,
  redactDatabaseUrl,
  runMigrations,
  StorageUnavailableError,
  type AzerothCoreSchema,
} from "@tc9/sdk";
import type { Logger } from "pino";
import { EMBEDDED_REALM_ERROR_CODES, EmbeddedRealmError } from "./errors.js";
import type { EmbeddedRealmSettings } from "./options.js";
import { seedStartingPositions } from "./starting-positions.js";

/** The realm's three databases, open, with their URLs. */
export interface RealmDatabases {
  readonly auth: Database;
  readonly characters: Database;
  readonly world: Database;
  readonly urls: { readonly auth: string; readonly characters: string; readonly world: string };
  /** Closes the three pools (idempotent). */
  close(): Promise<void>;
}

/** A database that every MariaDB server has, to talk to the server before the realm's databases exist. */
const SERVER_CATALOGUE = "information_schema";

/** `serverUrl` pointing at database `name` (the settings schema allows only safe names). */
function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks that `mysqlUrl` names a server and no database. */
function checkServerUrl(mysqlUrl: string): void {
  let database: string | undefined;
  try {
    ({ database } = parseDatabaseUrl(mysqlUrl));
  } catch (error) {
    throw new EmbeddedRealmError(EMBEDDED_REALM_ERROR_CODES.options, `mysqlUrl: ${describe(error)}`, { cause: error });
  }
  if (database !== undefined) {
    throw new EmbeddedRealmError(
      EMBEDDED_REALM_ERROR_CODES.options,
      `mysqlUrl "${redactDatabaseUrl(mysqlUrl)}" names database "${database}"; pass the server only ` +
        "(mysql://user:password@host:3306) and the databases as authDatabase, charactersDatabase and worldDatabase",
    );
  }
}

/** Connects to the server and creates the databases that do not exist yet. */
async function createMissingDatabases(mysqlUrl: string, names: readonly string[]): Promise<void> {
  const server = new Database({ url: databaseUrl(mysqlUrl, SERVER_CATALOGUE), poolSize: 1 });
  try {
    try {
      await server.ping();
    } catch (error) {
      const reason = error instanceof StorageUnavailableError ? describe(error.cause ?? error) : describe(error);
      throw new EmbeddedRealmError(
        EMBEDDED_REALM_ERROR_CODES.mysqlUnreachable,
        `MariaDB at ${redactDatabaseUrl(mysqlUrl)} cannot be reached (${reason}); start MariaDB or pass mysqlUrl`,
        { cause: error },
      );
    }
    for (const name of names) {
      try {
        await server.execute(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      } catch (error) {
        throw new EmbeddedRealmError(
          EMBEDDED_REALM_ERROR_CODES.prepare,
          `database ${name} cannot be created (${describe(error)}); grant the user CREATE or create the database yourself`,
          { cause: error },
        );
      }
    }
  } finally {
    await server.close();
  }
}

/** Runs one preparation step of one database, turning its failure into an error that names the database. */
async function step(database: Database, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw new EmbeddedRealmError(
      EMBEDDED_REALM_ERROR_CODES.prepare,
      `${what} in database ${database.name} failed (${describe(error)}); fix the database or point the realm at another one`,
      { cause: error },
    );
  }
}

/** The URLs of one realm's three databases (`mysql://user:password@host:3306/name`). */
export interface RealmDatabaseUrls {
  readonly auth: string;
  readonly characters: string;
  readonly world: string;
}

/**
 * Makes the realm's databases ready without touching an operator's data: creates the three
 * databases if missing, creates tc9's declared AzerothCore tables where they do not exist (which
 * also adds build 12340 to `build_info` when it lacks it), applies tc9's auth and characters
 * migrations, and fills an empty `playercreateinfo` with the starting places.
 */
export async function prepareRealmDatabases(settings: EmbeddedRealmSettings, logger?: Logger): Promise<RealmDatabases> {
  checkServerUrl(settings.mysqlUrl);
  return prepareRealmDatabaseUrls(
    {
      auth: databaseUrl(settings.mysqlUrl, settings.authDatabase),
      characters: databaseUrl(settings.mysqlUrl, settings.charactersDatabase),
      world: databaseUrl(settings.mysqlUrl, settings.worldDatabase),
    },
    logger,
  );
}

/** Splits a database URL into its server URL and a database name tc9 can quote safely. */
function serverAndName(url: string): { server: string; name: string } {
  let database: string | undefined;
  try {
    ({ database } = parseDatabaseUrl(url));
  } catch (error) {
    throw new EmbeddedRealmError(EMBEDDED_REALM_ERROR_CODES.options, `${redactDatabaseUrl(url)}: ${describe(error)}`, { cause: error });
  }
  if (database === undefined || !/^[A-Za-z0-9_]{1,64}$/.test(database)) {
    throw new EmbeddedRealmError(
      EMBEDDED_REALM_ERROR_CODES.options,
      `${redactDatabaseUrl(url)} must name a database of 1 to 64 letters, digits or underscores, e.g. mysql://root@127.0.0.1:3306/tc9_auth`,
    );
  }
  const server = new URL(url);
  server.pathname = "";
  return { server: server.toString(), name: database };
}

/**
 * {@link prepareRealmDatabases} for databases given by URL (each may live on its own server), as
 * a topology names them: the same steps, and the same guarantee that no operator data changes.
 */
export async function prepareRealmDatabaseUrls(urls: RealmDatabaseUrls, logger?: Logger): Promise<RealmDatabases> {
  for (const url of [urls.auth, urls.characters, urls.world]) {
    const { server, name } = serverAndName(url);
    await createMissingDatabases(server, [name]);
  }
  const auth = new Database({ url: urls.auth, poolSize: 4 });
  const characters = new Database({ url: urls.characters, poolSize: 4 });
  const world = new Database({ url: urls.world, poolSize: 2 });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= Promise.all([auth.close(), characters.close(), world.close()]).then(() => undefined));
  try {
    const schemas: ReadonlyArray<readonly [Database, AzerothCoreSchema]> = [[auth, "auth"], [characters, "characters"], [world, "world"]];
    for (const [database, schema] of schemas) {
      await step(database, `creating the missing ${schema} tables`, () => installAzerothCoreSchema(database, schema));
    }
    await step(auth, "applying tc9's auth migrations", () => runMigrations(auth, { kind: "auth", logger }));
    await step(characters, "applying tc9's characters migrations", () => runMigrations(characters, { kind: "characters", logger }));
    await step(world, "adding starting places to playercreateinfo", async () => {
      const seeded = await seedStartingPositions(world);
      if (seeded > 0) logger?.info({ rows: seeded, database: world.name }, "playercreateinfo was empty; added the starting places");
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { auth, characters, world, urls, close };
}

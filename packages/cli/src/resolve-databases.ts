import { Tc9Error } from "@tc9/sdk";
import { AUTH_DB_ENV, CHARACTERS_DB_ENV } from "./connection-flags.js";

/**
 * Where the CLI finds the databases it works on. Each place URLs can be given is a
 * {@link DatabaseSource}; sources are asked in order and, per database kind, the first one that
 * names it wins: today the command's flags, then the environment. A `tc9.config.ts` topology
 * becomes one more source appended to the list, with no change to the commands.
 */

/** A database URL and where it came from (e.g. `--auth-db`, `$TC9_AUTH_DB`), for messages. */
export interface DatabaseLocation {
  readonly url: string;
  readonly origin: string;
}

/** What one source says; a kind it leaves out is looked up in the next source. */
export interface DatabaseSource {
  readonly auth?: DatabaseLocation;
  readonly characters?: readonly DatabaseLocation[];
}

/** The resolved databases: the auth database, if any source named it, and the characters databases. */
export interface DatabaseLocations {
  readonly auth: DatabaseLocation | undefined;
  readonly characters: readonly DatabaseLocation[];
}

/** The command's flags as a source: `--auth-db <url>` and `--characters-db <url...>`. */
export function flagSource(flags: { readonly authDb?: string | undefined; readonly charactersDb?: readonly string[] | undefined }): DatabaseSource {
  const characters = (flags.charactersDb ?? []).map((url) => ({ url, origin: "--characters-db" }));
  return {
    ...(flags.authDb === undefined ? {} : { auth: { url: flags.authDb, origin: "--auth-db" } }),
    ...(characters.length === 0 ? {} : { characters }),
  };
}

/** The environment as a source: `TC9_AUTH_DB` and `TC9_CHARACTERS_DB` (comma-separated); empty means unset. */
export function environmentSource(env: Readonly<Record<string, string | undefined>>): DatabaseSource {
  const auth = env[AUTH_DB_ENV]?.trim() ?? "";
  const characters = (env[CHARACTERS_DB_ENV] ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "")
    .map((url) => ({ url, origin: `$${CHARACTERS_DB_ENV}` }));
  return {
    ...(auth === "" ? {} : { auth: { url: auth, origin: `$${AUTH_DB_ENV}` } }),
    ...(characters.length === 0 ? {} : { characters }),
  };
}

/** Resolves each database kind from the first source that names it. */
export function resolveDatabases(sources: readonly DatabaseSource[]): DatabaseLocations {
  return {
    auth: sources.find((source) => source.auth !== undefined)?.auth,
    characters: sources.find((source) => source.characters !== undefined)?.characters ?? [],
  };
}

/** The auth database, or a {@link DatabaseNotConfiguredError} that says how to give it. */
export function requireAuthDatabase(locations: DatabaseLocations): DatabaseLocation {
  if (locations.auth !== undefined) return locations.auth;
  throw new DatabaseNotConfiguredError(
    "auth database",
    `pass --auth-db mysql://user:password@host:3306/acore_auth or set ${AUTH_DB_ENV}`,
  );
}

/** A command needs a database URL that no source gave. */
export class DatabaseNotConfiguredError extends Tc9Error {
  constructor(what: string, howToGiveIt: string) {
    super("TC9_ERR_CLI_DATABASE_NOT_CONFIGURED", `no ${what} is configured; ${howToGiveIt}`);
  }
}

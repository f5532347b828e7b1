/**
 * The connection flags and environment variables the commands share. Kept free of heavy imports:
 * command registration (and so `tc9 --help`) reads it.
 */

/** Environment variable holding the auth database URL. */
export const AUTH_DB_ENV = "TC9_AUTH_DB";
/** Environment variable holding the characters database URLs, comma-separated (one per realm). */
export const CHARACTERS_DB_ENV = "TC9_CHARACTERS_DB";
/** Environment variable holding the NATS URL. */
export const NATS_URL_ENV = "TC9_NATS_URL";

/** Help text of `--auth-db <url>`. */
export const AUTH_DB_HELP = `AzerothCore auth database, mysql://user:password@host:3306/acore_auth (default: $${AUTH_DB_ENV})`;
/** Help text of `--characters-db <url...>`. */
export const CHARACTERS_DB_HELP =
  `AzerothCore characters database(s), one per realm, mysql://user:password@host:3306/acore_characters ` +
  `(default: $${CHARACTERS_DB_ENV}, comma-separated)`;

import { Tc9Error } from "@tc9/sdk";

/** Stable codes of {@link EmbeddedRealmError}. */
export const EMBEDDED_REALM_ERROR_CODES = {
  /** The options do not describe a realm that can start (bad name, clashing ports …). */
  options: "TC9_ERR_EMBEDDED_OPTIONS",
  /** MariaDB at `mysqlUrl` does not answer or refuses the login. */
  mysqlUnreachable: "TC9_ERR_EMBEDDED_MYSQL_UNREACHABLE",
  /** Creating or preparing one of the three databases failed. */
  prepare: "TC9_ERR_EMBEDDED_PREPARE",
  /** The auth or gateway port is already in use (or may not be bound by this user). */
  portTaken: "TC9_ERR_EMBEDDED_PORT_TAKEN",
  /** A module started but did not report the port it listens on. */
  start: "TC9_ERR_EMBEDDED_START",
  /** The realm's modules did not all start in time. */
  startTimeout: "TC9_ERR_EMBEDDED_START_TIMEOUT",
} as const;

/** One of the codes in {@link EMBEDDED_REALM_ERROR_CODES}. */
export type EmbeddedRealmErrorCode = (typeof EMBEDDED_REALM_ERROR_CODES)[keyof typeof EMBEDDED_REALM_ERROR_CODES];

/** The embedded realm could not start; the message names the fix. */
export class EmbeddedRealmError extends Tc9Error {
  declare readonly code: EmbeddedRealmErrorCode;

  constructor(code: EmbeddedRealmErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

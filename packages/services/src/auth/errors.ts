import { Tc9Error } from "@tc9/sdk";

/** Stable codes of {@link AccountError}: why an account call refused its input. */
export const ACCOUNT_ERROR_CODES = {
  nameEmpty: "TC9_ERR_ACCOUNT_NAME_EMPTY",
  nameTooLong: "TC9_ERR_ACCOUNT_NAME_TOO_LONG",
  nameTaken: "TC9_ERR_ACCOUNT_NAME_TAKEN",
  passwordEmpty: "TC9_ERR_ACCOUNT_PASSWORD_EMPTY",
  passwordTooLong: "TC9_ERR_ACCOUNT_PASSWORD_TOO_LONG",
  emailTooLong: "TC9_ERR_ACCOUNT_EMAIL_TOO_LONG",
  expansionInvalid: "TC9_ERR_ACCOUNT_EXPANSION_INVALID",
  notFound: "TC9_ERR_ACCOUNT_NOT_FOUND",
  gmLevelInvalid: "TC9_ERR_ACCOUNT_GM_LEVEL_INVALID",
  realmInvalid: "TC9_ERR_ACCOUNT_REALM_INVALID",
  banInvalid: "TC9_ERR_ACCOUNT_BAN_INVALID",
} as const;

/** One of the codes in {@link ACCOUNT_ERROR_CODES}. */
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[keyof typeof ACCOUNT_ERROR_CODES];

/** An account call (create, password, GM level, ban) refused its input; the message names the fix. */
export class AccountError extends Tc9Error {
  declare readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** The logon server could not listen on its address. */
export class AuthListenError extends Tc9Error {
  constructor(host: string, port: number, cause: unknown) {
    super(
      "TC9_ERR_AUTH_LISTEN",
      `the auth module cannot listen on ${host}:${port} (${cause instanceof Error ? cause.message : String(cause)}); ` +
        `stop whatever holds the port (another authserver?) or set the module's host/port options`,
      { cause },
    );
  }
}

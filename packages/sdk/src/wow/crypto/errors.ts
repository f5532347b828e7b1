import { Tc9Error } from "../../errors.js";

/** Stable codes of the errors thrown by the WoW 3.3.5a crypto helpers. */
export const WOW_CRYPTO_ERROR_CODES = {
  /** A byte array (salt, verifier, key, proof, seed) has the wrong length. */
  inputLength: "TC9_ERR_CRYPTO_INPUT_LENGTH",
  /** A public key (A or B) is congruent to 0 modulo N, which would make the session key predictable. */
  publicKeyInvalid: "TC9_ERR_CRYPTO_SRP6_PUBLIC_KEY_INVALID",
  /** The N or g a logon challenge carried cannot form an SRP6 group. */
  groupInvalid: "TC9_ERR_CRYPTO_SRP6_GROUP_INVALID",
  /** An `Srp6Server` was asked to verify a second client proof. */
  serverReused: "TC9_ERR_CRYPTO_SRP6_SERVER_REUSED",
  /** The account name is empty. */
  accountNameEmpty: "TC9_ERR_CRYPTO_ACCOUNT_NAME_EMPTY",
  /** The account name is longer than AzerothCore allows. */
  accountNameTooLong: "TC9_ERR_CRYPTO_ACCOUNT_NAME_TOO_LONG",
  /** The password is empty. */
  passwordEmpty: "TC9_ERR_CRYPTO_PASSWORD_EMPTY",
  /** The password is longer than AzerothCore allows. */
  passwordTooLong: "TC9_ERR_CRYPTO_PASSWORD_TOO_LONG",
} as const;

/** One of the codes in {@link WOW_CRYPTO_ERROR_CODES}. */
export type WowCryptoErrorCode = (typeof WOW_CRYPTO_ERROR_CODES)[keyof typeof WOW_CRYPTO_ERROR_CODES];

/** An error raised by the WoW crypto helpers; `code` says which rule was broken. */
export class WowCryptoError extends Tc9Error {
  declare readonly code: WowCryptoErrorCode;

  constructor(code: WowCryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * Throws `TC9_ERR_CRYPTO_INPUT_LENGTH` unless `bytes` is exactly `length` bytes long.
 * `what` names the value in the message, e.g. "salt (account.salt)".
 */
export function requireLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new WowCryptoError(
      WOW_CRYPTO_ERROR_CODES.inputLength,
      `${what} must be ${length} bytes, got ${bytes.length}; pass the value exactly as it travels on the wire or is stored in the database`,
    );
  }
}

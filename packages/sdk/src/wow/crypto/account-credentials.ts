import { bytesEqualConstantTime, randomBytesArray } from "./bytes.js";
import { requireLength, WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "./errors.js";
import { SRP6_KEY_LENGTH } from "./srp6-constants.js";
import { codePointLength, toUpperLatinOnly } from "./srp6-identity.js";
import { computeVerifier } from "./srp6-math.js";

/** Longest account name AzerothCore accepts, in code points (`MAX_ACCOUNT_STR`, AccountMgr.h). */
export const MAX_ACCOUNT_NAME_LENGTH = 17;
/** Longest password AzerothCore accepts, in code points (`MAX_PASS_STR`, AccountMgr.h). */
export const MAX_ACCOUNT_PASSWORD_LENGTH = 16;

/** What AzerothCore stores for a new account: `account.username`, `account.salt`, `account.verifier`. */
export interface RegistrationData {
  /** The name upper-cased (basic Latin letters only), as AzerothCore stores it. */
  readonly username: string;
  /** 32 random bytes (`binary(32)`). */
  readonly salt: Uint8Array;
  /** `g^x mod N` as 32 little-endian bytes (`binary(32)`). */
  readonly verifier: Uint8Array;
}

/**
 * Checks a name and password against AzerothCore's `AccountMgr::CreateAccount` limits and returns
 * them upper-cased (basic Latin letters only), the form stored in `account.username` and hashed
 * into the verifier. AzerothCore accepts empty strings; tc9 refuses them because the 3.3.5a client
 * cannot log in with an empty name or password.
 */
export function normalizeAccountCredentials(username: string, password: string): { username: string; password: string } {
  if (username.length === 0) {
    throw new WowCryptoError(WOW_CRYPTO_ERROR_CODES.accountNameEmpty, "the account name is empty; choose a name of 1 to 17 characters");
  }
  if (codePointLength(username) > MAX_ACCOUNT_NAME_LENGTH) {
    throw new WowCryptoError(
      WOW_CRYPTO_ERROR_CODES.accountNameTooLong,
      `the account name "${username}" has ${codePointLength(username)} characters; AzerothCore allows at most ${MAX_ACCOUNT_NAME_LENGTH}, choose a shorter name`,
    );
  }
  if (password.length === 0) {
    throw new WowCryptoError(WOW_CRYPTO_ERROR_CODES.passwordEmpty, "the password is empty; choose a password of 1 to 16 characters");
  }
  if (codePointLength(password) > MAX_ACCOUNT_PASSWORD_LENGTH) {
    throw new WowCryptoError(
      WOW_CRYPTO_ERROR_CODES.passwordTooLong,
      `the password has ${codePointLength(password)} characters; AzerothCore (and the 3.3.5a login screen) allow at most ${MAX_ACCOUNT_PASSWORD_LENGTH}, choose a shorter one`,
    );
  }
  return { username: toUpperLatinOnly(username), password: toUpperLatinOnly(password) };
}

/**
 * AzerothCore-compatible `SRP6::MakeRegistrationData`: validates the name and password (see
 * {@link normalizeAccountCredentials}), draws a random salt and computes the verifier. Store the three
 * fields in `account.username`, `account.salt` and `account.verifier`.
 */
export function makeRegistrationData(username: string, password: string): RegistrationData {
  const normalized = normalizeAccountCredentials(username, password);
  const salt = randomBytesArray(SRP6_KEY_LENGTH);
  return {
    username: normalized.username,
    salt,
    verifier: computeVerifier(normalized.username, normalized.password, salt),
  };
}

/**
 * AzerothCore's `AccountMgr::CheckPassword`: upper-cases name and password (basic Latin letters
 * only, no length limits, as AzerothCore), recomputes the verifier with the stored salt and
 * compares it with the stored verifier in constant time.
 */
export function checkPassword(username: string, password: string, salt: Uint8Array, verifier: Uint8Array): boolean {
  requireLength(salt, SRP6_KEY_LENGTH, "salt (account.salt)");
  requireLength(verifier, SRP6_KEY_LENGTH, "verifier (account.verifier)");
  const computed = computeVerifier(toUpperLatinOnly(username), toUpperLatinOnly(password), salt);
  return bytesEqualConstantTime(computed, verifier);
}

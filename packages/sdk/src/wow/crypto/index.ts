/**
 * WoW 3.3.5a (build 12340) crypto, wire-compatible with AzerothCore and ToCloud9: SRP6 logon
 * (server and client halves, reconnect proofs), AzerothCore account credentials, the world header
 * cipher and the CMSG_AUTH_SESSION digest. See README.md in this folder for the sources and the
 * choices made where they disagree.
 */

export { WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "./errors.js";
export type { WowCryptoErrorCode } from "./errors.js";

export {
  SRP6_GENERATOR,
  SRP6_GENERATOR_BYTES,
  SRP6_GROUP_HASH,
  SRP6_KEY_LENGTH,
  SRP6_LARGE_SAFE_PRIME,
  SRP6_LARGE_SAFE_PRIME_BYTES,
  SRP6_MULTIPLIER,
  SRP6_PROOF_LENGTH,
  SRP6_RECONNECT_DATA_LENGTH,
  SRP6_SESSION_KEY_LENGTH,
} from "./srp6-constants.js";
export { STANDARD_SRP6_GROUP, srp6GroupFromWire } from "./srp6-group.js";
export type { Srp6Group } from "./srp6-group.js";
export { toUpperLatinOnly } from "./srp6-identity.js";
export { modPow } from "./mod-pow.js";
export {
  computeClientProof,
  computeClientPublicKey,
  computeClientSharedSecret,
  computePasswordHash,
  computeReconnectProof,
  computeScramblingParameter,
  computeServerProof,
  computeServerPublicKey,
  computeServerSharedSecret,
  computeVerifier,
  interleaveSessionKey,
} from "./srp6-math.js";

export { createReconnectChallenge, Srp6Server, verifyReconnectProof } from "./srp6-server.js";
export type { ReconnectProofCheck, Srp6ServerOptions, Srp6ServerRejection, Srp6ServerVerification } from "./srp6-server.js";
export { createReconnectProof, Srp6Client } from "./srp6-client.js";
export type { ReconnectProof, ReconnectProofInput, Srp6ClientOptions } from "./srp6-client.js";

export {
  checkPassword,
  makeRegistrationData,
  MAX_ACCOUNT_NAME_LENGTH,
  MAX_ACCOUNT_PASSWORD_LENGTH,
  normalizeAccountCredentials,
} from "./account-credentials.js";
export type { RegistrationData } from "./account-credentials.js";

export {
  CLIENT_TO_SERVER_HEADER_SEED,
  SERVER_TO_CLIENT_HEADER_SEED,
  WorldHeaderCipher,
} from "./header-cipher.js";

export { AUTH_SEED_LENGTH, computeAuthSessionDigest, verifyAuthSessionDigest } from "./auth-session-digest.js";
export type { AuthSessionDigestInput } from "./auth-session-digest.js";

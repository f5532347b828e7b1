import { bigintFromLittleEndian, bytesEqualConstantTime, randomBytesArray } from "./bytes.js";
import { requireLength, WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "./errors.js";
import {
  SRP6_KEY_LENGTH,
  SRP6_LARGE_SAFE_PRIME,
  SRP6_PROOF_LENGTH,
  SRP6_RECONNECT_DATA_LENGTH,
  SRP6_SESSION_KEY_LENGTH,
} from "./srp6-constants.js";
import { toUpperLatinOnly } from "./srp6-identity.js";
import {
  computeClientProof,
  computeReconnectProof,
  computeScramblingParameter,
  computeServerProof,
  computeServerPublicKey,
  computeServerSharedSecret,
  interleaveSessionKey,
} from "./srp6-math.js";

/** What an authserver knows about the account when the logon challenge arrives. */
export interface Srp6ServerOptions {
  /**
   * The account name (`account.username`). It is upper-cased (basic Latin letters only) before
   * hashing because the client always hashes the upper-case name; AzerothCore hashes the stored
   * name as is, which is the same thing for every name AzerothCore itself created.
   */
  readonly username: string;
  /** `account.salt`: 32 bytes, used as stored. */
  readonly salt: Uint8Array;
  /** `account.verifier`: 32 little-endian bytes. */
  readonly verifier: Uint8Array;
  /** The private key b as 32 little-endian bytes; random when omitted. Inject it only in tests. */
  readonly serverPrivateKey?: Uint8Array;
}

/** Why {@link Srp6Server.verifyClientProof} refused a logon proof. */
export type Srp6ServerRejection =
  /** A ≡ 0 (mod N): the client tried to force S = 0. */
  | "client-public-key-invalid"
  /** M1 does not match: wrong password (or a different salt/verifier). */
  | "client-proof-mismatch";

/** Outcome of a logon proof check. */
export type Srp6ServerVerification =
  | {
      readonly ok: true;
      /** K: 40 bytes, stored in `account.session_key` and used for the world header cipher. */
      readonly sessionKey: Uint8Array;
      /** M2, sent back in the logon proof reply. */
      readonly serverProof: Uint8Array;
    }
  | { readonly ok: false; readonly reason: Srp6ServerRejection };

/**
 * The authserver half of one SRP6 logon, as AzerothCore's `Acore::Crypto::SRP6`: created on the
 * logon challenge (it picks b and computes B), used once on the logon proof.
 */
export class Srp6Server {
  /** The salt to send in the logon challenge. */
  readonly salt: Uint8Array;
  /** B, 32 little-endian bytes (high zeros kept), to send in the logon challenge. */
  readonly serverPublicKey: Uint8Array;
  readonly #username: string;
  readonly #verifier: Uint8Array;
  readonly #serverPrivateKey: Uint8Array;
  #used = false;

  constructor(options: Srp6ServerOptions) {
    requireLength(options.salt, SRP6_KEY_LENGTH, "salt (account.salt)");
    requireLength(options.verifier, SRP6_KEY_LENGTH, "verifier (account.verifier)");
    const serverPrivateKey = options.serverPrivateKey ?? randomBytesArray(SRP6_KEY_LENGTH);
    requireLength(serverPrivateKey, SRP6_KEY_LENGTH, "server private key b");

    this.#username = toUpperLatinOnly(options.username);
    this.#verifier = Uint8Array.from(options.verifier);
    this.#serverPrivateKey = Uint8Array.from(serverPrivateKey);
    this.salt = Uint8Array.from(options.salt);
    this.serverPublicKey = computeServerPublicKey(this.#verifier, this.#serverPrivateKey);
  }

  /**
   * Checks the client's A and M1 from the logon proof. On success returns K and M2. May be called
   * once per instance (AzerothCore asserts the same); a second call throws
   * `TC9_ERR_CRYPTO_SRP6_SERVER_REUSED`.
   */
  verifyClientProof(clientPublicKey: Uint8Array, clientProof: Uint8Array): Srp6ServerVerification {
    if (this.#used) {
      throw new WowCryptoError(
        WOW_CRYPTO_ERROR_CODES.serverReused,
        "this Srp6Server already checked a logon proof; create a new Srp6Server for every logon challenge",
      );
    }
    this.#used = true;
    requireLength(clientPublicKey, SRP6_KEY_LENGTH, "client public key A");
    requireLength(clientProof, SRP6_PROOF_LENGTH, "client proof M1");

    if (bigintFromLittleEndian(clientPublicKey) % SRP6_LARGE_SAFE_PRIME === 0n) {
      return { ok: false, reason: "client-public-key-invalid" };
    }

    const scramblingParameter = computeScramblingParameter(clientPublicKey, this.serverPublicKey);
    const sharedSecret = computeServerSharedSecret(
      clientPublicKey,
      this.#verifier,
      scramblingParameter,
      this.#serverPrivateKey,
    );
    const sessionKey = interleaveSessionKey(sharedSecret);
    const expectedProof = computeClientProof(this.#username, sessionKey, clientPublicKey, this.serverPublicKey, this.salt);
    if (!bytesEqualConstantTime(expectedProof, clientProof)) {
      return { ok: false, reason: "client-proof-mismatch" };
    }
    return { ok: true, sessionKey, serverProof: computeServerProof(clientPublicKey, clientProof, sessionKey) };
  }
}

/** The 16 random bytes an authserver sends in a reconnect challenge. */
export function createReconnectChallenge(): Uint8Array {
  return randomBytesArray(SRP6_RECONNECT_DATA_LENGTH);
}

/** Inputs of a reconnect proof check. */
export interface ReconnectProofCheck {
  /** The account name; upper-cased (basic Latin only) like in {@link Srp6ServerOptions.username}. */
  readonly username: string;
  /** R1 from the client's reconnect proof, 16 bytes. */
  readonly clientData: Uint8Array;
  /** The 16 bytes this server sent in its reconnect challenge. */
  readonly serverChallenge: Uint8Array;
  /** K from the last full logon (`account.session_key`), 40 bytes. */
  readonly sessionKey: Uint8Array;
  /** R2 from the client's reconnect proof, 20 bytes. */
  readonly clientProof: Uint8Array;
}

/** Checks `R2 == SHA1(USER ‖ R1 ‖ challenge ‖ K)` in constant time. */
export function verifyReconnectProof(check: ReconnectProofCheck): boolean {
  requireLength(check.clientData, SRP6_RECONNECT_DATA_LENGTH, "reconnect client data R1");
  requireLength(check.serverChallenge, SRP6_RECONNECT_DATA_LENGTH, "reconnect server challenge");
  requireLength(check.sessionKey, SRP6_SESSION_KEY_LENGTH, "session key K (account.session_key)");
  requireLength(check.clientProof, SRP6_PROOF_LENGTH, "reconnect client proof R2");
  const expected = computeReconnectProof(
    toUpperLatinOnly(check.username),
    check.clientData,
    check.serverChallenge,
    check.sessionKey,
  );
  return bytesEqualConstantTime(expected, check.clientProof);
}

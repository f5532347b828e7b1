import { bigintFromLittleEndian, bytesEqualConstantTime, randomBytesArray } from "./bytes.js";
import { requireLength, WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "./errors.js";
import {
  SRP6_GENERATOR_BYTES,
  SRP6_KEY_LENGTH,
  SRP6_LARGE_SAFE_PRIME_BYTES,
  SRP6_PROOF_LENGTH,
  SRP6_RECONNECT_DATA_LENGTH,
  SRP6_SESSION_KEY_LENGTH,
} from "./srp6-constants.js";
import { srp6GroupFromWire } from "./srp6-group.js";
import { toUpperLatinOnly } from "./srp6-identity.js";
import {
  computeClientProof,
  computeClientPublicKey,
  computeClientSharedSecret,
  computePasswordHash,
  computeReconnectProof,
  computeScramblingParameter,
  computeServerProof,
  interleaveSessionKey,
} from "./srp6-math.js";

/** What a client knows once the logon challenge reply arrived. */
export interface Srp6ClientOptions {
  /** Account name as typed; upper-cased (basic Latin letters only) like the real client. */
  readonly username: string;
  /** Password as typed; upper-cased (basic Latin letters only) like the real client. */
  readonly password: string;
  /** The 32-byte salt from the challenge. */
  readonly salt: Uint8Array;
  /** B from the challenge, little-endian, as wide as N. */
  readonly serverPublicKey: Uint8Array;
  /** g from the challenge (little-endian bytes); defaults to the standard `07`. */
  readonly generator?: Uint8Array;
  /** N from the challenge (little-endian bytes); defaults to the standard 32-byte prime. */
  readonly largeSafePrime?: Uint8Array;
  /** The private key a as little-endian bytes (32 by default); random when omitted. Inject it only in tests. */
  readonly clientPrivateKey?: Uint8Array;
}

/**
 * The game-client half of one SRP6 logon (used by tc9's headless client and bots): computes A, M1
 * and K from the challenge, then checks the server's M2. Throws
 * `TC9_ERR_CRYPTO_SRP6_PUBLIC_KEY_INVALID` if B ≡ 0 (mod N), as the real client refuses such a
 * server.
 */
export class Srp6Client {
  /** A, little-endian, as wide as N: sent in the logon proof. */
  readonly clientPublicKey: Uint8Array;
  /** M1: sent in the logon proof. */
  readonly clientProof: Uint8Array;
  /** K: 40 bytes, for the world auth digest and the header cipher. */
  readonly sessionKey: Uint8Array;
  readonly #expectedServerProof: Uint8Array;

  constructor(options: Srp6ClientOptions) {
    const group = srp6GroupFromWire(
      options.generator ?? SRP6_GENERATOR_BYTES,
      options.largeSafePrime ?? SRP6_LARGE_SAFE_PRIME_BYTES,
    );
    requireLength(options.salt, SRP6_KEY_LENGTH, "salt");
    requireLength(options.serverPublicKey, group.keyLength, "server public key B");
    if (bigintFromLittleEndian(options.serverPublicKey) % group.largeSafePrime === 0n) {
      throw new WowCryptoError(
        WOW_CRYPTO_ERROR_CODES.publicKeyInvalid,
        "the server sent B ≡ 0 (mod N); refuse to log in to this server (a real 3.3.5a client does the same)",
      );
    }
    const clientPrivateKey = options.clientPrivateKey ?? randomBytesArray(SRP6_KEY_LENGTH);
    const clientPublicKey = computeClientPublicKey(clientPrivateKey, group);
    if (bigintFromLittleEndian(clientPublicKey) === 0n) {
      throw new WowCryptoError(
        WOW_CRYPTO_ERROR_CODES.publicKeyInvalid,
        "the client private key gives A ≡ 0 (mod N); omit clientPrivateKey to draw a random one",
      );
    }

    const username = toUpperLatinOnly(options.username);
    const passwordHash = computePasswordHash(username, toUpperLatinOnly(options.password), options.salt);
    const scramblingParameter = computeScramblingParameter(clientPublicKey, options.serverPublicKey);
    const sharedSecret = computeClientSharedSecret(
      options.serverPublicKey,
      passwordHash,
      clientPrivateKey,
      scramblingParameter,
      group,
    );
    const sessionKey = interleaveSessionKey(sharedSecret);
    const clientProof = computeClientProof(
      username,
      sessionKey,
      clientPublicKey,
      options.serverPublicKey,
      options.salt,
      group,
    );

    this.clientPublicKey = clientPublicKey;
    this.clientProof = clientProof;
    this.sessionKey = sessionKey;
    this.#expectedServerProof = computeServerProof(clientPublicKey, clientProof, sessionKey);
  }

  /** True when the server's M2 proves it knows the verifier (compared in constant time). */
  verifyServerProof(serverProof: Uint8Array): boolean {
    requireLength(serverProof, SRP6_PROOF_LENGTH, "server proof M2");
    return bytesEqualConstantTime(this.#expectedServerProof, serverProof);
  }
}

/** Inputs of a client reconnect proof. */
export interface ReconnectProofInput {
  /** Account name; upper-cased (basic Latin letters only). */
  readonly username: string;
  /** The 16 bytes of the server's reconnect challenge. */
  readonly serverChallenge: Uint8Array;
  /** K from the last full logon, 40 bytes. */
  readonly sessionKey: Uint8Array;
  /** R1, 16 bytes; random when omitted. Inject it only in tests. */
  readonly clientData?: Uint8Array;
}

/** R1 and R2 for a reconnect proof packet. */
export interface ReconnectProof {
  /** R1, 16 bytes. */
  readonly clientData: Uint8Array;
  /** R2 = SHA1(USER ‖ R1 ‖ server challenge ‖ K), 20 bytes. */
  readonly clientProof: Uint8Array;
}

/** Builds the client's reconnect proof from the server's reconnect challenge. */
export function createReconnectProof(request: ReconnectProofInput): ReconnectProof {
  const clientData = request.clientData ?? randomBytesArray(SRP6_RECONNECT_DATA_LENGTH);
  requireLength(clientData, SRP6_RECONNECT_DATA_LENGTH, "reconnect client data R1");
  requireLength(request.serverChallenge, SRP6_RECONNECT_DATA_LENGTH, "reconnect server challenge");
  requireLength(request.sessionKey, SRP6_SESSION_KEY_LENGTH, "session key K");
  return {
    clientData: Uint8Array.from(clientData),
    clientProof: computeReconnectProof(
      toUpperLatinOnly(request.username),
      clientData,
      request.serverChallenge,
      request.sessionKey,
    ),
  };
}

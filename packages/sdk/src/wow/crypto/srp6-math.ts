import { createHash } from "node:crypto";
import { bigintFromLittleEndian, bigintToLittleEndian } from "./bytes.js";
import { SRP6_MULTIPLIER, SRP6_PROOF_LENGTH, SRP6_SESSION_KEY_LENGTH } from "./srp6-constants.js";
import { STANDARD_SRP6_GROUP, type Srp6Group } from "./srp6-group.js";
import { utf8Bytes } from "./srp6-identity.js";
import { modPow } from "./mod-pow.js";

/*
 * The SRP6 formulas of the 3.3.5a logon, one function each, as AzerothCore's SRP6.cpp computes
 * them. Every integer travels as little-endian bytes; names and passwords must already be
 * upper-cased with `toUpperLatinOnly` (the callers in srp6-server/srp6-client/account-credentials
 * do that). These are the building blocks the vector tests check one by one.
 */

/** SHA-1 of the concatenated parts, as a plain Uint8Array (not a Buffer) like every other output here. */
function sha1(...parts: readonly Uint8Array[]): Uint8Array {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

/** `x = SHA1(salt ‖ SHA1(USER ":" PASS))`, read as a little-endian integer (20 bytes). */
export function computePasswordHash(username: string, password: string, salt: Uint8Array): Uint8Array {
  const identityHash = sha1(utf8Bytes(`${username}:${password}`));
  return sha1(salt, identityHash);
}

/** `v = g^x mod N` as 32 little-endian bytes: the value AzerothCore stores in `account.verifier`. */
export function computeVerifier(username: string, password: string, salt: Uint8Array): Uint8Array {
  const x = bigintFromLittleEndian(computePasswordHash(username, password, salt));
  const group = STANDARD_SRP6_GROUP;
  return bigintToLittleEndian(modPow(group.generator, x, group.largeSafePrime), group.keyLength);
}

/** `B = (k·v + g^b) mod N` with k = 3, as 32 little-endian bytes (high zeros kept). */
export function computeServerPublicKey(verifier: Uint8Array, serverPrivateKey: Uint8Array): Uint8Array {
  const { generator, largeSafePrime, keyLength } = STANDARD_SRP6_GROUP;
  const v = bigintFromLittleEndian(verifier);
  const b = bigintFromLittleEndian(serverPrivateKey);
  const publicKey = (SRP6_MULTIPLIER * v + modPow(generator, b, largeSafePrime)) % largeSafePrime;
  return bigintToLittleEndian(publicKey, keyLength);
}

/** `A = g^a mod N`, as little-endian bytes of the group's key length. */
export function computeClientPublicKey(clientPrivateKey: Uint8Array, group: Srp6Group = STANDARD_SRP6_GROUP): Uint8Array {
  const a = bigintFromLittleEndian(clientPrivateKey);
  return bigintToLittleEndian(modPow(group.generator, a, group.largeSafePrime), group.keyLength);
}

/** `u = SHA1(A ‖ B)`, read as a little-endian integer (20 bytes). */
export function computeScramblingParameter(clientPublicKey: Uint8Array, serverPublicKey: Uint8Array): Uint8Array {
  return sha1(clientPublicKey, serverPublicKey);
}

/** Server side `S = (A · v^u)^b mod N`, as 32 little-endian bytes. */
export function computeServerSharedSecret(
  clientPublicKey: Uint8Array,
  verifier: Uint8Array,
  scramblingParameter: Uint8Array,
  serverPrivateKey: Uint8Array,
): Uint8Array {
  const { largeSafePrime, keyLength } = STANDARD_SRP6_GROUP;
  const a = bigintFromLittleEndian(clientPublicKey);
  const v = bigintFromLittleEndian(verifier);
  const u = bigintFromLittleEndian(scramblingParameter);
  const b = bigintFromLittleEndian(serverPrivateKey);
  const base = (a * modPow(v, u, largeSafePrime)) % largeSafePrime;
  return bigintToLittleEndian(modPow(base, b, largeSafePrime), keyLength);
}

/** Client side `S = (B − k·g^x)^(a + u·x) mod N`, as little-endian bytes of the group's key length. */
export function computeClientSharedSecret(
  serverPublicKey: Uint8Array,
  passwordHash: Uint8Array,
  clientPrivateKey: Uint8Array,
  scramblingParameter: Uint8Array,
  group: Srp6Group = STANDARD_SRP6_GROUP,
): Uint8Array {
  const { generator, largeSafePrime, keyLength } = group;
  const x = bigintFromLittleEndian(passwordHash);
  const a = bigintFromLittleEndian(clientPrivateKey);
  const u = bigintFromLittleEndian(scramblingParameter);
  const b = bigintFromLittleEndian(serverPublicKey);
  const base = b - SRP6_MULTIPLIER * modPow(generator, x, largeSafePrime);
  return bigintToLittleEndian(modPow(base, a + u * x, largeSafePrime), keyLength);
}

/**
 * The 40-byte session key K from S, as AzerothCore's `SHA1Interleave`: skip the zero bytes at the
 * start of the little-endian S (rounded up to an even count), hash the even-indexed and the
 * odd-indexed remaining bytes separately, then interleave the two digests. An all-zero S hashes
 * two empty inputs, as AzerothCore does (wow_srp would panic there).
 */
export function interleaveSessionKey(sharedSecret: Uint8Array): Uint8Array {
  const halfLength = sharedSecret.length >> 1;
  let start = 0;
  while (start < sharedSecret.length && sharedSecret[start] === 0) start++;
  if (start & 1) start++;
  const offset = Math.min(start >> 1, halfLength);

  const evenBytes = new Uint8Array(halfLength - offset);
  const oddBytes = new Uint8Array(halfLength - offset);
  for (let index = offset; index < halfLength; index++) {
    evenBytes[index - offset] = sharedSecret[2 * index] ?? 0;
    oddBytes[index - offset] = sharedSecret[2 * index + 1] ?? 0;
  }
  const evenHash = sha1(evenBytes);
  const oddHash = sha1(oddBytes);

  const sessionKey = new Uint8Array(SRP6_SESSION_KEY_LENGTH);
  for (let index = 0; index < SRP6_PROOF_LENGTH; index++) {
    sessionKey[2 * index] = evenHash[index] ?? 0;
    sessionKey[2 * index + 1] = oddHash[index] ?? 0;
  }
  return sessionKey;
}

/** `M1 = SHA1(H(N) xor H(g) ‖ SHA1(USER) ‖ salt ‖ A ‖ B ‖ K)`. */
export function computeClientProof(
  username: string,
  sessionKey: Uint8Array,
  clientPublicKey: Uint8Array,
  serverPublicKey: Uint8Array,
  salt: Uint8Array,
  group: Srp6Group = STANDARD_SRP6_GROUP,
): Uint8Array {
  const usernameHash = sha1(utf8Bytes(username));
  return sha1(group.groupHash, usernameHash, salt, clientPublicKey, serverPublicKey, sessionKey);
}

/** `M2 = SHA1(A ‖ M1 ‖ K)` (AzerothCore's `GetSessionVerifier`). */
export function computeServerProof(clientPublicKey: Uint8Array, clientProof: Uint8Array, sessionKey: Uint8Array): Uint8Array {
  return sha1(clientPublicKey, clientProof, sessionKey);
}

/** Reconnect proof `R2 = SHA1(USER ‖ R1 ‖ server challenge ‖ K)` (AzerothCore `HandleReconnectProof`). */
export function computeReconnectProof(
  username: string,
  clientData: Uint8Array,
  serverChallenge: Uint8Array,
  sessionKey: Uint8Array,
): Uint8Array {
  return sha1(utf8Bytes(username), clientData, serverChallenge, sessionKey);
}

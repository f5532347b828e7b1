import { createHash } from "node:crypto";
import { bigintToLittleEndian } from "./bytes.js";

/** Length in bytes of N, the salt, the verifier and both public keys. */
export const SRP6_KEY_LENGTH = 32;
/** Length in bytes of the session key K (two interleaved SHA-1 digests). */
export const SRP6_SESSION_KEY_LENGTH = 40;
/** Length in bytes of a SHA-1 proof (M1, M2, reconnect proofs, the world auth digest). */
export const SRP6_PROOF_LENGTH = 20;
/** Length in bytes of the reconnect challenge the server sends and of the client's R1. */
export const SRP6_RECONNECT_DATA_LENGTH = 16;

/** The large safe prime N shared by AzerothCore (SRP6.cpp), ToCloud9 and the 3.3.5a client. */
export const SRP6_LARGE_SAFE_PRIME = 0x894b645e89e1535bbdad5b8b290650530801b18ebfbf5e8fab3c82872a3e9bb7n;
/** The generator g. */
export const SRP6_GENERATOR = 7n;
/** The multiplier k of SRP6 (not SRP6a's hash): B = k·v + g^b. */
export const SRP6_MULTIPLIER = 3n;

/** N as the 32 little-endian bytes of the logon challenge packet. */
export const SRP6_LARGE_SAFE_PRIME_BYTES: Uint8Array = bigintToLittleEndian(SRP6_LARGE_SAFE_PRIME, SRP6_KEY_LENGTH);
/** g as the single byte of the logon challenge packet (sent with length byte 1). */
export const SRP6_GENERATOR_BYTES: Uint8Array = Uint8Array.of(Number(SRP6_GENERATOR));

/**
 * `SHA1(N) xor SHA1(g)` over the wire encodings of N and g: the first input of M1. Computed the way
 * AzerothCore does (`NgHash` in SRP6.cpp); for the standard N and g it equals wow_srp's
 * precomputed `dd7bb03a38ac731103987c5a506fca966c7bc2a7`.
 */
export function computeGroupHash(largeSafePrimeBytes: Uint8Array, generatorBytes: Uint8Array): Uint8Array {
  const primeHash = createHash("sha1").update(largeSafePrimeBytes).digest();
  const generatorHash = createHash("sha1").update(generatorBytes).digest();
  const out = new Uint8Array(SRP6_PROOF_LENGTH);
  for (let index = 0; index < SRP6_PROOF_LENGTH; index++) {
    out[index] = (primeHash[index] ?? 0) ^ (generatorHash[index] ?? 0);
  }
  return out;
}

/** {@link computeGroupHash} of the standard N and g. */
export const SRP6_GROUP_HASH: Uint8Array = computeGroupHash(SRP6_LARGE_SAFE_PRIME_BYTES, SRP6_GENERATOR_BYTES);

import { bigintFromLittleEndian } from "./bytes.js";
import { WOW_CRYPTO_ERROR_CODES, WowCryptoError } from "./errors.js";
import {
  computeGroupHash,
  SRP6_GENERATOR,
  SRP6_GENERATOR_BYTES,
  SRP6_GROUP_HASH,
  SRP6_KEY_LENGTH,
  SRP6_LARGE_SAFE_PRIME,
  SRP6_LARGE_SAFE_PRIME_BYTES,
} from "./srp6-constants.js";

/** The SRP6 parameters one exchange runs with: N and g as integers and as wire bytes. */
export interface Srp6Group {
  /** The large safe prime N. */
  readonly largeSafePrime: bigint;
  /** N as little-endian bytes; its length is the width of A, B and S. */
  readonly largeSafePrimeBytes: Uint8Array;
  /** The generator g. */
  readonly generator: bigint;
  /** g as little-endian bytes, as sent in the logon challenge. */
  readonly generatorBytes: Uint8Array;
  /** `SHA1(N bytes) xor SHA1(g bytes)`, the first input of M1. */
  readonly groupHash: Uint8Array;
  /** Byte width of A, B and S (the length of `largeSafePrimeBytes`). */
  readonly keyLength: number;
}

/** The group every 3.3.5a server uses (AzerothCore, ToCloud9, tc9). */
export const STANDARD_SRP6_GROUP: Srp6Group = {
  largeSafePrime: SRP6_LARGE_SAFE_PRIME,
  largeSafePrimeBytes: SRP6_LARGE_SAFE_PRIME_BYTES,
  generator: SRP6_GENERATOR,
  generatorBytes: SRP6_GENERATOR_BYTES,
  groupHash: SRP6_GROUP_HASH,
  keyLength: SRP6_KEY_LENGTH,
};

/**
 * Builds a group from the g and N bytes a logon challenge carried (the client half uses it so it
 * works against any server); returns {@link STANDARD_SRP6_GROUP} when they are the standard ones.
 */
export function srp6GroupFromWire(generatorBytes: Uint8Array, largeSafePrimeBytes: Uint8Array): Srp6Group {
  const largeSafePrime = bigintFromLittleEndian(largeSafePrimeBytes);
  const generator = bigintFromLittleEndian(generatorBytes);
  if (largeSafePrime < 3n || generator < 2n) {
    throw new WowCryptoError(
      WOW_CRYPTO_ERROR_CODES.groupInvalid,
      `the logon challenge carried N=${largeSafePrime} and g=${generator}; a server must send N ≥ 3 and g ≥ 2 (3.3.5a servers send the standard N and g = 7)`,
    );
  }
  if (
    largeSafePrime === SRP6_LARGE_SAFE_PRIME &&
    generator === SRP6_GENERATOR &&
    largeSafePrimeBytes.length === SRP6_KEY_LENGTH &&
    generatorBytes.length === 1
  ) {
    return STANDARD_SRP6_GROUP;
  }
  return {
    largeSafePrime,
    largeSafePrimeBytes: Uint8Array.from(largeSafePrimeBytes),
    generator,
    generatorBytes: Uint8Array.from(generatorBytes),
    groupHash: computeGroupHash(largeSafePrimeBytes, generatorBytes),
    keyLength: largeSafePrimeBytes.length,
  };
}

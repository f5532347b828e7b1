import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { modPow } from "../../../src/wow/crypto/mod-pow.js";
import { SRP6_LARGE_SAFE_PRIME } from "../../../src/wow/crypto/srp6-constants.js";

/** Plain right-to-left square-and-multiply, the textbook definition modPow must agree with. */
function referenceModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let square = ((base % modulus) + modulus) % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

const randomBigint = (byteLength: number): bigint => BigInt(`0x${randomBytes(byteLength).toString("hex")}`);

describe("modPow", () => {
  it("agrees with square-and-multiply for random 256-bit operands", () => {
    for (let round = 0; round < 200; round++) {
      const base = randomBigint(32);
      const exponent = randomBigint(32);
      assert.equal(modPow(base, exponent, SRP6_LARGE_SAFE_PRIME), referenceModPow(base, exponent, SRP6_LARGE_SAFE_PRIME));
    }
  });

  it("handles exponents with long runs of zeros and ones", () => {
    const exponents = [1n, 2n, 31n, 32n, 33n, 1n << 255n, (1n << 256n) - 1n, (1n << 200n) | 1n, 0b1000001000001n];
    for (const exponent of exponents) {
      assert.equal(modPow(7n, exponent, SRP6_LARGE_SAFE_PRIME), referenceModPow(7n, exponent, SRP6_LARGE_SAFE_PRIME), exponent.toString(2));
    }
  });

  it("satisfies Fermat's little theorem for N", () => {
    assert.equal(modPow(123456789n, SRP6_LARGE_SAFE_PRIME - 1n, SRP6_LARGE_SAFE_PRIME), 1n);
  });

  it("reduces a negative base into [0, N)", () => {
    assert.equal(modPow(-2n, 3n, 11n), 3n); // (-8) mod 11
    assert.equal(modPow(-SRP6_LARGE_SAFE_PRIME - 5n, 1n, SRP6_LARGE_SAFE_PRIME), SRP6_LARGE_SAFE_PRIME - 5n);
  });

  it("returns 1 for exponent 0 and 0 for modulus 1", () => {
    assert.equal(modPow(5n, 0n, 7n), 1n);
    assert.equal(modPow(5n, 3n, 1n), 0n);
  });

  it("rejects a negative exponent or a non-positive modulus", () => {
    assert.throws(() => modPow(2n, -1n, 7n), RangeError);
    assert.throws(() => modPow(2n, 1n, 0n), RangeError);
  });
});

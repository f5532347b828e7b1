import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IntegerConversionError, toBigInt, toSafeInteger } from "../../src/storage/index.js";

describe("toBigInt", () => {
  it("converts BIGINT strings exactly, including values above 2^53 and the u64 maximum", () => {
    assert.equal(toBigInt("18446744073709551615"), 18446744073709551615n);
    assert.equal(toBigInt("9007199254740993"), 9007199254740993n);
    assert.equal(toBigInt("-42"), -42n);
  });

  it("accepts safe numbers and bigints", () => {
    assert.equal(toBigInt(7), 7n);
    assert.equal(toBigInt(7n), 7n);
  });

  it("refuses fractions, non-numbers and unsafe numbers", () => {
    for (const value of ["1.5", "abc", "", 2 ** 60]) {
      assert.throws(() => toBigInt(value), IntegerConversionError);
    }
  });
});

describe("toSafeInteger", () => {
  it("converts COUNT(*) style strings to numbers", () => {
    assert.equal(toSafeInteger("3"), 3);
    assert.equal(toSafeInteger(String(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
  });

  it("refuses values that a number cannot hold exactly", () => {
    assert.throws(
      () => toSafeInteger("9007199254740992"),
      (error: unknown) => error instanceof IntegerConversionError && error.code === "TC9_ERR_STORAGE_NOT_AN_INTEGER",
    );
  });
});

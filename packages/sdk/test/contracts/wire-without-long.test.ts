/**
 * 64-bit values stay exact when protobufjs runs without the `long` package (its own 64-bit
 * readers would then return lossy numbers). Runs in its own process, as node:test runs each
 * file, so switching protobufjs's global `util.Long` off affects no other test.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import $protobuf from "protobufjs/minimal.js";
import { Maps, Scalars } from "./fixtures/generated/index.js";

describe("64-bit integers without the long package", () => {
  before(() => {
    ($protobuf.util as { Long: unknown }).Long = null;
    $protobuf.configure();
  });

  it("protobufjs itself is now lossy", () => {
    const reader = $protobuf.Reader.create(Uint8Array.of(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10));
    assert.equal(typeof reader.uint64(), "number");
  });

  it("generated code still round-trips every 64-bit flavour exactly", () => {
    const scalars = Scalars.create({
      f_int64: -(2n ** 63n),
      f_uint64: 2n ** 64n - 1n,
      f_sint64: -(2n ** 53n) - 1n,
      f_fixed64: 2n ** 53n + 1n,
      f_sfixed64: 2n ** 63n - 1n,
      r_uint64: [2n ** 63n + 1n, 2n ** 53n + 1n],
      o_int64: -1n,
    });
    assert.deepStrictEqual(Scalars.decode(Scalars.encode(scalars)), scalars);
    const maps = Maps.create({ byFixed64: new Map([[2n ** 64n - 2n, -(2n ** 62n) - 3n]]) });
    assert.deepStrictEqual(Maps.decode(Maps.encode(maps)), maps);
  });
});

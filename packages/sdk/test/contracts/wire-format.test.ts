/**
 * Exact wire behaviour of the generated code on the kitchen-sink fixture: 64-bit integers as
 * bigint (byte vectors computed from the protobuf encoding rules), proto3 presence, packed and
 * unpacked repeats, unknown fields, open enums, merging, maps and copy semantics.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  Character,
  Character_Item,
  Maps,
  Mood,
  Scalars,
} from "./fixtures/generated/index.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replaceAll(" ", ""), "hex"));
const ONES_64 = "ff ff ff ff ff ff ff ff ff 01";

describe("64-bit integers are exact bigints", () => {
  const vectors: [string, Partial<Scalars>, string][] = [
    ["uint64 2^64-1", { f_uint64: 2n ** 64n - 1n }, `48 ${ONES_64}`],
    ["uint64 2^63", { f_uint64: 2n ** 63n }, "48 80 80 80 80 80 80 80 80 80 01"],
    ["uint64 2^53+1", { f_uint64: 2n ** 53n + 1n }, "48 81 80 80 80 80 80 80 10"],
    ["uint64 2^32", { f_uint64: 2n ** 32n }, "48 80 80 80 80 10"],
    ["int64 -1", { f_int64: -1n }, `40 ${ONES_64}`],
    ["int64 -2^63", { f_int64: -(2n ** 63n) }, "40 80 80 80 80 80 80 80 80 80 01"],
    ["sint64 -1", { f_sint64: -1n }, "50 01"],
    ["sint64 -2^63", { f_sint64: -(2n ** 63n) }, `50 ${ONES_64}`],
    ["sint64 2^63-1", { f_sint64: 2n ** 63n - 1n }, "50 fe ff ff ff ff ff ff ff ff 01"],
    ["fixed64 2^63", { f_fixed64: 2n ** 63n }, "59 00 00 00 00 00 00 00 80"],
    ["fixed64 2^53+1", { f_fixed64: 2n ** 53n + 1n }, "59 01 00 00 00 00 00 20 00"],
    ["sfixed64 -2", { f_sfixed64: -2n }, "61 fe ff ff ff ff ff ff ff"],
    ["repeated uint64", { r_uint64: [1n, 2n ** 64n - 1n] }, `8a 03 0b 01 ${ONES_64}`],
    ["optional int64 0 (present)", { o_int64: 0n }, "e0 01 00"],
  ];
  for (const [name, init, expected] of vectors) {
    it(`${name} encodes to ${expected} and decodes back`, () => {
      const message = Scalars.create(init);
      assert.equal(hex(Scalars.encode(message)), expected.replaceAll(" ", ""));
      assert.deepStrictEqual(Scalars.decode(fromHex(expected)), message);
    });
  }

  it("truncates values wider than the field to its width, as protobuf does", () => {
    const decoded = Scalars.decode(Scalars.encode(Scalars.create({ f_uint64: 2n ** 64n + 5n, f_int64: 2n ** 63n })));
    assert.equal(decoded.f_uint64, 5n);
    assert.equal(decoded.f_int64, -(2n ** 63n));
  });
});

describe("proto3 presence", () => {
  it("does not write implicit-presence defaults", () => {
    assert.equal(Scalars.encode(Scalars.create({ f_int32: 0, f_string: "", f_bool: false, f_uint64: 0n })).length, 0);
  });

  it("writes -0 and NaN doubles, which are not the default", () => {
    const decoded = Scalars.decode(Scalars.encode(Scalars.create({ f_double: -0, f_float: Number.NaN })));
    assert.ok(Object.is(decoded.f_double, -0));
    assert.ok(Number.isNaN(decoded.f_float));
  });

  it("writes an optional field set to its default and keeps it present", () => {
    const bytes = Scalars.encode(Scalars.create({ o_uint32: 0, o_string: "" }));
    assert.equal(hex(bytes), "c00100920200");
    const decoded = Scalars.decode(bytes);
    assert.equal(decoded.o_uint32, 0);
    assert.equal(decoded.o_string, "");
    assert.equal(decoded.o_int32, undefined);
  });

  it("leaves absent message fields undefined", () => {
    const decoded = Character.decode(Character.encode(Character.create({ name: "x" })));
    assert.equal(decoded.mainHand, undefined);
    assert.equal(decoded.offHand, undefined);
  });
});

describe("repeated fields", () => {
  it("packs numeric repeats and accepts the unpacked form too", () => {
    assert.equal(hex(Scalars.encode(Scalars.create({ r_uint32: [1, 300] }))), "e2020301ac02");
    assert.deepEqual(Scalars.decode(fromHex("e002 01 e002 ac02")).r_uint32, [1, 300]);
    assert.deepEqual(Scalars.decode(fromHex("e002 05 e202 0301ac02")).r_uint32, [5, 1, 300]);
  });

  it("writes [packed = false] repeats unpacked and accepts the packed form too", () => {
    assert.equal(hex(Scalars.encode(Scalars.create({ u_uint32: [1, 2] }))), "e80301e80302");
    assert.deepEqual(Scalars.decode(fromHex("ea03 02 0102")).u_uint32, [1, 2]);
  });
});

describe("unknown and unexpected fields", () => {
  it("skips unknown fields of every wire type", () => {
    const known = Character.encode(Character.create({ GUID: 7n, name: "Thrall" }));
    const unknown = fromHex(
      "a006 96 01" + // field 100, varint
        "a906 0102030405060708" + // field 101, fixed64
        "b206 03 616263" + // field 102, length-delimited
        "bb06 0801 bc06" + // field 103, group containing a varint
        "c506 01020304", // field 104, fixed32
    );
    const decoded = Character.decode(Buffer.concat([unknown, known, unknown]));
    assert.deepStrictEqual(decoded, Character.create({ GUID: 7n, name: "Thrall" }));
  });

  it("skips a known field sent with an unexpected wire type", () => {
    // realmID is field 2 (varint); here it arrives length-delimited.
    const decoded = Character.decode(fromHex("12 02 0102 1a 01 78"));
    assert.equal(decoded.realmID, 0);
    assert.equal(decoded.name, "x");
  });
});

describe("enums are open", () => {
  it("keeps an enum number this version does not list", () => {
    const decoded = Character.decode(fromHex("28 63"));
    assert.equal(decoded.mood, 99);
    assert.equal(hex(Character.encode(decoded)), "2863");
  });

  it("writes a negative enum value as a ten-byte varint", () => {
    const bytes = Character.encode(Character.create({ mood: Mood.MOOD_NEGATIVE }));
    assert.equal(hex(bytes), "28fdffffffffffffffff01");
    assert.equal(Character.decode(bytes).mood, Mood.MOOD_NEGATIVE);
  });
});

describe("merging", () => {
  it("merges a message field that occurs twice", () => {
    const first = Character.encode(Character.create({ mainHand: { GUID: 1n, enchants: [{ id: 1 }] } }));
    const second = Character.encode(Character.create({ mainHand: { DisplayInfoID: 5, enchants: [{ id: 2 }] } }));
    const decoded = Character.decode(Buffer.concat([first, second]));
    assert.deepStrictEqual(
      decoded.mainHand,
      Character_Item.create({ GUID: 1n, DisplayInfoID: 5, enchants: [{ id: 1 }, { id: 2 }] }),
    );
  });
});

describe("maps", () => {
  it("round-trips every key kind", () => {
    const maps = Maps.create({
      byUint64: new Map([[2n ** 64n - 1n, Mood.MOOD_HAPPY]]),
      bySint64: new Map([[-(2n ** 63n), 1.5]]),
      byBool: new Map([
        [false, "no"],
        [true, "yes"],
      ]),
      bySfixed32: new Map([[-1, { GUID: 3n }]]),
    });
    assert.deepStrictEqual(Maps.decode(Maps.encode(maps)), maps);
  });

  it("lets the last duplicate key win and defaults a missing key or value", () => {
    // byString entries: {"a": "1"}, {"a": "2"}, {value "v" only}, {key "k" only}
    const decoded = Maps.decode(fromHex("0a06 0a0161 120131 0a06 0a0161 120132 0a03 120176 0a03 0a016b"));
    assert.deepStrictEqual(
      decoded.byString,
      new Map([
        ["a", "2"],
        ["", "v"],
        ["k", ""],
      ]),
    );
  });

  it("creates a default message for a message-valued entry without a value", () => {
    const decoded = Maps.decode(fromHex("52 05 0d ffffffff"));
    assert.deepStrictEqual(decoded.bySfixed32, new Map([[-1, Character_Item.create()]]));
  });
});

describe("copy semantics", () => {
  it("decodes bytes into a standalone Uint8Array", () => {
    const input = Buffer.from(Scalars.encode(Scalars.create({ f_bytes: Uint8Array.of(1, 2, 3) })));
    const decoded = Scalars.decode(input);
    input.fill(0);
    assert.deepStrictEqual(decoded.f_bytes, Uint8Array.of(1, 2, 3));
    assert.equal(Object.getPrototypeOf(decoded.f_bytes), Uint8Array.prototype);
  });

  it("create() copies arrays, maps and nested messages", () => {
    const init = { bags: [{ GUID: 1n }], pastClasses: [1 as const] };
    const created = Character.create(init);
    init.bags.push({ GUID: 2n });
    init.pastClasses.push(1);
    assert.equal(created.bags.length, 1);
    assert.equal(created.pastClasses.length, 1);
    const names = new Map([["a", "b"]]);
    const maps = Maps.create({ byString: names });
    names.set("c", "d");
    assert.equal(maps.byString.size, 1);
  });
});

/**
 * The Go-JSON codec against Go's encoding/json behaviour. Expected strings are what Go writes
 * (checked against encoding/json; the 7.038531e-26 float32 case is a Ryu / Go strconv test vector).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BusErrorCode,
  bool,
  defineEvent,
  f32,
  f64,
  i32,
  i64,
  isGoNil,
  jsonName,
  mapOf,
  nilMap,
  nilSlice,
  omitempty,
  omitemptyPointer,
  slice,
  str,
  struct,
  u16,
  u32,
  u64,
  u8,
  type GoType,
} from "../../src/bus/index.js";
import { parseGoFloat32 } from "../../src/bus/go-json/go-float.js";
import { parseJson } from "../../src/bus/go-json/json-node.js";

const write = <T>(type: GoType<T>, value: T): string => type.write(value);
const read = <T>(type: GoType<T>, json: string): T => type.read(parseJson(json));
const hasCode = (code: string) => (error: { code?: string }) => error.code === code;

describe("Go-JSON numbers", () => {
  it("writes float32 with the shortest float32 digits (ties to even) and Go's exponent rules", () => {
    const cases: [number, string][] = [
      [0.1, "0.1"],
      [1e-7, "1e-7"],
      [1e-6, "0.000001"],
      [9.999999e-7, "9.999999e-7"],
      [1e20, "100000000000000000000"],
      [1e21, "1e+21"],
      [123456789, "123456790"],
      [16777217, "16777216"],
      [3.4028234663852886e38, "3.4028235e+38"],
      [1e-45, "1e-45"],
      [-0, "-0"],
      [-1234.5677, "-1234.5677"],
      [0.3, "0.3"],
      [3694972.25, "3694972.2"],
      [-2962865.25, "-2962865.2"],
    ];
    for (const [value, expected] of cases) assert.equal(write(f32, value), expected, `float32(${value})`);
  });

  it("reads a float32 literal by rounding it once, as strconv.ParseFloat(s, 32) does", () => {
    const value = parseGoFloat32("7.038531e-26");
    const bits = new Uint32Array(new Float32Array([value ?? 0]).buffer)[0];
    assert.equal(bits, 0x15ae43fd, "double rounding via float64 would give 0x15ae43fe");
    assert.equal(write(f32, value ?? 0), "7.038531e-26");
    assert.equal(read(f32, "0.1"), Math.fround(0.1));
    assert.throws(() => read(f32, "1e39"), hasCode(BusErrorCode.Decode));
  });

  it("writes float64 like Go", () => {
    const cases: [number, string][] = [
      [0.1, "0.1"],
      [1e-7, "1e-7"],
      [1e21, "1e+21"],
      [123456789012345680000, "123456789012345680000"],
      [5e-324, "5e-324"],
      [-0, "-0"],
      [0.30000000000000004, "0.30000000000000004"],
    ];
    for (const [value, expected] of cases) assert.equal(write(f64, value), expected, `float64(${value})`);
    assert.throws(() => write(f64, Number.NaN), hasCode(BusErrorCode.Encode));
    assert.throws(() => write(f32, 1e39), hasCode(BusErrorCode.Encode));
  });

  it("round-trips 64-bit integers above 2^53 exactly", () => {
    for (const text of ["18446744073709551615", "9007199254740993", "4294967298"]) {
      assert.equal(write(u64, read(u64, text)), text);
    }
    for (const text of ["-9223372036854775808", "9223372036854775807"]) {
      assert.equal(write(i64, read(i64, text)), text);
    }
  });

  it("refuses integers Go would refuse, in both directions", () => {
    for (const [type, json] of [
      [u32, "4294967296"],
      [u32, "1.0"],
      [u32, "-0"],
      [u32, "1e3"],
      [u8, "256"],
      [u16, '"1"'],
      [u64, "18446744073709551616"],
      [i32, "2147483648"],
    ] as const) {
      assert.throws(() => read(type as GoType<unknown>, json), hasCode(BusErrorCode.Decode), json);
    }
    assert.equal(read(i32, "-0"), 0);
    assert.throws(() => write(u8, 256), hasCode(BusErrorCode.Encode));
    assert.throws(() => write(u32, 1.5), hasCode(BusErrorCode.Encode));
    assert.throws(() => write(u64, -1n), hasCode(BusErrorCode.Encode));
  });
});

describe("Go-JSON strings", () => {
  it("escapes like json.Marshal: HTML characters, U+2028/2029, control characters", () => {
    assert.equal(
      write(str, '<a href="x">&amp;</a>\u2028\u2029\u0000\u001f\u007fé😀\t\n\r'),
      '"\\u003ca href=\\"x\\"\\u003e\\u0026amp;\\u003c/a\\u003e\\u2028\\u2029\\u0000\\u001f\u007fé😀\\t\\n\\r"',
    );
    assert.equal(write(str, "\b\f\\"), '"\\b\\f\\\\"', "Go >= 1.22 short escapes");
    assert.equal(write(str, "x\ud800y"), '"x\\ufffdy"', "a lone surrogate is invalid UTF-8 to Go");
  });

  it("reads escapes, and lone surrogates as U+FFFD like Go", () => {
    assert.equal(read(str, '"\\ud800x\\udc00 \\u00e9 \\/ \\ud83d\\ude00"'), "\ufffdx\ufffd é / 😀");
  });
});

describe("Go-JSON slices and maps", () => {
  it("writes a nil slice as null and an empty array as []", () => {
    assert.equal(write(slice(u64), nilSlice()), "null");
    assert.equal(write(slice(u64), []), "[]");
    assert.equal(write(slice(u64), [1n, 2n ** 60n]), "[1,1152921504606846976]");
    const decoded = read(slice(u64), "null");
    assert.deepEqual(decoded, []);
    assert.equal(isGoNil(decoded), true);
    assert.equal(write(slice(u64), decoded), "null", "a decoded null re-encodes as null");
    assert.equal(write(slice(u64), read(slice(u64), "[]")), "[]");
  });

  it("writes map keys as decimal strings sorted as text, like Go", () => {
    const slots = mapOf(u32, u8);
    const map = new Map([
      [9, 1],
      [10, 2],
      [100, 3],
      [0, 4],
    ]);
    assert.equal(write(slots, map), '{"0":4,"10":2,"100":3,"9":1}');
    assert.equal(write(slots, nilMap()), "null");
    assert.equal(write(slots, new Map()), "{}");
    assert.deepEqual(read(slots, '{"007":1,"9":2}'), new Map([[7, 1], [9, 2]]));
    assert.equal(isGoNil(read(slots, "null")), true);
    assert.throws(() => read(slots, '{"+8":1}'), hasCode(BusErrorCode.Decode));
    assert.deepEqual(read(mapOf(i32, bool), '{"+8":true}'), new Map([[8, true]]));
  });

  it("refuses slice(u8), which Go would write as base64", () => {
    assert.throws(() => slice(u8), hasCode(BusErrorCode.Definition));
  });
});

describe("Go-JSON structs", () => {
  const Sample = struct({
    A: slice(u64),
    B: slice(u64),
    C: mapOf(u32, u8),
    D: jsonName("d", omitemptyPointer(u8)),
    E: jsonName("e", omitempty(u32)),
    F: f32,
  });

  it("writes fields in declaration order, honouring json tags and omitempty", () => {
    const value = { A: nilSlice<bigint>(), B: [], C: nilMap<number, number>(), D: 0, E: 0, F: 0 };
    assert.equal(write(Sample, value), '{"A":null,"B":[],"C":null,"d":0,"F":0}');
    assert.equal(write(Sample, { ...value, D: undefined, E: 5 }), '{"A":null,"B":[],"C":null,"e":5,"F":0}');
  });

  it("reads leniently like Go: unknown keys ignored, missing and null as zero, keys matched case-insensitively, last wins", () => {
    const value = read(Sample, '{"a":[1],"A":[18446744073709551615],"unknown":{"x":[1,2]},"e":null,"f":0.1,"F":0.5}');
    assert.deepEqual(value, { A: [18446744073709551615n], B: [], C: new Map(), E: 0, F: 0.5 });
    assert.equal("D" in value, false, "a missing pointer field stays undefined");
    assert.equal(isGoNil(value.B), true);
    const Realm = struct({ RealmID: u32 });
    assert.deepEqual(read(Realm, '{"realmid":1,"RealmID":2,"REALMID":3}'), { RealmID: 3 });
    assert.deepEqual(read(Realm, "null"), { RealmID: 0 });
    assert.throws(() => read(Realm, "[]"), hasCode(BusErrorCode.Decode));
  });

  it("names the failing field in errors", () => {
    const Outer = struct({ Items: slice(struct({ Level: u8 })) });
    assert.throws(() => read(Outer, '{"Items":[{"Level":1},{"Level":300}]}'), /Items\[1\]\.Level/);
    assert.throws(() => write(Outer, { Items: [{ Level: 1 }, { Level: -1 }] }), /Items\[1\]\.Level/);
  });

  it("refuses two fields with one JSON key", () => {
    assert.throws(() => struct({ A: u8, B: jsonName("A", u8) }), hasCode(BusErrorCode.Definition));
  });
});

describe("event envelopes", () => {
  const Sample = defineEvent({ subject: "sample.event", type: 7, payload: struct({ ID: u64, Name: str }) });
  const Raw = defineEvent({ subject: "sample.raw", type: 0, envelope: false, payload: struct({ ID: jsonName("id", u64) }) });
  const text = new TextDecoder();
  const bytes = (json: string) => new TextEncoder().encode(json);

  it("wraps the payload in ToCloud9's {v,t,p} envelope, or not at all for raw events", () => {
    assert.equal(text.decode(Sample.encode({ ID: 1n, Name: "x" })), '{"v":"0.0.1","t":7,"p":{"ID":1,"Name":"x"}}');
    assert.equal(text.decode(Raw.encode({ ID: 2n })), '{"id":2}');
  });

  it("reads the envelope's p without checking v or t, and a bare body like the C++ sidecar does", () => {
    assert.deepEqual(Sample.decode(bytes('{"v":"9","t":99,"p":{"ID":5,"Name":"a"}}')), { ID: 5n, Name: "a" });
    assert.deepEqual(Sample.decode(bytes('{"ID":6,"Name":"bare"}')), { ID: 6n, Name: "bare" });
    assert.deepEqual(Sample.decode(bytes('{"v":"0.0.1","t":7,"p":null}')), { ID: 0n, Name: "" });
    assert.throws(() => Sample.decode(bytes('{"v":"0.0.1"')), hasCode(BusErrorCode.Decode));
    assert.throws(() => Sample.decode(bytes("[1]")), hasCode(BusErrorCode.Decode));
  });

  it("refuses durable events outside tc9's own subjects", () => {
    assert.throws(
      () => defineEvent({ subject: "group.created", type: 2, durable: true, payload: struct({}) }),
      hasCode(BusErrorCode.Definition),
    );
  });
});

/**
 * The fast decode path (schemas scanning the text) against the reference path (node tree, then
 * `read`): every golden body and a set of adversarial and mutated bodies must decode to the same
 * value, down to property order, `-0`, `bigint`s and nil markers; errors must stay the reference's.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  BusErrorCode,
  bool,
  f32,
  f64,
  i32,
  i64,
  jsonName,
  mapOf,
  omitempty,
  omitemptyPointer,
  slice,
  str,
  struct,
  tocloud9Events,
  u16,
  u32,
  u64,
  u8,
  type GoType,
} from "../../src/bus/index.js";
import { decodeMessageBody, readMessageBody, scanMessageBody } from "../../src/bus/go-json/message-body.js";
import { decodeOutcome, snapshotGoValue } from "./helpers/go-value-snapshot.js";

interface Golden {
  readonly subject: string;
  readonly body: string;
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/tocloud9-goldens.json", import.meta.url), "utf8")) as {
  goldens: Golden[];
  masterForm: Golden[];
  pr37Form: Golden[];
};
const allGoldens = [...fixture.goldens, ...fixture.masterForm, ...fixture.pr37Form];
const bySubject = new Map(tocloud9Events.map((event) => [event.subject.template, event]));

/** Asserts that both paths agree on `text`; returns whether the fast path answered by itself. */
function assertSamePaths(payload: GoType<unknown>, text: string, envelope: boolean): boolean {
  const exact = decodeOutcome(() => readMessageBody(payload, text, envelope));
  assert.equal(decodeOutcome(() => decodeMessageBody(payload, text, envelope)), exact, text);
  let fast: unknown;
  try {
    fast = scanMessageBody(payload, text, envelope);
  } catch {
    return false;
  }
  assert.equal(snapshotGoValue(fast), exact, `fast path differs for ${text}`);
  return true;
}

const Inner = struct({ Level: u8, Name: str });
/** One field of every kind, a tagged key that needs escaping, and a pointer field. */
const Everything = struct({
  U8: u8,
  U16: u16,
  U32: u32,
  I32: i32,
  U64: u64,
  I64: i64,
  F32: f32,
  F64: f64,
  Str: str,
  Bool: bool,
  Ids: slice(u64),
  Items: slice(Inner),
  Slots: mapOf(u32, u8),
  Names: mapOf(str, i64),
  Inner,
  Ptr: jsonName("ptr", omitemptyPointer(u8)),
  Tagged: jsonName("x<y", omitempty(u32)),
});

describe("Go-JSON fast decode path", () => {
  it("decodes every golden body without falling back, to exactly what the node tree gives", () => {
    for (const golden of allGoldens) {
      const event = bySubject.get(golden.subject);
      assert.ok(event, golden.subject);
      const fast = scanMessageBody(event.payload as GoType<unknown>, golden.body, event.envelope);
      const exact = readMessageBody(event.payload as GoType<unknown>, golden.body, event.envelope);
      assert.equal(snapshotGoValue(fast), snapshotGoValue(exact), golden.subject);
    }
    assert.equal(allGoldens.length, 146 + fixture.masterForm.length + fixture.pr37Form.length);
  });

  it("agrees on long numbers, exponents, -0 and float32 rounding", () => {
    const bodies = [
      '{"U64":18446744073709551615,"I64":-9223372036854775808,"U32":4294967295,"I32":-2147483648}',
      '{"U64":9007199254740993,"I64":9007199254740993,"F64":9007199254740993,"F32":9007199254740993}',
      '{"U64":18446744073709551616}',
      '{"I64":-9223372036854775809}',
      '{"U32":1234567890123456}',
      '{"U64":123456789012345,"I64":-123456789012345,"F32":123456789012345}',
      '{"F64":12345678901234567890,"F32":16777217}',
      '{"U32":1e3}',
      '{"U32":1.0}',
      '{"U64":1E2}',
      '{"I64":0.5}',
      '{"F32":7.038531e-26,"F64":1e-7}',
      '{"F32":3.4028235e+38,"F64":1.7976931348623157e308}',
      '{"F32":1e39}',
      '{"F64":1e400}',
      '{"F64":1e-400,"F32":-1e-50}',
      '{"U8":-0}',
      '{"U64":-0}',
      '{"I32":-0,"I64":-0,"F32":-0,"F64":-0.0}',
      '{"U8":256}',
      '{"U16":-1}',
    ];
    let fast = 0;
    for (const body of bodies) if (assertSamePaths(Everything, body, false)) fast++;
    assert.ok(fast >= 8, `the fast path answered only ${fast} of ${bodies.length}`);
    const value = decodeMessageBody(Everything, bodies[1] ?? "", false);
    assert.equal(value.U64, 9007199254740993n, "read from the text, never through a double");
    assert.equal(value.F64, 9007199254740992);
    assert.ok(Object.is(decodeMessageBody(Everything, '{"F64":-0}', false).F64, -0));
    assert.throws(() => decodeMessageBody(Everything, '{"U64":-0}', false), /number -0 as uint64/);
  });

  it("agrees on digits inside strings and string map keys", () => {
    const bodies = [
      '{"Str":"12345678901234567890","Names":{"9007199254740993":9007199254740993}}',
      '{"Str":"1e3","Slots":{"12345678901234567":1}}',
      '{"Slots":{"007":1,"9":2,"+1":3}}',
      '{"Names":{"-0":-0,"1.5":1}}',
    ];
    for (const body of bodies) assertSamePaths(Everything, body, false);
    const names = decodeMessageBody(Everything, bodies[0] ?? "", false).Names;
    assert.equal(names.get("9007199254740993"), 9007199254740993n);
  });

  it("agrees on duplicate, case-folded, escaped and unknown keys", () => {
    const bodies = [
      '{"U8":1,"U8":2}',
      '{"u8":2,"U8":1}',
      '{"U8":1,"u8":2}',
      '{"Items":[{"Level":1}],"Items":null}',
      '{"Inner":{"Level":1},"Inner":{"Name":"x"}}',
      '{"ptr":5,"ptr":null}',
      '{"PTR":6}',
      '{"\\u0055\\u0038":7,"x\\u003cy":5}',
      '{"x<y":6,"X<Y":7}',
      '{"inner":{"NAME":"n","level":3}}',
      '{"zzz":{"a":[1,2,{"b":null}],"c":"\\ud800"},"U8":3,"yyy":[[[]]]}',
      '{"Bool":true,"U8":1,"Str":"late","U16":2}',
      '{"Slots":{"1":1,"1":2,"01":3}}',
    ];
    let fast = 0;
    for (const body of bodies) if (assertSamePaths(Everything, body, false)) fast++;
    assert.equal(fast, bodies.length, "all of these are valid and read on the fast path");
    assert.equal(decodeMessageBody(Everything, bodies[1] ?? "", false).U8, 1, "the last of the folded keys wins");
    assert.equal("Ptr" in decodeMessageBody(Everything, bodies[5] ?? "", false), false);
  });

  it("agrees on nulls, wrong types and invalid JSON", () => {
    const bodies = [
      "null",
      ' { "U8" : null , "Ids" : null , "Items" : null , "Slots" : null , "Names" : null , "Inner" : null ,'
        + ' "Str" : null , "Bool" : null , "ptr" : null , "F32" : null , "U64" : null } ',
      '{"Ids":[],"Items":[null],"Slots":{},"Inner":{}}',
      '{"U8":"1"}',
      '{"Str":1}',
      '{"Bool":0}',
      '{"Ids":{}}',
      '{"Slots":[]}',
      '{"Inner":[]}',
      '{"Items":[{"Level":1},{"Level":300}]}',
      "[]",
      '"x"',
      '{"U8":1,}',
      '{"U8":1} x',
      '{"U8":01}',
      '{"U8":1.}',
      '{"U8":-}',
      '{"U8":1e}',
      '{"Str":"\\x"}',
      '{"Str":"a\nb"}',
      '{"Str":"open',
      '{"U8":1',
      '{"U8" 1}',
      '{"zzz":[1,2}',
      '{"zzz":tru}',
      "",
    ];
    for (const body of bodies) assertSamePaths(Everything, body, false);
    const zero = decodeMessageBody(Everything, bodies[1] ?? "", false);
    assert.equal(snapshotGoValue(zero.Ids), "nil[]");
    assert.equal(snapshotGoValue(zero.Slots), "nilMap{}");
    assert.throws(() => decodeMessageBody(Everything, bodies[9] ?? "", false), /Items\[1\]\.Level/);
    assert.throws(() => decodeMessageBody(Everything, '{"U8":1} x', false), hasDecodeCode);
  });

  it("agrees on strings: escapes, surrogate pairs and lone surrogates", () => {
    const bodies = [
      '{"Str":"\\ud800x\\udc00 \\u00e9 \\/ \\ud83d\\ude00 \\b\\f\\n\\r\\t\\"\\\\"}',
      '{"Str":"raw 😀 pair, raw lone \ud800 and \udc00 ends"}',
      '{"Str":"\ud83d"}',
      '{"Names":{"\\ud800":1,"\ud800":2}}',
      '{"Str":"\\u00"}',
    ];
    for (const body of bodies) assertSamePaths(Everything, body, false);
    const repaired = decodeMessageBody(Everything, bodies[1] ?? "", false).Str;
    assert.equal(repaired, "raw 😀 pair, raw lone \ufffd and \ufffd ends");
  });

  it("agrees on envelopes: the last p decides, and a broken earlier p does not matter", () => {
    const bodies = [
      '{"v":"0.0.1","t":1,"p":{"U8":1}}',
      '{"p":{"U8":1},"p":{"U8":2}}',
      '{"p":{"U8":300},"p":{"U8":2}}',
      '{"p":{"U8":1},"p":null,"U8":3}',
      '{"p":1,"U8":2}',
      '{"P":{"U8":1},"U8":4}',
      '{"\\u0070":{"U8":5}}',
      '{"p":{"U8":1},"v":"x"} trailing',
      '{"U8":6}',
      "null",
      "[1]",
    ];
    for (const body of bodies) assertSamePaths(Everything, body, true);
    assert.equal(decodeMessageBody(Everything, bodies[2] ?? "", true).U8, 2);
    assert.equal(decodeMessageBody(Everything, bodies[3] ?? "", true).U8, 3);
  });

  it("agrees on deep nesting: Go's depth limit of 10000, not a stack overflow", () => {
    const nested = (levels: number) => `{"U8":1,"Unknown":${"[".repeat(levels)}${"]".repeat(levels)}}`;
    assert.equal(assertSamePaths(Everything, nested(10_000), false), true);
    assertSamePaths(Everything, nested(10_001), false);
    const tooDeep = /offset 10018: nesting deeper than 10000/;
    assert.throws(() => decodeMessageBody(Everything, nested(10_001), false), tooDeep);
    assert.throws(() => scanMessageBody(Everything, nested(10_001), false), hasDecodeCode);
  });

  it("agrees on thousands of mutated golden bodies (seeded)", () => {
    const random = seededRandom(0x7c9);
    let fastAnswers = 0;
    let checked = 0;
    for (const golden of allGoldens) {
      const event = bySubject.get(golden.subject);
      assert.ok(event, golden.subject);
      for (let round = 0; round < 12; round++) {
        let body = golden.body;
        for (let edits = 1 + random(3); edits > 0; edits--) body = mutate(body, random);
        if (assertSamePaths(event.payload as GoType<unknown>, body, event.envelope)) fastAnswers++;
        checked++;
      }
    }
    assert.ok(fastAnswers > checked / 10, `the fast path answered ${fastAnswers} of ${checked}`);
  });
});

const hasDecodeCode = (error: { code?: string }) => error.code === BusErrorCode.Decode;

/** A small deterministic generator (an LCG): `random(n)` is an integer in `0..n-1`. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const FRAGMENTS = [
  "1", "-0", "0.5", "1e3", "1.0", "18446744073709551616", "9007199254740993", "null", "true", '"x"', "{}", "[]",
  "[1,2]", '{"a":1}', "\\u00e9", "\\ud800", ",", ":", "]", "}", " ", '"', "1E-400", "-", "01", "3.4028236e38",
];

/** One random edit: cut, insert a fragment, replace a value, lower-case a key, repeat a member, add spaces. */
function mutate(body: string, random: (n: number) => number): string {
  const at = random(body.length + 1);
  const fragment = FRAGMENTS[random(FRAGMENTS.length)] ?? "";
  switch (random(6)) {
    case 0:
      return body.slice(0, at) + body.slice(at + 1 + random(4));
    case 1:
      return body.slice(0, at) + fragment + body.slice(at);
    case 2: {
      const colon = body.indexOf(":", at);
      if (colon < 0) return body;
      let end = colon + 1;
      while (end < body.length && !",}]".includes(body.charAt(end))) end++;
      return body.slice(0, colon + 1) + fragment + body.slice(end);
    }
    case 3: {
      const quote = body.indexOf('"', at);
      if (quote < 0) return body;
      return body.slice(0, quote + 1) + body.slice(quote + 1, quote + 3).toLowerCase() + body.slice(quote + 3);
    }
    case 4: {
      const comma = body.indexOf(",", at);
      const next = comma < 0 ? -1 : body.indexOf(",", comma + 1);
      return next < 0 ? body : body.slice(0, next) + body.slice(comma, next) + body.slice(next);
    }
    default:
      return `${body.slice(0, at)} \n\t${body.slice(at)}`;
  }
}

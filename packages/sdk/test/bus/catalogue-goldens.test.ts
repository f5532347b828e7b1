/**
 * Every ToCloud9 event in the catalogue against golden bodies produced by Go's encoding/json
 * (see fixtures/tocloud9-goldens.json for how they were made).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { tocloud9Events, type AnyEventDef } from "../../src/bus/index.js";
import { parseJson, type JsonNode } from "../../src/bus/go-json/json-node.js";

interface Golden {
  readonly subject: string;
  readonly body: string;
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/tocloud9-goldens.json", import.meta.url), "utf8")) as {
  goldens: Golden[];
  masterForm: Golden[];
  pr37Form: Golden[];
};

const bySubject = new Map(tocloud9Events.map((event) => [event.subject.template, event]));
const eventFor = (subject: string): AnyEventDef => {
  const event = bySubject.get(subject);
  assert.ok(event, `no catalogue event for ${subject}`);
  return event;
};
const utf8 = new TextEncoder();
const text = new TextDecoder();
const reencode = (golden: Golden): string => {
  const event = eventFor(golden.subject);
  return text.decode(event.encode(event.decode(utf8.encode(golden.body))));
};

/** Asserts that every member of `expected` is in `actual` with the same value (numbers by literal). */
function assertContains(actual: JsonNode, expected: JsonNode, path: string): void {
  assert.equal(actual.kind, expected.kind, `${path}: kind`);
  if (expected.kind === "object" && actual.kind === "object") {
    for (const [key, value] of expected.members) {
      const match = actual.members.find(([k]) => k === key);
      assert.ok(match, `${path}.${key} is missing`);
      assertContains(match[1], value, `${path}.${key}`);
    }
  } else if (expected.kind === "array" && actual.kind === "array") {
    assert.equal(actual.items.length, expected.items.length, `${path}: length`);
    expected.items.forEach((item, index) => assertContains(actual.items[index] ?? item, item, `${path}[${index}]`));
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

describe("ToCloud9 event catalogue", () => {
  it("has one definition per subject, covering master and PR #37", () => {
    assert.equal(bySubject.size, tocloud9Events.length, "subjects are unique");
    assert.equal(tocloud9Events.length, 73);
    for (const subject of ["gw.char.logged-in", "group.members.updated", "group.readycheck.started", "auctionhouse.bid.placed"]) {
      assert.ok(bySubject.has(subject), subject);
    }
    assert.equal(eventFor("chat.gw.{gatewayID}.income.whisper").subject.wildcard, "chat.gw.*.income.whisper");
    assert.equal(eventFor("auctionhouse.auction.created").envelope, false);
  });

  it("has a golden body for every event", () => {
    const covered = new Set(fixture.goldens.map((golden) => golden.subject));
    const missing = [...bySubject.keys()].filter((subject) => !covered.has(subject));
    assert.deepEqual(missing, []);
  });

  it("decodes every golden body and re-encodes it byte for byte", () => {
    for (const golden of fixture.goldens) {
      assert.equal(reencode(golden), golden.body, golden.subject);
    }
  });

  it("carries the event type number of its Go producer in the envelope", () => {
    for (const golden of fixture.goldens) {
      const event = eventFor(golden.subject);
      if (!event.envelope) continue;
      const root = parseJson(golden.body);
      assert.ok(root.kind === "object");
      assert.deepEqual(root.members.find(([key]) => key === "t")?.[1], { kind: "number", text: String(event.type) });
    }
  });

  it("reads bodies from ToCloud9 master and PR #37 producers whose payloads lack the other's fields", () => {
    assert.ok(fixture.masterForm.length > 0 && fixture.pr37Form.length > 0);
    for (const golden of [...fixture.masterForm, ...fixture.pr37Form]) {
      assertContains(parseJson(reencode(golden)), parseJson(golden.body), golden.subject);
    }
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusErrorCode, parseSubjectTemplate, subjectMatches } from "../../src/bus/index.js";

const hasCode = (code: string) => (error: { code?: string }) => error.code === code;

describe("subject templates", () => {
  const whisper = parseSubjectTemplate("chat.gw.{gatewayID}.income.whisper");

  it("formats, builds patterns and reads parameters back", () => {
    assert.deepEqual(whisper.paramNames, ["gatewayID"]);
    assert.equal(whisper.format({ gatewayID: "gw-7" }), "chat.gw.gw-7.income.whisper");
    assert.equal(whisper.wildcard, "chat.gw.*.income.whisper");
    assert.equal(whisper.pattern(), "chat.gw.*.income.whisper");
    assert.equal(whisper.pattern({ gatewayID: "ALL" }), "chat.gw.ALL.income.whisper");
    assert.deepEqual(whisper.extract("chat.gw.gw-7.income.whisper"), { gatewayID: "gw-7" });
    assert.equal(whisper.extract("chat.gw.gw-7.channel.message"), undefined);
    assert.equal(parseSubjectTemplate("group.created").format({}), "group.created");
  });

  it("refuses parameter values that are not one NATS token", () => {
    for (const gatewayID of ["", "a.b", "*", ">", "a b"]) {
      assert.throws(() => whisper.format({ gatewayID }), hasCode(BusErrorCode.Definition), JSON.stringify(gatewayID));
    }
  });

  it("refuses malformed templates", () => {
    for (const template of ["a..b", "a.x{id}.b", "a.*.b", "a.{id}.{id}", "a.>"]) {
      assert.throws(() => parseSubjectTemplate(template), hasCode(BusErrorCode.Definition), template);
    }
  });
});

describe("subject matching", () => {
  it("follows NATS wildcard rules", () => {
    assert.equal(subjectMatches("a.*.c", "a.b.c"), true);
    assert.equal(subjectMatches("a.*.c", "a.b.d"), false);
    assert.equal(subjectMatches("a.*", "a.b.c"), false);
    assert.equal(subjectMatches("a.>", "a.b.c"), true);
    assert.equal(subjectMatches("a.>", "a"), false);
    assert.equal(subjectMatches("a.b", "a.b"), true);
    assert.equal(subjectMatches("a.b", "a.b.c"), false);
  });
});

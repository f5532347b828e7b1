import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { collect, integerIn, parseDuration, parseGmLevel, parseHostPort, parsePortList, parseRealmId } from "../src/option-parsers.js";

describe("option parsers", () => {
  it("reads durations in seconds, single or combined units", () => {
    assert.equal(parseDuration("30m"), 1800);
    assert.equal(parseDuration("2h"), 7200);
    assert.equal(parseDuration("7d"), 604_800);
    assert.equal(parseDuration("1d12h"), 129_600);
    assert.equal(parseDuration("1w"), 604_800);
    assert.equal(parseDuration(" 45S "), 45);
  });

  it("refuses durations that are empty, zero, unitless or have stray text", () => {
    for (const bad of ["", "2", "0h", "2x", "h", "2h ago", "-2h", "1.5h"]) {
      assert.throws(() => parseDuration(bad), InvalidArgumentError, bad);
    }
  });

  it("reads GM levels 0..3 and realm ids (-1 or positive)", () => {
    assert.equal(parseGmLevel("3"), 3);
    assert.equal(parseGmLevel("0"), 0);
    assert.throws(() => parseGmLevel("4"), /0 player, 1 moderator/);
    assert.throws(() => parseGmLevel("admin"), InvalidArgumentError);
    assert.equal(parseRealmId("-1"), -1);
    assert.equal(parseRealmId("2"), 2);
    for (const bad of ["0", "-2", "x", "2147483648"]) assert.throws(() => parseRealmId(bad), /-1 for every realm/, bad);
  });

  it("reads whole numbers in a range", () => {
    assert.equal(integerIn(0, 2)("2"), 2);
    assert.throws(() => integerIn(0, 2)("3"), /from 0 to 2/);
    assert.throws(() => integerIn(0, 2)("1.0"), InvalidArgumentError);
  });

  it("reads comma-separated port lists, dropping duplicates", () => {
    assert.deepEqual(parsePortList("3724,8085, 3724,"), [3724, 8085]);
    assert.throws(() => parsePortList("3724,70000"), InvalidArgumentError);
    assert.throws(() => parsePortList(","), /separated by commas/);
  });

  it("reads host:port, with brackets for IPv6", () => {
    assert.deepEqual(parseHostPort("127.0.0.1:8086"), { host: "127.0.0.1", port: 8086 });
    assert.deepEqual(parseHostPort("world-1.internal:9601"), { host: "world-1.internal", port: 9601 });
    assert.deepEqual(parseHostPort("[::1]:8086"), { host: "::1", port: 8086 });
    for (const bad of ["127.0.0.1", "::1:8086", "host:0", "host:99999", ":8086"]) {
      assert.throws(() => parseHostPort(bad), InvalidArgumentError, bad);
    }
  });

  it("collects repeated option values in order", () => {
    const addPort = collect(Number);
    assert.deepEqual(addPort("2", addPort("1", undefined)), [1, 2]);
  });
});

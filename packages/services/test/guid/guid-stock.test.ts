import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GuidStock } from "../../src/guid/index.js";

describe("GuidStock", () => {
  it("hands out inclusive ranges from the front, across reserved ranges", () => {
    const stock = new GuidStock();
    stock.add({ start: 10n, end: 14n });
    stock.add({ start: 100n, end: 109n });
    assert.equal(stock.left, 15n);
    assert.deepEqual(stock.take(3n), [{ start: 10n, end: 12n }]);
    assert.deepEqual(stock.take(4n), [
      { start: 13n, end: 14n },
      { start: 100n, end: 101n },
    ]);
    assert.deepEqual(stock.take(8n), [{ start: 102n, end: 109n }]);
    assert.equal(stock.left, 0n);
    assert.throws(() => stock.take(1n), RangeError);
  });

  it("merges a range that continues the last one", () => {
    const stock = new GuidStock();
    stock.add({ start: 1n, end: 5n });
    stock.add({ start: 6n, end: 8n });
    assert.deepEqual(stock.take(8n), [{ start: 1n, end: 8n }]);
  });

  it("grants a single GUID as a range whose start equals its end", () => {
    const stock = new GuidStock();
    stock.add({ start: 7n, end: 7n });
    assert.deepEqual(stock.take(1n), [{ start: 7n, end: 7n }]);
  });

  it("measures how much of the ranges still held is handed out", () => {
    const stock = new GuidStock();
    assert.equal(stock.usedFraction(), 1);
    stock.add({ start: 1n, end: 10n });
    stock.take(7n);
    assert.equal(stock.usedFraction(), 0.7);
    stock.add({ start: 51n, end: 60n });
    assert.equal(stock.usedFraction(), 1 - 13 / 20);
    stock.take(3n);
    assert.equal(stock.usedFraction(), 0);
  });
});

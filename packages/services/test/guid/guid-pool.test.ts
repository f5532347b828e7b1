/**
 * GuidPool over the real high-water store on MariaDB: prefetching, one reservation in flight for
 * many waiting requests, arrival order, callers that give up, and a failing reservation.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  GUID_KINDS,
  GuidError,
  GuidPool,
  HighWaterStore,
  type GuidKind,
  type GuidPoolObserver,
  type GuidRange,
  type GuidSource,
} from "../../src/guid/index.js";
import { migratedCharacters, type ScratchDatabase } from "./support/high-water-db.js";

const [character, item] = GUID_KINDS as [GuidKind, GuidKind, GuidKind];
const policy = { prefetchMultiplier: 5, prefetchAtUsed: 0.7 };

/** The real store's source, with every reservation recorded and an optional gate before it runs. */
class RecordingSource implements GuidSource {
  readonly amounts: bigint[] = [];
  gate: Promise<void> | undefined;

  constructor(private readonly inner: GuidSource) {}

  async reserve(amount: bigint): Promise<GuidRange | undefined> {
    this.amounts.push(amount);
    await this.gate;
    return this.inner.reserve(amount);
  }
}

const failures: unknown[] = [];
const observer: GuidPoolObserver = { reserved() {}, handedOut() {}, reservationFailed: (error) => failures.push(error) };

function count(ranges: readonly GuidRange[]): bigint {
  return ranges.reduce((sum, range) => sum + range.end - range.start + 1n, 0n);
}

describe("GuidPool", () => {
  let scratch: ScratchDatabase;
  let store: HighWaterStore;
  let realmId = 0;

  before(async () => {
    scratch = await migratedCharacters();
  });
  after(() => scratch?.drop());
  beforeEach(async () => {
    realmId += 1;
    store = new HighWaterStore(scratch.db, realmId);
    for (const kind of GUID_KINDS) await store.seed(kind);
    failures.length = 0;
  });

  const poolOf = (kind: GuidKind, source: GuidSource): GuidPool => new GuidPool({ realmId, kind }, source, policy, observer);

  it("reserves what waits plus five times the request, and prefetches once 70 % is handed out", async () => {
    const source = new RecordingSource(store.sourceFor(item));
    const pool = poolOf(item, source);
    assert.deepEqual(await pool.take(10n), [{ start: 1n, end: 10n }]);
    assert.deepEqual(source.amounts, [60n]);
    assert.equal(pool.left, 50n);
    await pool.take(30n);
    await pool.settled();
    assert.equal(source.amounts.length, 1, "40 of 60 handed out is below the threshold");
    assert.deepEqual(await pool.take(5n), [{ start: 41n, end: 45n }]);
    await pool.settled();
    assert.deepEqual(source.amounts, [60n, 25n], "45 of 60 handed out starts a background reservation of 5 × 5");
    assert.equal(pool.left, 40n);
    assert.deepEqual(await pool.take(40n), [{ start: 46n, end: 85n }], "the prefetched range continues the first");
  });

  it("serves many waiting requests from one reservation at a time, in arrival order", async () => {
    const source = new RecordingSource(store.sourceFor(character));
    let open!: () => void;
    source.gate = new Promise((resolve) => (open = resolve));
    const pool = poolOf(character, source);
    const sizes = Array.from({ length: 50 }, (_, index) => BigInt((index % 7) + 1));
    const pending = sizes.map((size) => pool.take(size));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(source.amounts.length, 1, "one reservation while all 50 wait");
    open();
    const granted = await Promise.all(pending);
    assert.ok(source.amounts.length <= 2, `reservations: ${source.amounts.join(", ")}`);
    const starts = granted.map((ranges) => ranges[0]?.start ?? 0n);
    assert.deepEqual(starts, [...starts].sort((a, b) => (a < b ? -1 : 1)), "served in arrival order");
    granted.forEach((ranges, index) => assert.equal(count(ranges), sizes[index]));
  });

  it("lets a caller give up while it waits, and serves the next request from the same reservation", async () => {
    const source = new RecordingSource(store.sourceFor(item));
    let open!: () => void;
    source.gate = new Promise((resolve) => (open = resolve));
    const pool = poolOf(item, source);
    const controller = new AbortController();
    const abandoned = pool.take(10n, controller.signal);
    controller.abort();
    await assert.rejects(abandoned, (error: unknown) => error instanceof GuidError && error.code === "TC9_ERR_GUID_ABANDONED");
    open();
    await pool.settled();
    assert.deepEqual(await pool.take(50n), [{ start: 1n, end: 50n }]);
    assert.equal(source.amounts[0], 50n, "the abandoned request was no longer waiting when the amount was set");
  });

  it("fails the waiting requests when a reservation fails, and reserves again for the next one", async () => {
    const pool = poolOf(item, store.sourceFor(item));
    await scratch.db.execute("DELETE FROM tc9_guid_high_water WHERE realm_id = ? AND guid_type = ?", [realmId, item.type]);
    await assert.rejects(pool.take(5n), (error: unknown) => error instanceof GuidError && error.code === "TC9_ERR_GUID_HIGH_WATER_MISSING");
    assert.equal(failures.length, 1);
    await store.seed(item);
    assert.deepEqual(await pool.take(5n), [{ start: 1n, end: 5n }]);
  });
});

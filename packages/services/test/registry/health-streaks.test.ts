import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HealthStreaks, type HealthChange } from "../../src/registry/health-streaks.js";
import type { ProbeVerdict } from "../../src/registry/health-verdict.js";

const defaults = { failuresToRemove: 2, degradedAfter: 2, recoverAfter: 1 };

function feed(streaks: HealthStreaks, verdicts: ReadonlyArray<ProbeVerdict["kind"]>): HealthChange[] {
  return verdicts.map((verdict) => streaks.record(verdict));
}

describe("health streaks", () => {
  it("degrades a worldserver on the second stalled probe, not the first, and keeps it while it stalls", () => {
    const streaks = new HealthStreaks(defaults, true);
    assert.deepEqual(feed(streaks, ["stalled"]), ["none"]);
    assert.equal(streaks.degraded, false);
    assert.deepEqual(feed(streaks, ["stalled", "stalled", "stalled", "stalled"]), ["degraded", "none", "none", "none"]);
    assert.equal(streaks.degraded, true);
  });

  it("recovers on one good probe by default, and needs recoverAfter good probes in a row when set", () => {
    const quick = new HealthStreaks(defaults, true);
    assert.deepEqual(feed(quick, ["stalled", "stalled", "ok", "ok"]), ["none", "degraded", "recovered", "none"]);
    const slow = new HealthStreaks({ ...defaults, recoverAfter: 3 }, true);
    assert.deepEqual(feed(slow, ["stalled", "stalled", "ok", "ok", "stalled", "ok", "ok", "ok"]), [
      "none", "degraded", "none", "none", "none", "none", "none", "recovered",
    ]);
  });

  it("starts degraded when told (a server another registry process degraded), so its first good probe recovers it", () => {
    const inherited = new HealthStreaks(defaults, true, true);
    assert.equal(inherited.degraded, true);
    assert.deepEqual(feed(inherited, ["ok"]), ["recovered"]);
    assert.equal(new HealthStreaks(defaults, false, true).degraded, false, "gateways never degrade");
  });

  it("does not degrade on single stalls between good probes (flapping)", () => {
    const streaks = new HealthStreaks(defaults, true);
    assert.deepEqual(new Set(feed(streaks, ["stalled", "ok", "stalled", "ok", "stalled", "ok"])), new Set(["none"]));
  });

  it("removes after failuresToRemove down probes without a good one, degraded or not, never for stalling", () => {
    assert.deepEqual(feed(new HealthStreaks(defaults, true), ["down", "ok", "down", "down"]), ["none", "none", "none", "removed"]);
    const stalledThenDead = new HealthStreaks(defaults, true);
    assert.deepEqual(feed(stalledThenDead, ["stalled", "stalled", "stalled", "down", "stalled", "down"]), [
      "none", "degraded", "none", "none", "none", "removed",
    ]);
    const once = new HealthStreaks({ ...defaults, failuresToRemove: 1 }, true);
    assert.deepEqual(feed(once, ["stalled", "down"]), ["none", "removed"]);
  });

  it("treats a stall as down for targets that cannot degrade (gateways)", () => {
    const gateway = new HealthStreaks(defaults, false);
    assert.deepEqual(feed(gateway, ["stalled", "stalled"]), ["none", "removed"]);
    assert.equal(gateway.degraded, false);
  });

  it("honours a larger degradedAfter", () => {
    const patient = new HealthStreaks({ ...defaults, degradedAfter: 3 }, true);
    assert.deepEqual(feed(patient, ["stalled", "stalled", "ok", "stalled", "stalled", "stalled"]), ["none", "none", "none", "none", "none", "degraded"]);
  });
});

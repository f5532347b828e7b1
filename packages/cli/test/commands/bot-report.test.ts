// The `tc9 bots` report: nearest-rank percentiles, failures by stage, and the text form.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { percentile, renderReport, summariseRuns } from "../../src/commands/bots/bot-report.js";
import type { BotRun } from "../../src/commands/bots/bot-scenario.js";
import { styleFor } from "../../src/style.js";

const plain = styleFor({ write: () => true }, {});

describe("bots report", () => {
  it("takes nearest-rank percentiles", () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    assert.deepEqual([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 99)], [50, 95, 99]);
    assert.deepEqual([percentile([7], 50), percentile([7], 99)], [7, 7]);
    assert.deepEqual([percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 99)], [2, 4]);
  });

  it("counts failures by stage and times only the steps runs completed", () => {
    const runs: BotRun[] = [
      { username: "A1", timings: { logon: 10, "realm-list": 0.04 } },
      { username: "A2", timings: { logon: 30 }, failure: { stage: "realm-list", code: "TC9_ERR_BOTS_SCENARIO", message: "no realm" } },
      { username: "A3", timings: {}, failure: { stage: "logon", code: "TC9_ERR_LOGON_CLIENT_REJECTED", message: "refused" } },
    ];
    const report = summariseRuns(runs, 1234.4);
    assert.deepEqual(
      { runs: report.runs, succeeded: report.succeeded, failed: report.failed, durationMs: report.durationMs, failuresByStage: report.failuresByStage },
      { runs: 3, succeeded: 1, failed: 2, durationMs: 1234, failuresByStage: { "realm-list": 1, logon: 1 } },
    );
    assert.deepEqual(report.steps, { logon: { count: 2, p50: 10, p95: 30, p99: 30 }, "realm-list": { count: 1, p50: 0, p95: 0, p99: 0 } });
    assert.equal(
      renderReport(report, plain),
      [
        "✖ 3 run(s): 1 succeeded, 2 failed in 1.2 s",
        "  step        runs      p50      p95      p99",
        "  logon          2  10.0 ms  30.0 ms  30.0 ms",
        "  realm-list     1   0.0 ms   0.0 ms   0.0 ms",
        "failures by stage: logon 1, realm-list 1",
        "  ✖ A2 at realm-list: no realm (TC9_ERR_BOTS_SCENARIO)",
        "  ✖ A3 at logon: refused (TC9_ERR_LOGON_CLIENT_REJECTED)",
      ].join("\n"),
    );
  });
});

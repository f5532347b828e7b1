// The Prometheus text reader and histogram quantiles, on text written by a real node's metrics registry.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NodeMetrics } from "@tc9/sdk";
import { histogramQuantile, parsePrometheusText } from "../../src/cluster-view/index.js";

describe("parsePrometheusText", () => {
  it("reads counters and histogram series from a node's /metrics text, labels included", async () => {
    const metrics = new NodeMetrics("core-1");
    metrics.busPublished('weird "subject"\\with\nnewline');
    metrics.busPublished("sr.gs.added");
    metrics.busPublished("sr.gs.added");
    const instrument = metrics.rpcInstrument({ contract: "v1.ServersRegistryService", method: "ListAllGameServers", side: "server", binding: "grpc" });
    instrument.observe("OK", 0.0003);
    instrument.observe("UNAVAILABLE", 0.2);

    const samples = parsePrometheusText(await metrics.registry.metrics());
    const bus = samples.filter((sample) => sample.name === "tc9_bus_messages_total");
    assert.deepEqual(
      bus.map((sample) => [sample.labels["subject"], sample.labels["direction"], sample.labels["node"], sample.value]),
      [
        ['weird "subject"\\with\nnewline', "published", "core-1", 1],
        ["sr.gs.added", "published", "core-1", 2],
      ],
    );
    const buckets = samples.filter((sample) => sample.name === "tc9_rpc_duration_seconds_bucket");
    assert.equal(buckets.at(-1)?.labels["le"], "+Inf");
    assert.equal(buckets.at(-1)?.value, 2);
    assert.equal(buckets.find((sample) => sample.labels["le"] === "0.0005")?.value, 1);
    assert.equal(samples.find((sample) => sample.name === "tc9_rpc_errors_total")?.labels["code"], "UNAVAILABLE");
    assert.ok(samples.every((sample) => !sample.name.startsWith("#")));
  });

  it("skips comments and malformed lines, reads +Inf, NaN and timestamps", () => {
    const samples = parsePrometheusText(
      ["# HELP x help", "# TYPE x gauge", "x 1.5 1700000000000", "y{a=\"1\"} +Inf", "z NaN", "broken{a=1} 3", "{} 4", "w{a=\"unterminated} 5", ""].join("\n"),
    );
    assert.deepEqual(samples.map((sample) => [sample.name, sample.value]), [["x", 1.5], ["y", Number.POSITIVE_INFINITY], ["z", Number.NaN]]);
  });
});

describe("histogramQuantile", () => {
  const histogram = { bounds: [0.001, 0.01, 0.1, Number.POSITIVE_INFINITY], counts: [50, 90, 100, 100] };

  it("interpolates inside the bucket the rank falls in, as Prometheus does", () => {
    assert.equal(histogramQuantile(0.5, histogram), 0.001);
    assert.ok(Math.abs((histogramQuantile(0.25, histogram) ?? 0) - 0.0005) < 1e-12);
    assert.ok(Math.abs((histogramQuantile(0.99, histogram) ?? 0) - 0.091) < 1e-12);
  });

  it("answers the highest finite bound for a rank in +Inf, and undefined for an empty histogram", () => {
    assert.equal(histogramQuantile(0.99, { bounds: [0.1, Number.POSITIVE_INFINITY], counts: [1, 10] }), 0.1);
    assert.equal(histogramQuantile(0.5, { bounds: [0.1, Number.POSITIVE_INFINITY], counts: [0, 0] }), undefined);
    assert.equal(histogramQuantile(0.5, { bounds: [], counts: [] }), undefined);
  });
});

export * from "./cluster-snapshot.js";
export * from "./collect-cluster-snapshot.js";
export { parsePrometheusText, histogramQuantile } from "./prometheus-text.js";
export type { HistogramBuckets, PromSample } from "./prometheus-text.js";
export * from "./snapshot-tables.js";
export { fetchFailure } from "./fetch-failure.js";

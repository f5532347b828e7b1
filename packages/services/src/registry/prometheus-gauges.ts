/** The gauges the registry reads from a sidecar's or gateway's `/metrics` (ToCloud9 names). */
export interface ServerGauges {
  readonly activeConnections?: number;
  readonly delayMean?: number;
  readonly delayMedian?: number;
  readonly delay95Percentile?: number;
  readonly delay99Percentile?: number;
  readonly delayMax?: number;
}

const GAUGE_KEYS: Readonly<Record<string, keyof ServerGauges>> = {
  active_connections: "activeConnections",
  delay_mean: "delayMean",
  delay_median: "delayMedian",
  delay_95_percentile: "delay95Percentile",
  delay_99_percentile: "delay99Percentile",
  delay_max: "delayMax",
};

/**
 * Reads those gauges from Prometheus text exposition: `name value` or `name{labels} value` lines,
 * comments skipped. Values become non-negative whole numbers that fit a u32; unreadable values
 * are left out.
 */
export function parseServerGauges(text: string): ServerGauges {
  const gauges: Partial<Record<keyof ServerGauges, number>> = {};
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line.trim());
    const key = match?.[1] === undefined ? undefined : GAUGE_KEYS[match[1]];
    const value = Number(match?.[2]);
    if (key === undefined || !Number.isFinite(value)) continue;
    gauges[key] = Math.min(0xffffffff, Math.max(0, Math.round(value)));
  }
  return gauges;
}

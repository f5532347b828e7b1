/**
 * A small reader of the Prometheus text exposition format (what prom-client's `registry.metrics()`
 * writes at `/metrics`): one sample per line, `name{label="value",…} value [timestamp]`, `#` lines
 * skipped. Enough for the counters, gauges and histogram series the cluster view reads.
 */

/** One sample: the series name (histograms' `_bucket`, `_sum`, `_count` included), its labels, its value. */
export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** Every sample of `text`; a line that is not a sample (a comment, a malformed line) is skipped. */
export function parsePrometheusText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const sample = parseSampleLine(line);
    if (sample !== undefined) samples.push(sample);
  }
  return samples;
}

function parseSampleLine(line: string): PromSample | undefined {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return undefined;
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith("{")) {
    const parsed = parseLabels(rest);
    if (parsed === undefined) return undefined;
    Object.assign(labels, parsed.labels);
    rest = rest.slice(parsed.length);
  }
  const valueText = rest.trim().split(/\s+/)[0];
  if (valueText === undefined || valueText === "") return undefined;
  const value = parseValue(valueText);
  return value === undefined ? undefined : { name, labels, value };
}

/** Parses `{a="x",b="y\"z"}` at the start of `text`; returns the labels and how many characters they took. */
function parseLabels(text: string): { labels: Record<string, string>; length: number } | undefined {
  const labels: Record<string, string> = {};
  let position = 1;
  for (;;) {
    while (text[position] === " " || text[position] === ",") position += 1;
    if (text[position] === "}") return { labels, length: position + 1 };
    const labelName = LABEL_NAME.exec(text.slice(position))?.[0];
    if (labelName === undefined) return undefined;
    position += labelName.length;
    if (text.slice(position, position + 2) !== '="') return undefined;
    position += 2;
    let value = "";
    for (;;) {
      const char = text[position];
      if (char === undefined) return undefined;
      position += 1;
      if (char === '"') break;
      if (char === "\\") {
        const escaped = text[position];
        position += 1;
        value += escaped === "n" ? "\n" : (escaped ?? "");
      } else {
        value += char;
      }
    }
    labels[labelName] = value;
  }
}

function parseValue(text: string): number | undefined {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** Bucket upper bounds (`le`) and their cumulative counts, in ascending order of bound. */
export interface HistogramBuckets {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
}

/**
 * The `q` quantile (0..1) of a histogram as Prometheus' `histogram_quantile` estimates it: find the
 * bucket the rank falls in and interpolate linearly inside it (from 0 for the first bucket). A rank
 * in the `+Inf` bucket returns the highest finite bound. Undefined when the histogram is empty.
 */
export function histogramQuantile(q: number, buckets: HistogramBuckets): number | undefined {
  const total = buckets.counts.at(-1);
  if (total === undefined || total <= 0) return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (let index = 0; index < buckets.bounds.length; index += 1) {
    const bound = buckets.bounds[index] as number;
    const count = buckets.counts[index] as number;
    if (count >= rank) {
      if (bound === Number.POSITIVE_INFINITY) return lowerBound;
      if (count === lowerCount) return bound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / (count - lowerCount);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}

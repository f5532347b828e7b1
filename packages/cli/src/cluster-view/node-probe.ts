import type { NodeRunState } from "../run-state/index.js";
import { fetchFailure } from "./fetch-failure.js";
import { parsePrometheusText, type PromSample } from "./prometheus-text.js";

/** One module as a node's `/healthz` lists it. */
export interface ProbedModule {
  readonly name: string;
  readonly started: boolean;
  readonly info: Readonly<Record<string, unknown>>;
}

/** What one node's HTTP endpoints said; `up: false` carries why. */
export type NodeProbe =
  | {
      readonly up: true;
      readonly uptimeSeconds: number | null;
      readonly modules: readonly ProbedModule[];
      readonly ready: boolean;
      readonly notReady: readonly string[];
      readonly samples: readonly PromSample[];
    }
  | { readonly up: false; readonly problem: string };

/**
 * Asks a node for `/healthz`, `/readyz` and `/metrics`, each within `timeoutMs`. A node without an
 * HTTP address, or whose `/healthz` does not answer 200, is down; it never throws.
 */
export async function probeNode(node: NodeRunState, timeoutMs: number): Promise<NodeProbe> {
  if (node.httpUrl === undefined) return { up: false, problem: `it has no HTTP address yet (${node.status})` };
  const base = node.httpUrl.replace(/\/+$/, "");
  const [health, readiness, metrics] = await Promise.allSettled([
    fetchText(`${base}/healthz`, timeoutMs),
    fetchText(`${base}/readyz`, timeoutMs),
    fetchText(`${base}/metrics`, timeoutMs),
  ]);
  if (health.status === "rejected") return { up: false, problem: `${base} does not answer (${fetchFailure(health.reason)})` };
  if (health.value.status !== 200) return { up: false, problem: `${base}/healthz answered ${health.value.status}` };
  const described = parseJsonObject(health.value.body);
  return {
    up: true,
    uptimeSeconds: typeof described["uptimeSeconds"] === "number" ? described["uptimeSeconds"] : null,
    modules: readModules(described["modules"]),
    ready: readiness.status === "fulfilled" && readiness.value.status === 200,
    notReady: readiness.status === "fulfilled" ? failingChecks(readiness.value.body) : ["/readyz did not answer"],
    samples: metrics.status === "fulfilled" && metrics.value.status === 200 ? parsePrometheusText(metrics.value.body) : [],
  };
}

async function fetchText(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text() };
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function readModules(value: unknown): ProbedModule[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (typeof record["name"] !== "string") return [];
    const info = typeof record["info"] === "object" && record["info"] !== null ? (record["info"] as Record<string, unknown>) : {};
    return [{ name: record["name"], started: record["started"] === true, info }];
  });
}

function failingChecks(text: string): string[] {
  const checks = parseJsonObject(text)["checks"];
  if (!Array.isArray(checks)) return [];
  return checks.flatMap((check: unknown) => {
    const record = typeof check === "object" && check !== null ? (check as Record<string, unknown>) : {};
    return record["ok"] === false && typeof record["name"] === "string" ? [record["name"]] : [];
  });
}

import type { Style } from "../../style.js";
import { BOT_STEPS, type BotRun, type BotStep } from "./bot-scenario.js";

/** Latency of one step over every run that completed it, in milliseconds (nearest-rank percentiles). */
export interface StepLatency {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** One failed run, as the report lists it. */
export interface ReportedFailure {
  readonly username: string;
  readonly stage: BotStep;
  readonly code: string;
  readonly message: string;
}

/** What `tc9 bots` reports at the end. */
export interface BotsReport {
  readonly runs: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly durationMs: number;
  /** Failed runs per step they failed at; steps without failures are left out. */
  readonly failuresByStage: Partial<Record<BotStep, number>>;
  /** Latency per step that at least one run completed, in scenario order. */
  readonly steps: Partial<Record<BotStep, StepLatency>>;
  /** The first {@link MAX_LISTED_FAILURES} failures. */
  readonly failures: readonly ReportedFailure[];
}

/** How many failures the report lists one by one. */
export const MAX_LISTED_FAILURES = 20;

/** The `p`-th percentile (0 < p ≤ 100) of ascending `sorted` values by the nearest-rank method. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/** Summarises the runs: counts, failures by stage and per-step latency percentiles (ms, rounded to 0.1). */
export function summariseRuns(runs: readonly BotRun[], durationMs: number): BotsReport {
  const failuresByStage: Partial<Record<BotStep, number>> = {};
  const failures: ReportedFailure[] = [];
  for (const run of runs) {
    if (run.failure === undefined) continue;
    failuresByStage[run.failure.stage] = (failuresByStage[run.failure.stage] ?? 0) + 1;
    if (failures.length < MAX_LISTED_FAILURES) failures.push({ username: run.username, ...run.failure });
  }
  const steps: Partial<Record<BotStep, StepLatency>> = {};
  for (const step of BOT_STEPS) {
    const sorted = runs.flatMap((run) => (run.timings[step] === undefined ? [] : [run.timings[step]])).sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    const at = (p: number): number => Math.round(percentile(sorted, p) * 10) / 10;
    steps[step] = { count: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
  }
  const failed = runs.filter((run) => run.failure !== undefined).length;
  return { runs: runs.length, succeeded: runs.length - failed, failed, durationMs: Math.round(durationMs), failuresByStage, steps, failures };
}

/** The report as text: totals, a latency table per step, failures by stage and the listed failures. */
export function renderReport(report: BotsReport, style: Style): string {
  const verdict = report.failed === 0 ? style.ok("✔") : style.fail("✖");
  const lines = [
    `${verdict} ${report.runs} run(s): ${report.succeeded} succeeded, ${report.failed} failed in ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  const rows = BOT_STEPS.flatMap((step) => {
    const latency = report.steps[step];
    return latency === undefined ? [] : [[step, String(latency.count), ms(latency.p50), ms(latency.p95), ms(latency.p99)]];
  });
  if (rows.length > 0) lines.push(...table([["step", "runs", "p50", "p95", "p99"], ...rows], style));
  const byStage = BOT_STEPS.flatMap((step) => (report.failuresByStage[step] === undefined ? [] : [`${step} ${report.failuresByStage[step]}`]));
  if (byStage.length > 0) lines.push(`failures by stage: ${byStage.join(", ")}`);
  for (const failure of report.failures) lines.push(`  ${style.fail("✖")} ${failure.username} at ${failure.stage}: ${failure.message} (${failure.code})`);
  if (report.failed > report.failures.length) lines.push(style.dim(`  … and ${report.failed - report.failures.length} more`));
  return lines.join("\n");
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function table(rows: readonly (readonly string[])[], style: Style): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row, index) => {
    const text = row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
    return index === 0 ? style.dim(`  ${text}`) : `  ${text}`;
  });
}

import type { MigrationKind, MigrationRunResult, MigrationStatus } from "@tc9/sdk";
import type { Style } from "../../style.js";

/** What `tc9 migrate` did (or, with `--status`, found) for one database; also its JSON shape. */
export interface MigrationOutcome {
  readonly kind: MigrationKind;
  /** `host:port/name` (never the password). */
  readonly database: string;
  /** Where its URL came from, e.g. `--auth-db`. */
  readonly origin: string;
  readonly run?: MigrationRunResult;
  readonly status?: MigrationStatus;
  readonly error?: { readonly code: string; readonly message: string };
}

/** The human text for one database's outcome: a headline, then one line per migration for `--status`. */
export function renderMigrationOutcome(outcome: MigrationOutcome, style: Style): string {
  const name = `${outcome.kind} ${style.bold(outcome.database)}`;
  if (outcome.error !== undefined) return `${style.fail("✖")} ${name}: ${outcome.error.message} (${outcome.error.code})`;
  if (outcome.run !== undefined) return renderRun(name, outcome.run, style);
  if (outcome.status !== undefined) return renderStatus(name, outcome.status, style);
  return `${style.fail("✖")} ${name}: nothing was done`;
}

function renderRun(name: string, run: MigrationRunResult, style: Style): string {
  if (run.applied.length === 0) return `${style.ok("✔")} ${name}: up to date (${run.alreadyApplied.length} applied before)`;
  return [`${style.ok("✔")} ${name}: applied ${run.applied.length}`, ...run.applied.map((file) => `    ${file}`)].join("\n");
}

function renderStatus(name: string, status: MigrationStatus, style: Style): string {
  const lines = [
    ...status.applied.map((row) => `  ${style.ok("✔")} ${row.name}  ${style.dim(`applied ${row.appliedAt}`)}`),
    ...status.pending.map((file) => `  ${style.warn("…")} ${file}  pending`),
    ...status.changed.map((row) => `  ${style.fail("✖")} ${row.name}  changed since it was applied: restore the file and add a new migration instead`),
    ...status.unknown.map((row) => `  ${style.warn("?")} ${row.name}  recorded, but not in ${status.dir}`),
  ];
  const summary =
    status.changed.length > 0
      ? `${style.fail("✖")} ${name}: ${status.changed.length} applied migration(s) changed; tc9 migrate refuses to run until they are restored`
      : status.pending.length > 0
        ? `${style.warn("…")} ${name}: ${status.pending.length} pending; run tc9 migrate to apply them`
        : `${style.ok("✔")} ${name}: up to date (${status.applied.length} applied)`;
  return [summary, ...lines].join("\n");
}

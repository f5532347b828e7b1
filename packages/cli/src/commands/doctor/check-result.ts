import type { Style } from "../../style.js";

/** How one doctor check came out; `warn` is loud but does not fail the run. */
export type CheckStatus = "ok" | "warn" | "fail" | "skip";

/** One line of the doctor's report; also its JSON shape. */
export interface CheckResult {
  /** What was checked, e.g. `auth database`, `NATS`, `port`, `worldserver exposure`. */
  readonly check: string;
  /** What it was checked on, e.g. `127.0.0.1:3306/acore_auth`, `3724`. */
  readonly subject: string;
  readonly status: CheckStatus;
  readonly message: string;
  /** How to fix it, for `fail` and `warn`. */
  readonly fix?: string;
}

const marks: Readonly<Record<CheckStatus, (style: Style) => string>> = {
  ok: (style) => style.ok("✔"),
  warn: (style) => style.warn(style.bold("⚠ WARNING")),
  fail: (style) => style.fail("✖"),
  skip: (style) => style.dim("–"),
};

/** One result as text: mark, check, subject and message, then the fix on its own indented line. */
export function renderCheck(result: CheckResult, style: Style): string {
  const subject = result.subject === "" ? "" : ` ${style.bold(result.subject)}`;
  const line = `${marks[result.status](style)} ${result.check}${subject}: ${result.message}`;
  return result.fix === undefined ? line : `${line}\n    ${style.dim("fix:")} ${result.fix}`;
}

/** The closing line: how many checks passed, warned, failed and were skipped. */
export function renderSummary(results: readonly CheckResult[], style: Style): string {
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  const failed = count("fail");
  const text = `${count("ok")} passed, ${count("warn")} warning(s), ${failed} failed, ${count("skip")} skipped`;
  return failed > 0 ? style.fail(text) : style.ok(text);
}

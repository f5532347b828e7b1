import type { OutputStream } from "../../cli-io.js";
import type { Style } from "../../style.js";
import type { BotRun } from "./bot-scenario.js";

/** How progress is shown: one rewritten line on a terminal, a line per finished run otherwise, or nothing (`--json`). */
export type ProgressMode = "live" | "lines" | "none";

/** How often the live line is redrawn even when no run finished (so the elapsed time moves). */
const REDRAW_MS = 500;

/** Shows the bots' progress on `stream` while they run. */
export class BotProgress {
  readonly #stream: OutputStream;
  readonly #mode: ProgressMode;
  readonly #style: Style;
  readonly #startedAt = performance.now();
  #running = 0;
  #succeeded = 0;
  #failed = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(stream: OutputStream, mode: ProgressMode, style: Style) {
    this.#stream = stream;
    this.#mode = mode;
    this.#style = style;
    if (mode === "live") {
      this.#timer = setInterval(() => this.#draw(), REDRAW_MS);
      this.#timer.unref();
    }
  }

  /** A bot started a run of the scenario. */
  started(): void {
    this.#running += 1;
    this.#draw();
  }

  /** A bot finished a run. */
  finished(run: BotRun): void {
    this.#running -= 1;
    if (run.failure === undefined) this.#succeeded += 1;
    else this.#failed += 1;
    if (this.#mode === "lines") this.#stream.write(`${this.#runLine(run)}\n`);
    this.#draw();
  }

  /** Stops redrawing and clears the live line, leaving the terminal ready for the report. */
  end(): void {
    clearInterval(this.#timer);
    if (this.#mode === "live") this.#stream.write("\r\u001b[2K");
  }

  #draw(): void {
    if (this.#mode !== "live") return;
    const seconds = ((performance.now() - this.#startedAt) / 1000).toFixed(1);
    const failed = this.#failed === 0 ? "0 failed" : this.#style.fail(`${this.#failed} failed`);
    this.#stream.write(`\r\u001b[2Kbots: ${this.#running} running · ${this.#style.ok(`${this.#succeeded} ok`)} · ${failed} · ${seconds} s`);
  }

  #runLine(run: BotRun): string {
    const total = Object.values(run.timings).reduce((sum, value) => sum + value, 0);
    if (run.failure === undefined) return `${this.#style.ok("✔")} ${run.username} ok in ${Math.round(total)} ms`;
    return `${this.#style.fail("✖")} ${run.username} failed at ${run.failure.stage}: ${run.failure.message} (${run.failure.code})`;
  }
}

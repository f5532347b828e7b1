import type { OutputStream } from "../../cli-io.js";
import type { Style } from "../../style.js";
import type { SupervisorEvent } from "../../supervisor/supervisor.js";
import type { ModuleReport } from "./realm-setup.js";

/** One progress line per node state change: plain text when the output is not a terminal. */
export function progressLine(event: SupervisorEvent, style: Style): string {
  const { node, state } = event;
  switch (event.status) {
    case "starting":
      return `${style.dim("…")} ${style.bold(node)} starting${state.restarts > 0 ? ` (restart ${state.restarts})` : ""}`;
    case "ready":
      return `${style.ok("✔")} ${style.bold(node)} ready: ${state.httpUrl ?? ""}${state.grpcAddress === undefined ? "" : `, grpc ${state.grpcAddress}`} (pid ${state.pid ?? "?"})`;
    case "restarting":
      return `${style.warn("⚠")} ${style.bold(node)} exited (${state.lastExit ?? "?"}); restarting, restart ${state.restarts}; log ${state.logFile}`;
    case "failed":
      return `${style.fail("✖")} ${style.bold(node)} failed; log ${state.logFile}`;
    case "stopping":
      return `${style.dim("…")} ${style.bold(node)} stopping`;
    case "stopped":
      return `${style.ok("✔")} ${style.bold(node)} stopped`;
  }
}

/** Frames of the spinner beside a starting node, on a terminal. */
const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\u001b[2K";

/**
 * Writes a progress line per event, until {@link ProgressPrinter.mute} (while `tc9 top` owns the
 * screen). On a terminal the node that is starting gets a spinner and the seconds it has taken so
 * far, redrawn in place until its next event; elsewhere every event is one plain line.
 */
export class ProgressPrinter {
  private muted = false;
  private starting: { readonly node: string; readonly since: number; readonly line: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;

  constructor(
    private readonly stream: OutputStream,
    private readonly style: Style,
  ) {}

  readonly onEvent = (event: SupervisorEvent): void => {
    if (this.muted) return;
    const line = progressLine(event, this.style);
    if (this.stream.isTTY !== true) {
      this.stream.write(`${line}\n`);
      return;
    }
    if (this.starting !== undefined) this.stream.write(CLEAR_LINE);
    if (event.status === "starting") {
      this.starting = { node: event.node, since: Date.now(), line };
    } else {
      if (this.starting?.node === event.node) this.starting = undefined;
      this.stream.write(`${line}\n`);
    }
    this.redraw();
  };

  /** Stops printing (and clears the spinner line) while muted. */
  mute(muted: boolean): void {
    if (muted && this.starting !== undefined) this.stream.write(CLEAR_LINE);
    this.muted = muted;
    this.redraw();
  }

  private redraw(): void {
    const starting = this.muted ? undefined : this.starting;
    if (starting === undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const seconds = ((Date.now() - starting.since) / 1000).toFixed(0);
    this.frame = (this.frame + 1) % SPINNER.length;
    this.stream.write(`${CLEAR_LINE}${this.style.dim(SPINNER[this.frame] ?? "…")} ${starting.line.replace(/^\S+ /, "")} ${this.style.dim(`${seconds}s`)}`);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.redraw(), 100);
      this.timer.unref();
    }
  }
}

/** The "realm is up" summary: where players, operators and tools reach the realm. */
export function realmSummary(topologyName: string, reports: readonly ModuleReport[], projectDir: string, style: Style): string {
  const lines = [`${style.ok("✔")} realm is up (topology ${style.bold(topologyName)})`];
  for (const report of reports) {
    const { info } = report;
    const address = typeof info["address"] === "string" ? info["address"] : "127.0.0.1";
    if (report.module === "auth" && typeof info["port"] === "number") lines.push(`  auth (logon)     ${address}:${info["port"]}   (node ${report.node})`);
    if (report.module === "gateway" && typeof info["port"] === "number") lines.push(`  gateway (world)  ${address}:${info["port"]}   (node ${report.node})`);
    if (Array.isArray(info["worldservers"])) {
      const servers = info["worldservers"] as Array<{ gameAddress?: unknown }>;
      lines.push(`  worldservers     ${servers.length} simulated: ${servers.map((server) => String(server.gameAddress)).join(", ")}   (node ${report.node})`);
    }
  }
  lines.push(
    style.dim(`  watch: tc9 top   logs: tc9 logs -f   stop: Ctrl-C or tc9 down (in ${projectDir})`),
  );
  return lines.join("\n");
}

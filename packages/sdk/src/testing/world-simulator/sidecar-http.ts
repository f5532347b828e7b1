import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WorldSimulatorError } from "./errors.js";
import type { SimulatorLog } from "./simulator-log.js";
import type { WorldLoop, WorldLoopStats } from "./world-loop.js";

/** What the sidecar's HTTP endpoint reads from the simulated worldserver. */
export interface SidecarHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly loop: WorldLoop;
  /** How long a probe waits for the world loop (the sidecar waits 5 s). */
  readonly deadlineMs: number;
  /** Players in the world (the monitoring handler's `connectedPlayers`). */
  activeConnections(): number;
  /** Gateway links ended because of bad input or overload. */
  linkErrors(): number;
  readonly log: SimulatorLog;
}

/** The running endpoint. */
export interface SidecarHttp {
  readonly port: number;
  /** Stops listening and waits for open requests. */
  close(): Promise<void>;
  /** Stops listening and drops every connection at once (the process died). */
  kill(): void;
}

interface Snapshot {
  readonly activeConnections: number;
  readonly delay: WorldLoopStats;
}

/** `/metrics` in Prometheus text format: the sidecar's gauges (whole milliseconds) and the simulator's link errors. */
function metricsText(snapshot: Snapshot, linkErrors: number): string {
  const gauge = (name: string, help: string, value: number): string =>
    `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${Math.round(value)}\n`;
  return (
    gauge("active_connections", "Players in the world on this worldserver.", snapshot.activeConnections) +
    gauge("delay_mean", "World update diff, mean, in ms.", snapshot.delay.mean) +
    gauge("delay_median", "World update diff, median, in ms.", snapshot.delay.median) +
    gauge("delay_95_percentile", "World update diff, 95th percentile, in ms.", snapshot.delay.percentile95) +
    gauge("delay_99_percentile", "World update diff, 99th percentile, in ms.", snapshot.delay.percentile99) +
    gauge("delay_max", "World update diff, maximum, in ms.", snapshot.delay.max) +
    "# HELP tc9_sim_link_errors_total Gateway links the simulator ended for bad input or overload.\n" +
    `# TYPE tc9_sim_link_errors_total counter\ntc9_sim_link_errors_total ${linkErrors}\n`
  );
}

function answer(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Handles one request. Both probes go through the world loop like the sidecar's queued handlers:
 * `/healthcheck` answers `{"status":"OK"}`, or 503 when the loop does not run it in time (the
 * degraded-health probe of ToCloud9 PR #37); `/metrics` answers 504 in that case (the Go sidecar).
 */
async function route(options: SidecarHttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method !== "GET") return answer(res, 405, "only GET is served");
  if (path === "/healthcheck") {
    const ok = await options.loop.run(() => true, options.deadlineMs).catch((error: unknown) => reportStall(options, error));
    return ok ? answer(res, 200, '{"status":"OK"}') : answer(res, 503, "timeout");
  }
  if (path === "/metrics") {
    const snapshot = await options.loop
      .run((): Snapshot => ({ activeConnections: options.activeConnections(), delay: options.loop.stats() }), options.deadlineMs)
      .catch((error: unknown) => reportStall(options, error));
    if (!snapshot) return answer(res, 504, "timeout");
    return answer(res, 200, metricsText(snapshot, options.linkErrors()), "text/plain; version=0.0.4; charset=utf-8");
  }
  return answer(res, 404, "not found");
}

function reportStall(options: SidecarHttpOptions, error: unknown): undefined {
  if (!(error instanceof WorldSimulatorError)) throw error;
  options.log.warn({ err: error }, "sidecar probe not answered by the world loop");
  return undefined;
}

/** Starts the sidecar's health and metrics endpoint (ToCloud9's HTTP 8901). */
export async function startSidecarHttp(options: SidecarHttpOptions): Promise<SidecarHttp> {
  const server: Server = createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      options.log.error({ err: error }, "sidecar HTTP request failed");
      if (!res.headersSent) answer(res, 500, "internal error");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
    kill: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WorldserverLog } from "./log.js";
import { WorldThreadError } from "./errors.js";
import type { WorldMonitoring, WorldThread } from "./world-thread.js";

/** Options of {@link startHealthEndpoint}. */
export interface HealthEndpointOptions {
  readonly host: string;
  readonly port: number;
  readonly thread: WorldThread;
  /** How long a probe waits for the world loop. */
  readonly deadlineMs: number;
  /** Prometheus text appended to `/metrics` after ToCloud9's gauges (e.g. the node's own metrics). */
  extraMetrics(): Promise<string> | string;
  readonly logger: WorldserverLog;
  /** What a listen failure tells the operator to change, e.g. "TC9_HEALTH_CHECK_PORT". */
  readonly portSetting: string;
}

/** The running endpoint. */
export interface HealthEndpoint {
  readonly port: number;
  /** Stops listening and waits for open requests. */
  close(): Promise<void>;
  /** Stops listening and drops every connection at once (the process died). */
  kill(): void;
}

/** How long past its deadline a probe waits for the world thread's own answer. */
const PROBE_GRACE_MS = 100;

const GAUGES: ReadonlyArray<readonly [string, string, keyof WorldMonitoring]> = [
  ["active_connections", "Players in the world on this worldserver.", "activeConnections"],
  ["delay_mean", "World update time, mean (ms).", "delayMean"],
  ["delay_median", "World update time, median (ms).", "delayMedian"],
  ["delay_95_percentile", "World update time, 95th percentile (ms).", "delay95Percentile"],
  ["delay_99_percentile", "World update time, 99th percentile (ms).", "delay99Percentile"],
  ["delay_max", "World update time, maximum (ms).", "delayMax"],
];

/** ToCloud9's gauges in Prometheus text format (whole milliseconds). */
function gaugesText(monitoring: WorldMonitoring | undefined): string {
  if (!monitoring) return "";
  return GAUGES.map(([name, help, key]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${Math.round(monitoring[key])}\n`).join("");
}

function answer(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Runs `work` on the world thread, failing with DEADLINE soon after `deadlineMs` even when the
 * stalled thread has not answered yet (libsidecar answers EXPIRED only once its loop reaches it).
 */
function withinDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WorldThreadError("TC9_ERR_WORLD_THREAD_DEADLINE", `the world loop did not answer the probe within ${deadlineMs} ms`)),
      deadlineMs + PROBE_GRACE_MS,
    );
  });
  work.catch(() => undefined); // a late answer or failure after the race is decided is irrelevant
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** True when the failure means the world loop (or the worldserver) did not answer; logged, not thrown. */
function worldDidNotAnswer(error: unknown, logger: WorldserverLog, probe: string): boolean {
  if (!(error instanceof WorldThreadError)) return false;
  logger.warn({ err: error, probe }, "health probe not answered by the world loop");
  return true;
}

async function route(options: HealthEndpointOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method !== "GET") return answer(res, 405, "only GET is served");
  const { thread, deadlineMs, logger } = options;
  if (path === "/healthcheck") {
    try {
      await withinDeadline(thread.probe(deadlineMs), deadlineMs);
      return answer(res, 200, '{"status":"OK"}', "application/json");
    } catch (error) {
      if (!worldDidNotAnswer(error, logger, path)) throw error;
      return answer(res, 503, '{"status":"world loop not answering"}', "application/json");
    }
  }
  if (path === "/metrics") {
    let monitoring: WorldMonitoring | undefined;
    try {
      monitoring = await withinDeadline(thread.monitor(deadlineMs), deadlineMs);
    } catch (error) {
      if (!worldDidNotAnswer(error, logger, path)) throw error;
      return answer(res, 504, "the world loop did not answer the monitoring request in time");
    }
    return answer(res, 200, gaugesText(monitoring) + (await options.extraMetrics()), "text/plain; version=0.0.4; charset=utf-8");
  }
  return answer(res, 404, "not found; try /healthcheck or /metrics");
}

/**
 * A worldserver's health endpoint (ToCloud9's `TC9_HEALTH_CHECK_PORT`, 8901): `/healthcheck` goes
 * through the world loop (200 `{"status":"OK"}`, 503 when the loop misses the deadline — the
 * registry then counts a failure and places no new players there) and `/metrics` carries
 * `active_connections` and the `delay_*` gauges from the monitoring values (504 when the loop
 * misses the deadline), followed by `extraMetrics`.
 */
export async function startHealthEndpoint(options: HealthEndpointOptions): Promise<HealthEndpoint> {
  const server: Server = createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, "health endpoint request failed");
      if (!res.headersSent) answer(res, 500, "internal error");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 50;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void =>
      reject(
        new WorldThreadError(
          "TC9_ERR_WORLD_THREAD_LISTEN",
          `cannot listen for health checks on ${options.host}:${options.port}: ${error.message}; free the port or change ${options.portSetting}`,
          { cause: error },
        ),
      );
    server.once("error", fail);
    server.listen(options.port, options.host, () => {
      server.off("error", fail);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    kill: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

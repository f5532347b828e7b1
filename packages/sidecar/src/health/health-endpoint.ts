import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { BridgeServer } from "../bridge/bridge-server.js";
import { RequestKind } from "../bridge/protocol.js";
import type { BodyReader } from "../bridge/wire.js";
import { SidecarError } from "../errors.js";

/** Options of {@link startHealthEndpoint}. */
export interface HealthEndpointOptions {
  readonly host: string;
  readonly port: number;
  readonly bridge: BridgeServer;
  /** How long a probe waits for the world loop. */
  readonly deadlineMs: number;
  /** The node's registry, appended to `/metrics` after ToCloud9's gauges. */
  readonly registry: Registry;
  readonly logger: Logger;
}

/** The running endpoint. */
export interface HealthEndpoint {
  readonly port: number;
  close(): Promise<void>;
}

/** ToCloud9's gauge names, in the order of the monitoring handler's answer after `connectedPlayers`. */
const DELAY_GAUGES = [
  ["delay_mean", "World update time, mean (ms)."],
  ["delay_median", "World update time, median (ms)."],
  ["delay_95_percentile", "World update time, 95th percentile (ms)."],
  ["delay_99_percentile", "World update time, 99th percentile (ms)."],
  ["delay_max", "World update time, maximum (ms)."],
] as const;

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;
}

function answer(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** How long past its deadline a probe waits for the library's own EXPIRED answer. */
const PROBE_GRACE_MS = 100;

/**
 * Runs a probe request, failing with DEADLINE soon after `deadlineMs` even when the stalled loop
 * has not yet answered EXPIRED (the library answers only once the loop reaches the request).
 */
function probeWorldLoop(bridge: BridgeServer, kind: RequestKind, deadlineMs: number): Promise<BodyReader> {
  const request = bridge.request(kind, new Uint8Array(0), deadlineMs);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SidecarError("TC9_ERR_SIDECAR_DEADLINE", `the world loop did not answer the probe within ${deadlineMs} ms`)),
      deadlineMs + PROBE_GRACE_MS,
    );
  });
  request.catch(() => undefined); // a late answer or failure after the race is decided is irrelevant
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}

/** True when the failure means the world loop (or the worldserver) did not answer; logged, not thrown. */
function worldDidNotAnswer(error: unknown, logger: Logger, probe: string): boolean {
  if (!(error instanceof SidecarError)) return false;
  logger.warn({ err: error, probe }, "health probe not answered by the world loop");
  return true;
}

async function route(options: HealthEndpointOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method !== "GET") return answer(res, 405, "only GET is served");
  const { bridge, deadlineMs, logger } = options;
  if (path === "/healthcheck") {
    try {
      await probeWorldLoop(bridge, RequestKind.HealthProbe, deadlineMs);
      return answer(res, 200, '{"status":"OK"}', "application/json");
    } catch (error) {
      if (!worldDidNotAnswer(error, logger, path)) throw error;
      return answer(res, 503, '{"status":"world loop not answering"}', "application/json");
    }
  }
  if (path === "/metrics") {
    let text: string;
    try {
      const body = await probeWorldLoop(bridge, RequestKind.Monitoring, deadlineMs);
      const code = body.readI32();
      const connected = body.readU32();
      text = code === 0 ? gauge("active_connections", "Players in the world on this worldserver.", connected) : "";
      for (const [name, help] of DELAY_GAUGES) {
        const value = body.readU32();
        if (code === 0) text += gauge(name, help, value);
      }
    } catch (error) {
      if (!worldDidNotAnswer(error, logger, path)) throw error;
      return answer(res, 504, "the world loop did not answer the monitoring request in time");
    }
    return answer(res, 200, text + (await options.registry.metrics()), "text/plain; version=0.0.4; charset=utf-8");
  }
  return answer(res, 404, "not found; try /healthcheck or /metrics");
}

/**
 * ToCloud9's health endpoint (`TC9_HEALTH_CHECK_PORT`): `/healthcheck` goes through the world loop
 * (200 `{"status":"OK"}`, 503 when the loop misses the deadline — the registry then counts a
 * failure) and `/metrics` carries `active_connections` and the `delay_*` gauges from the monitoring
 * handler (504 when the loop misses it), followed by the node's own metrics.
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
        new SidecarError(
          "TC9_ERR_SIDECAR_LISTEN",
          `cannot listen for health checks on ${options.host}:${options.port}: ${error.message}; free the port or change TC9_HEALTH_CHECK_PORT`,
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
  };
}

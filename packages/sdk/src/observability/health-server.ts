import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface ReadinessReport {
  readonly ready: boolean;
  /** One entry per check: module start state, bus connection, database ping, module checks. */
  readonly checks: ReadonlyArray<{ readonly name: string; readonly ok: boolean; readonly detail?: string }>;
}

export interface HealthServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  readonly readiness: () => Promise<ReadinessReport>;
  /** Extra fields for `/healthz`, e.g. the node name and uptime. */
  readonly describe: () => Record<string, unknown>;
}

export interface HealthServer {
  readonly address: { host: string; port: number };
  close(): Promise<void>;
}

/**
 * The HTTP face of every node: `/healthz` (the process is alive), `/readyz` (200 when every check
 * passes, else 503 with the failing checks), `/metrics` (Prometheus text of the node's registry).
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    void route(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  await listen(server, options.host, options.port);
  const bound = server.address() as AddressInfo;
  return {
    address: { host: options.host, port: bound.port },
    close: () => close(server),
  };
}

async function route(options: HealthServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method !== "GET") return sendJson(res, 405, { error: "only GET is served" });
  switch (path) {
    case "/healthz":
      return sendJson(res, 200, { status: "ok", ...options.describe() });
    case "/readyz": {
      const report = await options.readiness();
      return sendJson(res, report.ready ? 200 : 503, report);
    }
    case "/metrics": {
      const body = await options.registry.metrics();
      res.writeHead(200, { "content-type": options.registry.contentType });
      res.end(body);
      return;
    }
    default:
      return sendJson(res, 404, { error: `no route ${path}; try /healthz, /readyz or /metrics` });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listenError } from "./errors.js";

/** The gateway's HTTP face for the servers registry. */
export interface HealthEndpoint {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves what ToCloud9's registry probes on a gateway (ToCloud9 HTTP port 8900):
 * `GET /healthcheck` → 200 `{"status":"OK"}` and `GET /metrics` → the `active_connections` gauge in
 * Prometheus text, which the registry balances realm-list addresses on. The node's own `/metrics`
 * carries the detailed `tc9_gateway_*` series; this endpoint stays small because it is polled often.
 */
export async function startHealthEndpoint(
  host: string,
  port: number,
  activeConnections: () => number,
  onError: (error: Error) => void,
): Promise<HealthEndpoint> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET" }).end();
    } else if (path === "/healthcheck") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"OK"}');
    } else if (path === "/metrics") {
      const body =
        "# HELP active_connections Open client connections of this gateway\n" +
        "# TYPE active_connections gauge\n" +
        `active_connections ${activeConnections()}\n`;
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(body);
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("try /healthcheck or /metrics\n");
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => reject(listenError("health probes", host, port, error));
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve();
    });
  });
  server.on("error", onError);
  const bound = server.address() as AddressInfo;
  return {
    host,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

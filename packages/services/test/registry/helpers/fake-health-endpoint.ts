import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How a fake endpoint answers `/healthcheck`. */
export type FakeHealth = "ok" | "failing";

/**
 * A real HTTP server that answers like a sidecar or gateway health endpoint: `/healthcheck` 200
 * `{"status":"OK"}` (or 503 while failing) and `/metrics` with an `active_connections` gauge.
 */
export class FakeHealthEndpoint {
  health: FakeHealth = "ok";
  activeConnections = 0;
  /** Requests of `/healthcheck` received so far. */
  probes = 0;
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FakeHealthEndpoint> {
    const server = createServer();
    const endpoint = new FakeHealthEndpoint(server);
    server.on("request", (req, res) => {
      if (req.url === "/healthcheck") {
        endpoint.probes += 1;
        if (endpoint.health === "ok") res.writeHead(200).end('{"status":"OK"}');
        else res.writeHead(503).end("timeout");
      } else if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(`# TYPE active_connections gauge\nactive_connections ${endpoint.activeConnections}\ndelay_mean 12.4\ndelay_max 40\n`);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return endpoint;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Stops answering: later probes are refused. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}

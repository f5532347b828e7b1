import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How a fake endpoint answers `/healthcheck`: 200, 503 (the sidecar's answer when its world loop
 * stalls) or 500 (any other failure, which the registry treats as a server that is down).
 */
export type FakeHealth = "ok" | "stalled" | "broken";

/**
 * A real HTTP server that answers like a sidecar or gateway health endpoint: `/healthcheck` 200
 * `{"status":"OK"}` (or 503 / 500, see {@link FakeHealth}) and `/metrics` with an `active_connections` gauge.
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
        else if (endpoint.health === "stalled") res.writeHead(503).end("timeout");
        else res.writeHead(500).end("internal error");
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

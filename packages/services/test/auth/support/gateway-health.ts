// The health side of a gateway as the servers registry probes it: `/healthcheck` and `/metrics`
// with the `active_connections` gauge the registry ranks gateways by.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP endpoint whose health and load a test sets. */
export class GatewayHealth {
  healthy = true;
  activeConnections = 0;
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<GatewayHealth> {
    const server = createServer();
    const endpoint = new GatewayHealth(server);
    server.on("request", (request, response) => {
      if (request.url === "/healthcheck") response.writeHead(endpoint.healthy ? 200 : 503).end(endpoint.healthy ? '{"status":"OK"}' : "down");
      else if (request.url === "/metrics") response.writeHead(200).end(`active_connections ${endpoint.activeConnections}\n`);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return endpoint;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

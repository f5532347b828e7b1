import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the control endpoint can ask the supervisor to do. */
export interface ControlActions {
  readonly nodes: () => readonly string[];
  /** Restarts one node; resolves once its new process started. */
  restart(node: string): Promise<void>;
  /** Begins stopping the realm (does not wait for it). */
  stop(): void;
}

/** The supervisor's loopback control endpoint. */
export interface ControlServer {
  /** `http://127.0.0.1:port`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `POST /nodes/<name>/restart` and `POST /stop` on 127.0.0.1 at a free port. It only
 * listens on loopback: whoever can reach it can stop the realm.
 */
export async function startControlServer(actions: ControlActions): Promise<ControlServer> {
  const server = createServer((request, response) => {
    void route(actions, request, response).catch((error: unknown) =>
      reply(response, 500, { ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(actions: ControlActions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  request.resume();
  const path = new URL(request.url ?? "/", "http://control").pathname;
  if (request.method !== "POST") return reply(response, 405, { ok: false, error: "use POST /stop or POST /nodes/<name>/restart" });
  if (path === "/stop") {
    reply(response, 202, { ok: true });
    actions.stop();
    return;
  }
  const restart = /^\/nodes\/([^/]+)\/restart$/.exec(path);
  const node = restart?.[1] === undefined ? undefined : decodeURIComponent(restart[1]);
  if (node === undefined) return reply(response, 404, { ok: false, error: `no route ${path}; use POST /stop or POST /nodes/<name>/restart` });
  if (!actions.nodes().includes(node)) {
    return reply(response, 404, { ok: false, error: `no node "${node}"; known nodes: ${actions.nodes().join(", ")}` });
  }
  await actions.restart(node);
  reply(response, 200, { ok: true });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

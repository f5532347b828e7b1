import assert from "node:assert/strict";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { probeHealthcheck } from "../../src/registry/health-verdict.js";

async function listen<S extends HttpServer | TcpServer>(server: S): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("health probe verdicts", () => {
  let status = 200;
  const http = createHttpServer((_req, res) => res.writeHead(status).end());
  const sockets = new Set<Socket>();
  const silent = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  let httpPort = 0;
  let silentPort = 0;

  before(async () => {
    httpPort = await listen(http);
    silentPort = await listen(silent);
  });

  after(async () => {
    http.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await Promise.all([new Promise((resolve) => http.close(resolve)), new Promise((resolve) => silent.close(resolve))]);
  });

  it("calls 200 ok, 503 and 504 stalled, other statuses down", async () => {
    const verdicts = [];
    for (const answer of [200, 503, 504, 500, 404]) {
      status = answer;
      verdicts.push((await probeHealthcheck(`127.0.0.1:${httpPort}`, 1_000)).kind);
    }
    assert.deepEqual(verdicts, ["ok", "stalled", "stalled", "down", "down"]);
  });

  it("calls an accepted connection without an answer stalled", async () => {
    const verdict = await probeHealthcheck(`127.0.0.1:${silentPort}`, 150);
    assert.equal(verdict.kind, "stalled");
    assert.match(verdict.kind === "stalled" ? verdict.reason : "", /accepted the connection but sent no answer for \/healthcheck within 150 ms/);
  });

  it("calls a refused connection down", async () => {
    const closed = createTcpServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const verdict = await probeHealthcheck(`127.0.0.1:${port}`, 1_000);
    assert.equal(verdict.kind, "down");
    assert.match(verdict.kind === "down" ? verdict.reason : "", /ECONNREFUSED/);
  });
});

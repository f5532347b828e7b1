// A node's life: health, readiness and metrics over HTTP; staying up and not-ready while MariaDB or
// NATS is down, then turning ready when it returns; draining in-flight calls when it stops.
import assert from "node:assert/strict";
import { createServer, connect, type Server, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { createLogger, defineEvent, defineModule, defineTopology, RpcError, startNode, struct, u32 } from "@tc9/sdk";
import { createScratchDatabase, eventually, freePort, PrivateNatsServer } from "@tc9/sdk/testing";
import { GuidService } from "../../src/contracts/generated/guid.js";

const quiet = createLogger({ level: "silent" });
const fastRetry = { initialDelayMs: 50, maxDelayMs: 200 };
const migrationsDir = fileURLToPath(new URL("../../../../migrations/characters", import.meta.url));

async function readyz(url: string): Promise<{ status: number; body: { ready: boolean; checks: Array<{ name: string; ok: boolean }> } }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Array<{ name: string; ok: boolean }> } };
}


/** A TCP forwarder to MariaDB that the test can switch on late: "MariaDB comes back". */
function startProxy(port: number, target: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

describe("node health, readiness and metrics", () => {
  it("serves /healthz, /readyz and /metrics with rpc metrics by contract, method and code", async () => {
    const guid = defineModule({
      name: "guid",
      serves: GuidService,
      start: async () => ({
        handlers: { getGUIDPool: async () => ({ api: "", receiverGUID: [{ start: 1n, end: 1n }] }) },
        info: () => ({ pools: "memory" }),
      }),
    });
    const topology = defineTopology({ realms: [{ id: 1, name: "T" }], nodes: { main: { modules: [guid] } } });
    const node = await startNode(topology, "main", { logger: quiet });
    after(() => node.stop());
    await node.started();
    const health = (await (await fetch(`${node.httpUrl}/healthz`)).json()) as {
      status: string;
      node: string;
      modules: Array<{ name: string; started: boolean; info?: unknown }>;
    };
    assert.deepEqual([health.status, health.node], ["ok", "main"]);
    assert.deepEqual(health.modules, [{ name: "guid", started: true, info: { pools: "memory" } }]);
    assert.deepEqual(node.moduleInfo("guid"), { pools: "memory" });
    const ready = await readyz(node.httpUrl);
    assert.equal(ready.status, 200);
    assert.ok(ready.body.checks.some((c) => c.name === "module:guid" && c.ok));
    await node.use(GuidService).getGUIDPool({ realmID: 1, desiredPoolSize: 1n });
    const metrics = await (await fetch(`${node.httpUrl}/metrics`)).text();
    assert.match(
      metrics,
      /tc9_rpc_calls_total\{contract="v1.GuidService",method="GetGUIDPool",side="client",binding="in-process",code="OK",node="main"\} 1/,
    );
    assert.match(metrics, /tc9_module_ready\{module="guid",node="main"\} 1/);
    assert.equal((await fetch(`${node.httpUrl}/nope`)).status, 404);
  });
});

describe("dependencies that are down at start", () => {
  it("stays up and not-ready while MariaDB is unreachable, then migrates, starts and turns ready", async () => {
    const scratch = await createScratchDatabase({ schema: "characters" });
    after(() => scratch.drop());
    const proxyPort = await freePort();
    const characters = defineModule({
      name: "characters-reader",
      databases: ["characters"],
      migrations: [{ kind: "characters", dir: migrationsDir }],
      async start(ctx) {
        await ctx.databases.characters(1).queryOne<{ one: number }>("SELECT 1 AS one");
        return {};
      },
    });
    const topology = defineTopology({
      realms: [{ id: 1, name: "T", databases: { characters: `mysql://root@127.0.0.1:${proxyPort}/${scratch.name}` } }],
      nodes: { main: { modules: [characters] } },
    });
    const node = await startNode(topology, "main", { logger: quiet, retry: fastRetry });
    after(() => node.stop());
    await new Promise((r) => setTimeout(r, 300));
    const down = await readyz(node.httpUrl);
    assert.equal(down.status, 503);
    assert.ok(down.body.checks.some((c) => c.name === "database:characters:1" && !c.ok));
    assert.ok(down.body.checks.some((c) => c.name === "module:characters-reader" && !c.ok));

    const proxy = await startProxy(proxyPort, 3306);
    after(() => proxy.close());
    await node.started();
    await eventually("the node turning ready", async () => (await readyz(node.httpUrl)).status === 200, 15_000);
    const applied = await scratch.db.queryRows<{ name: string }>("SELECT name FROM tc9_schema_migrations ORDER BY name");
    assert.ok(applied.length >= 5, "the module's migrations ran once MariaDB was reachable");
  });

  it("stays up and not-ready while NATS is unreachable, then turns ready and delivers events", async () => {
    const nats = await PrivateNatsServer.create();
    // Hooks run in order: the server goes away first, then the node closes its bus right after.
    after(() => nats.dispose());
    const ping = defineEvent({ subject: "tc9.test.node.ping", type: 1, payload: struct({ Count: u32 }) });
    const received: number[] = [];
    const listener = defineModule({
      name: "listener",
      events: { subscribes: [ping] },
      async start(ctx) {
        await ctx.bus.subscribe(ping, (payload) => {
          received.push(payload.Count);
        });
        return {};
      },
    });
    const topology = defineTopology({
      realms: [{ id: 1, name: "T" }],
      bus: { kind: "nats", servers: nats.url },
      nodes: { main: { modules: [listener] } },
    });
    const node = await startNode(topology, "main", { logger: quiet, retry: fastRetry });
    after(() => node.stop());
    await new Promise((r) => setTimeout(r, 300));
    const down = await readyz(node.httpUrl);
    assert.equal(down.status, 503);
    assert.ok(down.body.checks.some((c) => c.name === "bus" && !c.ok));

    await nats.start();
    await node.started();
    await eventually("the node turning ready", async () => (await readyz(node.httpUrl)).status === 200, 15_000);
    await eventually(
      "the event delivered",
      async () => {
        await node.bus.publish(ping, { Count: 7 });
        return received.includes(7);
      },
      15_000,
    );
  });
});

describe("stopping", () => {
  it("drains an in-flight call before stopping the module, then refuses new calls", async () => {
    const stopped: string[] = [];
    const slow = defineModule({
      name: "slow-guid",
      serves: GuidService,
      async start() {
        return {
          handlers: {
            async getGUIDPool() {
              await new Promise((r) => setTimeout(r, 300));
              stopped.push("call finished");
              return { api: "", receiverGUID: [{ start: 5n, end: 5n }] };
            },
          },
          async stop() {
            stopped.push("module stopped");
          },
        };
      },
    });
    const topology = defineTopology({ realms: [{ id: 1, name: "T" }], nodes: { main: { modules: [slow] } } });
    const node = await startNode(topology, "main", { logger: quiet });
    await node.started();
    const client = node.use(GuidService);
    const inFlight = client.getGUIDPool({ realmID: 1, desiredPoolSize: 1n });
    await new Promise((r) => setTimeout(r, 20));
    await node.stop();
    assert.deepEqual((await inFlight).receiverGUID, [{ start: 5n, end: 5n }]);
    assert.deepEqual(stopped, ["call finished", "module stopped"]);
    await assert.rejects(client.getGUIDPool({ realmID: 1, desiredPoolSize: 1n }), (e) => e instanceof RpcError && e.status === 14);
  });
});

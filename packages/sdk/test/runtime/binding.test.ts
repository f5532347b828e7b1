// One contract suite, two bindings: the GuidService fixture called in-process (same node) and over
// gRPC (the serving node runs in another OS process). Both must be observably identical.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { createLogger, RpcError, startNode, type Client, type RunningNode } from "@tc9/sdk";
import { GuidService, GuidType } from "../../src/contracts/generated/guid.js";
import { HANGING_POOL_SIZE, singleTopology, splitTopology, THROWING_POOL_SIZE } from "./fixtures/guid-fixture.js";
import { exited, freePort, spawnFixture, waitForOk } from "./fixtures/processes.js";

const quiet = createLogger({ level: "silent" });

interface Binding {
  readonly name: string;
  setup(): Promise<{ client: Client<typeof GuidService>; teardown(): Promise<void> }>;
}

const bindings: Binding[] = [
  {
    name: "in-process",
    async setup() {
      const node = await startNode(singleTopology(), "main", { logger: quiet });
      await node.started();
      return { client: node.use(GuidService), teardown: () => node.stop() };
    },
  },
  {
    name: "gRPC between two OS processes",
    async setup() {
      const ports = { guidGrpc: await freePort(), guidHttp: await freePort() };
      const child = spawnFixture("guid-node-main.ts", [String(ports.guidGrpc), String(ports.guidHttp)]);
      await waitForOk(`http://127.0.0.1:${ports.guidHttp}/readyz`);
      const node = await startNode(splitTopology(ports), "consumer", { logger: quiet });
      await node.started();
      return {
        client: node.use(GuidService),
        async teardown() {
          await node.stop();
          child.kill("SIGTERM");
          await exited(child);
        },
      };
    },
  },
];

function assertRpcError(error: unknown, status: number, message: RegExp): true {
  assert.ok(error instanceof RpcError, `expected RpcError, got ${String(error)}`);
  assert.equal(error.status, status);
  assert.match(error.message, message);
  assert.equal(error.path, "/v1.GuidService/GetGUIDPool");
  return true;
}

for (const binding of bindings) {
  describe(`GuidService contract suite — ${binding.name}`, () => {
    let client: Client<typeof GuidService>;
    let teardown: () => Promise<void>;
    before(async () => ({ client, teardown } = await binding.setup()));
    after(() => teardown());

    it("hands out consecutive inclusive ranges with exact 64-bit values", async () => {
      const first = await client.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 10n });
      const second = await client.getGUIDPool({ realmID: 1, guidType: GuidType.Item, desiredPoolSize: 5n });
      assert.equal(first.api, "tc9");
      assert.deepEqual(first.receiverGUID, [{ start: 1n << 60n, end: (1n << 60n) + 9n }]);
      assert.deepEqual(second.receiverGUID, [{ start: (1n << 60n) + 10n, end: (1n << 60n) + 14n }]);
    });

    it("fills proto3 defaults for omitted request fields", async () => {
      // guidType omitted → Character (0), its own counter.
      const pool = await client.getGUIDPool({ realmID: 1, desiredPoolSize: 1n });
      assert.deepEqual(pool.receiverGUID, [{ start: 1n << 60n, end: 1n << 60n }]);
    });

    it("reports a handler's RpcError status and message", async () => {
      await assert.rejects(client.getGUIDPool({ realmID: 7, desiredPoolSize: 1n }), (e) => assertRpcError(e, 5, /unknown realm 7/));
      await assert.rejects(client.getGUIDPool({ realmID: 1 }), (e) => assertRpcError(e, 3, /desiredPoolSize must be > 0/));
    });

    it("reports any other thrown error as UNKNOWN with its message", async () => {
      await assert.rejects(
        client.getGUIDPool({ realmID: 1, desiredPoolSize: THROWING_POOL_SIZE }),
        (e) => assertRpcError(e, 2, /unlucky pool size/),
      );
    });

    it("ends a call at its deadline with DEADLINE_EXCEEDED", async () => {
      const started = Date.now();
      await assert.rejects(
        client.getGUIDPool({ realmID: 1, desiredPoolSize: HANGING_POOL_SIZE }, { timeoutMs: 150 }),
        (e) => assertRpcError(e, 4, /deadline/i),
      );
      assert.ok(Date.now() - started < 2_000, "the deadline ended the call promptly");
    });

    it("cancels a call through an AbortSignal with CANCELLED", async () => {
      const controller = new AbortController();
      const pending = client.getGUIDPool({ realmID: 1, desiredPoolSize: HANGING_POOL_SIZE }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, (e) => assertRpcError(e, 1, /cancel/i));
    });
  });
}

describe("a dead node", () => {
  let child: ChildProcess;
  let node: RunningNode;

  before(async () => {
    const ports = { guidGrpc: await freePort(), guidHttp: await freePort() };
    child = spawnFixture("guid-node-main.ts", [String(ports.guidGrpc), String(ports.guidHttp)]);
    await waitForOk(`http://127.0.0.1:${ports.guidHttp}/readyz`);
    node = await startNode(splitTopology(ports), "consumer", { logger: quiet });
    await node.started();
  });
  after(() => node.stop());

  it("stops cleanly on SIGTERM (exit 0), and calls to it then fail fast with UNAVAILABLE", async () => {
    const client = node.use(GuidService);
    await client.getGUIDPool({ realmID: 1, desiredPoolSize: 1n });
    child.kill("SIGTERM");
    assert.equal(await exited(child), 0);
    const started = Date.now();
    await assert.rejects(client.getGUIDPool({ realmID: 1, desiredPoolSize: 1n }), (e) => {
      assert.ok(e instanceof RpcError);
      assert.equal(e.status, 14);
      return true;
    });
    assert.ok(Date.now() - started < 3_000, `failed after ${Date.now() - started} ms`);
  });
});

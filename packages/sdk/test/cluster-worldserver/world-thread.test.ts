// The shared worldserver health endpoint and WorldServerService call rules, driven by a real world
// loop (the simulator's WorldLoop behind the WorldThread interface).
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, it } from "node:test";
import { createLogger, RpcError, RpcStatus } from "@tc9/sdk";
import { callOnWorld, startHealthEndpoint, WorldThreadError, type HealthEndpoint } from "@tc9/sdk/cluster-worldserver";
import { loopWorldThread, runOnLoop } from "../../src/testing/world-simulator/loop-thread.js";
import { WorldLoop } from "../../src/testing/world-simulator/world-loop.js";

const quiet = createLogger({ level: "silent" });
const DEADLINE_MS = 150;

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

const isRpc = (status: number) => (error: unknown) => error instanceof RpcError && error.status === status;

describe("cluster-worldserver: health endpoint and world calls on a world loop", () => {
  let loop: WorldLoop;
  let health: HealthEndpoint;
  let base = "";

  before(async () => {
    loop = new WorldLoop(5, () => undefined);
    health = await startHealthEndpoint({
      host: "127.0.0.1", port: 0, deadlineMs: DEADLINE_MS, logger: quiet, portSetting: "TEST_HEALTH_PORT",
      thread: loopWorldThread(loop, () => 4),
      extraMetrics: () => "# TYPE extra_total counter\nextra_total 1\n",
    });
    base = `http://127.0.0.1:${health.port}`;
  });

  after(async () => {
    loop.stop();
    await health.close();
  });

  it("answers /healthcheck and /metrics (ToCloud9's gauges, then the extra metrics) from the world loop", async () => {
    assert.deepEqual(await get(`${base}/healthcheck`), { status: 200, body: '{"status":"OK"}' });
    const metrics = await get(`${base}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /^active_connections 4$/m);
    for (const gauge of ["delay_mean", "delay_median", "delay_95_percentile", "delay_99_percentile", "delay_max"]) {
      assert.match(metrics.body, new RegExp(`^# TYPE ${gauge} gauge\\n${gauge} \\d+$`, "m"));
    }
    assert.ok(metrics.body.endsWith("extra_total 1\n"));
    assert.equal((await get(`${base}/nothing`)).status, 404);
    assert.equal((await fetch(`${base}/healthcheck`, { method: "POST" })).status, 405);
  });

  it("answers 503 / 504 while the loop is stalled, and 200 again once it runs", async () => {
    loop.stall("forever");
    assert.equal((await get(`${base}/healthcheck`)).status, 503);
    assert.equal((await get(`${base}/metrics`)).status, 504);
    loop.resume();
    assert.equal((await get(`${base}/healthcheck`)).status, 200);
  });

  it("maps world-thread failures of a call to ToCloud9's gRPC statuses; the handler's own errors pass through", async () => {
    assert.equal(await callOnWorld((ms) => runOnLoop(loop, () => ms, ms), 1_000), 1_000);
    const soon = { signal: new AbortController().signal, deadline: Date.now() + 200, peer: "test" };
    assert.ok((await callOnWorld((ms) => runOnLoop(loop, () => ms, ms), 1_000, soon)) <= 200, "the caller's earlier deadline wins");
    const passed = { signal: new AbortController().signal, deadline: Date.now() - 1, peer: "test" };
    let ran = false;
    await assert.rejects(callOnWorld(async () => (ran = true), 1_000, passed), isRpc(RpcStatus.DEADLINE_EXCEEDED));
    assert.equal(ran, false, "a call past its deadline never reaches the loop");
    loop.stall("forever");
    await assert.rejects(callOnWorld((ms) => runOnLoop(loop, () => 1, ms), 50), isRpc(RpcStatus.DEADLINE_EXCEEDED));
    loop.resume();
    await assert.rejects(
      callOnWorld((ms) => runOnLoop(loop, () => Promise.reject(new RpcError(RpcStatus.INTERNAL, "PlayerNotFound")), ms), 1_000),
      (error: unknown) => isRpc(RpcStatus.INTERNAL)(error) && /PlayerNotFound/.test((error as Error).message),
    );
    const stopped = new WorldLoop(5, () => undefined);
    stopped.stop();
    await assert.rejects(callOnWorld((ms) => runOnLoop(stopped, () => 1, ms), 1_000), isRpc(RpcStatus.UNAVAILABLE));
  });

  it("fails to listen on a taken port with a LISTEN error naming the setting", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    await assert.rejects(
      startHealthEndpoint({
        host: "127.0.0.1", port, deadlineMs: DEADLINE_MS, logger: quiet, portSetting: "TEST_HEALTH_PORT",
        thread: loopWorldThread(loop, () => 0), extraMetrics: () => "",
      }),
      (error: unknown) => error instanceof WorldThreadError && error.code === "TC9_ERR_WORLD_THREAD_LISTEN" && /TEST_HEALTH_PORT/.test(error.message),
    );
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  });
});

/**
 * The native hop's cost (tc9 issue 7: "the native hop adds < 50 % at the median", so the target
 * is baseline median ÷ subject median ≥ 1 / 1.5): `WorldServerService.GetMoneyForPlayer` over
 * gRPC → the TS sidecar → libsidecar (Unix socket) → the fake worldserver's C handler on its
 * world loop → back, against the same call over gRPC through the same handlers with the world
 * loop's answer made in TypeScript (no native hop), in the same run.
 *
 * Method: one call at a time, the two paths interleaved call by call (so load from other processes
 * hits both alike), {@link WARM_UP_CALLS} warm-up calls each, then the median of
 * {@link SAMPLES} calls each.
 *
 * World-loop pacing: neither side waits for a world tick. The fake worldserver runs its updates
 * back to back (tick 0, yielding the CPU between updates) and prints nothing per call (`quiet`),
 * the TypeScript baseline answers at once. A real world loop runs queued requests once per update
 * (a millisecond or more apart), which adds the same wait whichever side answers and is not the
 * hop's cost; with the tests' 5 ms tick, sequential calls would measure that tick instead.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createLogger, defineModule, defineTopology, startNode } from "@tc9/sdk";
import { GetGUIDPoolRequestResponse, GuidService, WorldServerService } from "@tc9/sdk/contracts";
import { deleteJetStreamState } from "@tc9/sdk/testing";
import { registryModule } from "@tc9/services";
import { measureAsync, type BenchComparison, type BenchMeasurement } from "../../sdk/bench/measure.js";
import { startBridgeServer } from "../src/bridge/bridge-server.js";
import { HookKind, ToLibrary } from "../src/bridge/protocol.js";
import { BodyReader, BodyWriter, encodeFrame } from "../src/bridge/wire.js";
import { loadSidecarConfig } from "../src/config.js";
import { startSidecar } from "../src/sidecar.js";
import type { WorldLoopCall } from "../src/world/world-loop.js";
import { worldServerHandlers } from "../src/world/world-server-handlers.js";
import { startFakeWorldserver } from "../test/native/fake-worldserver.js";
import { buildNative } from "../test/native/native-build.js";
import { freePort } from "../test/sidecar/sidecar-process.js";

const NATS_URL = process.env["TC9_TEST_NATS_URL"] ?? "nats://127.0.0.1:4222";
const quiet = createLogger({ level: "silent" });
const WARM_UP_CALLS = 300;
const SAMPLES = 2_000;

const guidStandIn = defineModule({
  name: "guid-bench",
  serves: GuidService,
  start: async () => ({ handlers: { getGUIDPool: async () => GetGUIDPoolRequestResponse.create({ api: "bench", receiverGUID: [{ start: 1n, end: 1_000_000n }] }) } }),
});
/** The sidecar's own WorldServerService handlers, with the world loop answered in TypeScript (no native hop). */
const answeredInTypescript: WorldLoopCall = async (_kind, build) => {
  const request = new BodyWriter();
  build(request);
  const player = new BodyReader(request.toBytes()).readU64();
  return new BodyReader(new BodyWriter().writeI32(0).writeU32(Number(player) * 10).toBytes());
};
const typescriptWorld = defineModule({
  name: "typescript-world",
  serves: WorldServerService,
  start: async () => ({ handlers: worldServerHandlers(answeredInTypescript) }),
});
const caller = defineModule({ name: "caller", uses: [WorldServerService], start: async () => ({}) });
const elsewhere = defineModule({ name: "sidecar-elsewhere", serves: WorldServerService, start: () => Promise.reject(new Error("runs in the sidecar")) });

/** One `GetMoneyForPlayer` call through each path. */
interface WorldServerCallPaths {
  readonly native: () => Promise<unknown>;
  readonly typescript: () => Promise<unknown>;
}

/**
 * Starts both paths (a core node with the registry, the sidecar and the fake worldserver with
 * tick 0 and `quiet`; a node serving the handlers with the TypeScript answer), runs `measure`,
 * and stops everything.
 */
async function withWorldServerCallPaths<T>(measure: (paths: WorldServerCallPaths) => Promise<T>): Promise<T> {
  buildNative();
  const dir = mkdtempSync(join(tmpdir(), "tc9-sidecar-bench-"));
  const subjectPrefix = `bench_sidecar_${process.pid}.`;
  const [corePort, sidecarPort, tsPort] = [await freePort(), await freePort(), await freePort()];
  const topology = defineTopology({
    realms: [{ id: 1, name: "Bench" }],
    bus: { kind: "nats", servers: NATS_URL, subjectPrefix },
    nodes: {
      core: { modules: [registryModule, guidStandIn], grpc: { port: corePort } },
      sidecar: { modules: [elsewhere], grpc: { port: sidecarPort } },
      caller: { modules: [caller] },
    },
  });
  const viaTypescript = defineTopology({
    realms: [{ id: 1, name: "Bench" }],
    nodes: { ts: { modules: [typescriptWorld], grpc: { port: tsPort } }, caller: { modules: [caller] } },
  });
  const core = await startNode(topology, "core", { logger: quiet });
  const ts = await startNode(viaTypescript, "ts", { logger: quiet });
  const callerNode = await startNode(topology, "caller", { logger: quiet });
  const tsCaller = await startNode(viaTypescript, "caller", { logger: quiet });
  const socketPath = join(dir, "sidecar.sock");
  const sidecar = await startSidecar(
    loadSidecarConfig({
      TC9_GRPC_PORT: String(sidecarPort),
      TC9_HEALTH_CHECK_PORT: "0",
      TC9_SIDECAR_SOCKET: socketPath,
      TC9_SERVERS_REGISTRY_ADDRESS: `127.0.0.1:${corePort}`,
      TC9_GUID_PROVIDER_ADDRESS: `127.0.0.1:${corePort}`,
      TC9_NATS_URL: NATS_URL,
      TC9_NATS_SUBJECT_PREFIX: subjectPrefix,
    }),
    { logger: quiet },
  );
  const world = startFakeWorldserver({ TC9_SIDECAR_SOCKET: socketPath, TC9_LOG_LEVEL: "error" }, ["8085", "1", "0", "0", "0"]);
  try {
    await world.next("init", undefined, 20_000);
    world.command("quiet");
    await Promise.all([core.started(), ts.started(), callerNode.started(), tsCaller.started()]);
    const native = callerNode.use(WorldServerService);
    const typescript = tsCaller.use(WorldServerService);
    const request = { playerGuid: 5n };
    return await measure({ native: () => native.getMoneyForPlayer(request), typescript: () => typescript.getMoneyForPlayer(request) });
  } finally {
    world.command("quit");
    await world.exited;
    await sidecar.stop();
    await Promise.all([tsCaller.stop(), callerNode.stop(), ts.stop(), core.stop()]);
    await deleteJetStreamState({ servers: NATS_URL, subjectPrefix });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times `samples` sequential calls of each operation, interleaved call by call, after `warmUp` calls of each; returns each one's median in ms. */
async function interleavedMedians(operations: readonly (() => Promise<unknown>)[], samples: number, warmUp: number): Promise<number[]> {
  const times = operations.map(() => [] as number[]);
  for (let round = 0; round < warmUp + samples; round++) {
    for (const [index, operation] of operations.entries()) {
      const start = performance.now();
      await operation();
      if (round >= warmUp) times[index]?.push(performance.now() - start);
    }
  }
  return times.map((list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN);
}

/** A median latency as a {@link BenchMeasurement}: calls per second at that latency, so the ratio is baseline median ÷ subject median. */
function atMedian(label: string, medianMs: number): BenchMeasurement {
  return { label: `${label}, median ${(medianMs * 1000).toFixed(0)} µs`, opsPerSec: 1000 / medianMs };
}

/** gRPC → TS sidecar → C library → C handler vs gRPC → TS handler: per-call latency at the median (target: the hop adds < 50 %). */
export async function benchSidecarWorldServerCall(): Promise<BenchComparison> {
  return withWorldServerCallPaths(async ({ native, typescript }) => {
    const [baseline = Number.NaN, subject = Number.NaN] = await interleavedMedians([typescript, native], SAMPLES, WARM_UP_CALLS);
    return {
      name: "sidecar WorldServerService call latency (1 / median)",
      baseline: atMedian("gRPC → the same handlers, world loop answered in TypeScript", baseline),
      subject: atMedian("gRPC → TS sidecar → libsidecar → C handler on the world loop", subject),
      target: 1 / 1.5,
    };
  });
}

/** The same two paths with 16 calls in flight each, one path after the other: throughput, no target. */
export async function benchSidecarWorldServerThroughput(durationMs = 2000): Promise<BenchComparison> {
  return withWorldServerCallPaths(async ({ native, typescript }) => {
    const baseline = await measureAsync(typescript, durationMs, 16);
    const subject = await measureAsync(native, durationMs, 16);
    return {
      name: "sidecar WorldServerService calls, 16 in flight",
      baseline: { label: "gRPC → the same handlers, world loop answered in TypeScript", opsPerSec: baseline },
      subject: { label: "gRPC → TS sidecar → libsidecar → C handler on the world loop", opsPerSec: subject },
    };
  });
}

/** Counts deliveries and lets a round wait until a count is reached. */
class DeliveryCounter {
  count = 0;
  #waiting: { readonly target: number; readonly resolve: () => void } | undefined;

  add(n: number): void {
    this.count += n;
    if (this.#waiting && this.count >= this.#waiting.target) {
      this.#waiting.resolve();
      this.#waiting = undefined;
    }
  }

  reach(target: number): Promise<void> {
    if (this.count >= target) return Promise.resolve();
    return new Promise((resolve) => (this.#waiting = { target, resolve }));
  }
}

/** Sends rounds of `batch` frames and waits for each round's deliveries, for about `durationMs` (after one warm-up round); returns deliveries/s. */
async function deliveriesPerSecond(send: (n: number) => void, counter: DeliveryCounter, durationMs: number, batch: number): Promise<number> {
  const round = async (): Promise<void> => {
    const target = counter.count + batch;
    send(batch);
    await counter.reach(target);
  };
  await round();
  const start = performance.now();
  const before = counter.count;
  while (performance.now() - start < durationMs) await round();
  return ((counter.count - before) * 1000) / (performance.now() - start);
}

/**
 * Hooks delivered per second through the bridge: the bridge server queues HOOK frames
 * (`GroupConvertedToRaid`), libsidecar's I/O thread reads and queues them, and the fake
 * worldserver's world loop runs them in `TC9ProcessEventsHooks()` (its C hook prints one line per
 * delivery, counted here). Baseline: the same frames through a bare Unix socket echo in Node.
 */
export async function benchSidecarHookDelivery(durationMs = 2000): Promise<BenchComparison> {
  buildNative();
  const dir = mkdtempSync(join(tmpdir(), "tc9-sidecar-hooks-"));
  const batch = 2_000;
  const hookBody = new BodyWriter().writeU32(5).toBytes();
  const frame = encodeFrame(ToLibrary.Hook, 0, new BodyWriter().writeU8(HookKind.GroupConvertedToRaid).writeBytes(hookBody).toBytes());

  const echo = createServer((socket) => socket.pipe(socket));
  const echoPath = join(dir, "echo.sock");
  await new Promise<void>((resolve) => echo.listen(echoPath, resolve));
  const client: Socket = createConnection(echoPath);
  await new Promise<void>((resolve) => client.once("connect", resolve));
  const echoed = new DeliveryCounter();
  let pendingBytes = 0;
  client.on("data", (chunk: Buffer) => {
    pendingBytes += chunk.length;
    const frames = Math.floor(pendingBytes / frame.length);
    pendingBytes -= frames * frame.length;
    echoed.add(frames);
  });

  const hooked = new DeliveryCounter();
  const bridge = await startBridgeServer({
    socketPath: join(dir, "sidecar.sock"),
    handlers: {
      onHello: async () => ({ registered: true, serverId: "bench", assignedMaps: [0] }),
      onGuidRequest: async () => [],
      onMapsReady: async () => undefined,
      onNotify: async () => undefined,
      onNatsPublish: async () => undefined,
      onNatsSubscribe: async () => undefined,
      onCall: async () => new Uint8Array(0),
    },
  });
  const world = startFakeWorldserver({ TC9_SIDECAR_SOCKET: join(dir, "sidecar.sock"), TC9_LOG_LEVEL: "error" }, ["8085", "1", "0", "0"]);
  let partialLine = "";
  world.process.stdout.on("data", (chunk: Buffer) => {
    const lines = (partialLine + chunk.toString()).split("\n");
    partialLine = lines.pop() ?? "";
    hooked.add(lines.filter((line) => line.startsWith("EVENT groupConvertedToRaid ")).length);
  });
  try {
    await world.next("init", undefined, 20_000);
    const baseline = await deliveriesPerSecond((n) => client.write(Buffer.concat(Array.from({ length: n }, () => frame))), echoed, durationMs, batch);
    const subject = await deliveriesPerSecond(
      (n) => {
        for (let index = 0; index < n; index++) bridge.hook(HookKind.GroupConvertedToRaid, hookBody);
      },
      hooked,
      durationMs,
      batch,
    );
    return {
      name: "sidecar hook delivery",
      baseline: { label: "the same frames through a bare Unix socket echo (Node ⇄ Node)", opsPerSec: baseline },
      subject: { label: "bridge → libsidecar I/O thread → hook run on the fake worldserver's world loop", opsPerSec: subject },
    };
  } finally {
    world.command("quit");
    await world.exited;
    await bridge.close();
    client.destroy();
    await new Promise<void>((resolve) => echo.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

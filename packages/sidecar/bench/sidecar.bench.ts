/**
 * The native hop's cost: `WorldServerService.GetMoneyForPlayer` over gRPC → the TS sidecar →
 * libsidecar (Unix socket) → the fake worldserver's C handler on its world loop → back, against
 * the same call over gRPC through the same handlers with the world loop's answer made in
 * TypeScript (no native hop). Same run, 16 calls in flight each.
 * The fake worldserver's loop ticks every ≤ 5 ms (it polls stdin between ticks), as a real world
 * loop runs queued requests only once per update, so the subject mostly measures that cadence.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, defineModule, defineTopology, startNode } from "@tc9/sdk";
import { GetGUIDPoolRequestResponse, GuidService, WorldServerService } from "@tc9/sdk/contracts";
import { registryModule } from "@tc9/services";
import { measureAsync, type BenchComparison } from "../../sdk/bench/measure.js";
import { BodyReader, BodyWriter } from "../src/bridge/wire.js";
import { loadSidecarConfig } from "../src/config.js";
import { startSidecar } from "../src/sidecar.js";
import type { WorldLoopCall } from "../src/world/world-loop.js";
import { worldServerHandlers } from "../src/world/world-server-handlers.js";
import { startFakeWorldserver } from "../test/native/fake-worldserver.js";
import { buildNative } from "../test/native/native-build.js";
import { freePort } from "../test/sidecar/sidecar-process.js";

const NATS_URL = process.env["TC9_TEST_NATS_URL"] ?? "nats://127.0.0.1:4222";
const quiet = createLogger({ level: "silent" });

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

/** gRPC → TS sidecar → C library → C handler vs gRPC → TS handler. */
export async function benchSidecarWorldServerCall(durationMs = 2000): Promise<BenchComparison> {
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
  const world = startFakeWorldserver({ TC9_SIDECAR_SOCKET: socketPath, TC9_LOG_LEVEL: "error" }, ["8085", "1", "0", "0"]);
  await world.next("init", undefined, 20_000);
  await Promise.all([core.started(), ts.started(), callerNode.started(), tsCaller.started()]);
  // The C handler prints a line per call; drain it so the pipe never fills.
  world.process.stdout.resume();
  const native = callerNode.use(WorldServerService);
  const typescript = tsCaller.use(WorldServerService);
  const request = { playerGuid: 5n };
  try {
    const baseline = await measureAsync(() => typescript.getMoneyForPlayer(request), durationMs, 16);
    const subject = await measureAsync(() => native.getMoneyForPlayer(request), durationMs, 16);
    return {
      name: "sidecar WorldServerService call",
      baseline: { label: "gRPC → the same handlers, world loop answered in TypeScript", opsPerSec: baseline },
      subject: { label: "gRPC → TS sidecar → libsidecar → C handler on the world loop", opsPerSec: subject },
    };
  } finally {
    world.command("quit");
    await world.exited;
    await sidecar.stop();
    await Promise.all([tsCaller.stop(), callerNode.stop(), ts.stop(), core.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

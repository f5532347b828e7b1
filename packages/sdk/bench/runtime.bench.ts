/**
 * Runtime benchmarks: what a contract binding costs over the bare mechanism it wraps.
 * (a) the gRPC binding (`ctx.use(C)` to another node) vs a bare grpc-js unary call of the same
 *     message with the same codec (target ≥ 0.9×);
 * (b) the in-process binding vs calling the handler function directly.
 */
import * as grpc from "@grpc/grpc-js";
import { createLogger, defineModule, defineTopology, startNode } from "../src/index.js";
import { GetGUIDPoolRequest, GetGUIDPoolRequestResponse, GuidService, type GuidHandlers } from "../src/contracts/generated/guid.js";
import { toGrpcServiceDefinition } from "../src/contracts/grpc.js";
import { freePort } from "../src/testing/free-port.js";
import { measureAsync, type BenchComparison } from "./measure.js";

const response = GetGUIDPoolRequestResponse.create({ api: "bench", receiverGUID: [{ start: 1n << 40n, end: (1n << 40n) + 99n }] });
const handlers: GuidHandlers = { getGUIDPool: async () => response };
const request = { realmID: 1, guidType: 1, desiredPoolSize: 100n } as const;
const quiet = createLogger({ level: "silent" });
const guid = defineModule({ name: "guid-bench", serves: GuidService, start: async () => ({ handlers }) });
const caller = defineModule({ name: "caller", uses: [GuidService], start: async () => ({}) });

/** (a) gRPC binding vs bare grpc-js, 16 calls in flight each. */
export async function benchGrpcBinding(durationMs = 2000): Promise<BenchComparison> {
  const bare = await bareGrpc();
  const topology = defineTopology({
    realms: [{ id: 1, name: "Bench" }],
    nodes: { server: { modules: [guid], grpc: { port: await freePort() } }, client: { modules: [caller] } },
  });
  const server = await startNode(topology, "server", { logger: quiet });
  const client = await startNode(topology, "client", { logger: quiet });
  await Promise.all([server.started(), client.started()]);
  const binding = client.use(GuidService);
  const baseline = await measureAsync(() => bare.call(), durationMs, 16);
  const subject = await measureAsync(() => binding.getGUIDPool(request), durationMs, 16);
  bare.close();
  bare.server.forceShutdown();
  await client.stop();
  await server.stop();
  return {
    name: "gRPC binding",
    baseline: { label: "bare grpc-js makeUnaryRequest", opsPerSec: baseline },
    subject: { label: "ctx.use(GuidService) over gRPC", opsPerSec: subject },
    target: 0.9,
  };
}

/** (b) In-process binding vs a direct call of the handler. */
export async function benchInProcessBinding(durationMs = 1000): Promise<BenchComparison> {
  const topology = defineTopology({ realms: [{ id: 1, name: "Bench" }], nodes: { main: { modules: [guid, caller] } } });
  const node = await startNode(topology, "main", { logger: quiet });
  await node.started();
  const binding = node.use(GuidService);
  const call = { signal: new AbortController().signal, deadline: undefined, peer: "bench" };
  const baseline = await measureAsync(() => handlers.getGUIDPool(GetGUIDPoolRequest.create(request), call), durationMs, 1);
  const subject = await measureAsync(() => binding.getGUIDPool(request), durationMs, 1);
  await node.stop();
  return {
    name: "in-process binding",
    baseline: { label: "direct handler call", opsPerSec: baseline },
    subject: { label: "ctx.use(GuidService) in the same node", opsPerSec: subject },
  };
}

async function bareGrpc(): Promise<{ server: grpc.Server; call: () => Promise<unknown>; close: () => void }> {
  const definition = toGrpcServiceDefinition(GuidService);
  const server = new grpc.Server();
  server.addService(definition, {
    getGUIDPool: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => callback(null, response),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const method = definition.getGUIDPool;
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const message = GetGUIDPoolRequest.create(request);
  const call = (): Promise<unknown> =>
    new Promise((resolve, reject) =>
      client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, message, (e, r) => (e ? reject(e) : resolve(r))),
    );
  return { server, call, close: () => client.close() };
}


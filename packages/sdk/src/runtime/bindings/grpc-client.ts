import * as grpc from "@grpc/grpc-js";
import type { AnyMethod, CallOptions, Client, Contract } from "../../contracts/contract.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { RpcError, RpcStatus, rpcStatusName } from "../rpc-error.js";

/**
 * Channel settings: reconnect quickly after a node restarts (grpc-js defaults back off up to two
 * minutes) and never wait for a dead node: a call to an unreachable node fails fast, UNAVAILABLE.
 */
const channelOptions: grpc.ChannelOptions = {
  "grpc.initial_reconnect_backoff_ms": 100,
  "grpc.min_reconnect_backoff_ms": 100,
  "grpc.max_reconnect_backoff_ms": 2000,
  "grpc.keepalive_time_ms": 30_000,
};

export interface GrpcClientHandle<C extends Contract> {
  readonly client: Client<C>;
  close(): void;
}

/** A typed client for `contract` served at `address` (host:port), over plaintext gRPC. */
export function createGrpcClient<C extends Contract>(
  contract: C,
  address: string,
  metrics: NodeMetrics,
): GrpcClientHandle<C> {
  const channel = new grpc.Client(address, grpc.credentials.createInsecure(), channelOptions);
  const client: Record<string, (init: object, options?: CallOptions) => Promise<object>> = {};
  for (const [key, method] of Object.entries(contract.methods) as [string, AnyMethod][]) {
    const serialize = (message: object): Buffer => {
      const bytes = method.requestType.encode(message);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };
    const deserialize = (bytes: Buffer): object => method.responseType.decode(bytes);
    const instrument = metrics.rpcInstrument({ contract: contract.fullName, method: method.name, side: "client", binding: "grpc" });
    client[key] = (init, options) =>
      new Promise<object>((resolve, reject) => {
        const started = performance.now();
        const callOptions: grpc.CallOptions = {};
        if (options?.timeoutMs !== undefined) callOptions.deadline = Date.now() + options.timeoutMs;
        const call = channel.makeUnaryRequest(
          method.path,
          serialize,
          deserialize,
          method.requestType.create(init),
          new grpc.Metadata(),
          callOptions,
          (error, response) => {
            options?.signal?.removeEventListener("abort", cancel);
            instrument.observe(error ? rpcStatusName(error.code) : "OK", (performance.now() - started) / 1000);
            if (error) reject(new RpcError(error.code as RpcStatus, error.details, { path: method.path, cause: error }));
            else if (response) resolve(response);
            else reject(new RpcError(RpcStatus.INTERNAL, "empty response", { path: method.path }));
          },
        );
        const cancel = (): void => call.cancel();
        options?.signal?.addEventListener("abort", cancel, { once: true });
      });
  }
  return { client: client as Client<C>, close: () => channel.close() };
}

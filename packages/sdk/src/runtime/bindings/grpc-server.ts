import * as grpc from "@grpc/grpc-js";
import type { AnyMethod, CallContext, Contract } from "../../contracts/contract.js";
import { toGrpcServiceDefinition } from "../../contracts/grpc.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { RpcError, RpcStatus, rpcStatusName, toRpcError } from "../rpc-error.js";
import type { InProcessTarget } from "./in-process-client.js";

type UntypedHandler = (request: object, call: CallContext) => Promise<object>;

export interface GrpcServerHandle {
  readonly port: number;
  /** Stops accepting calls, waits up to `timeoutMs` for in-flight calls, then cuts the rest. */
  shutdown(timeoutMs: number): Promise<void>;
}

/** Serves the given contracts on host:port; calls go to the serving module's handlers. */
export async function startGrpcServer(
  host: string,
  port: number,
  served: ReadonlyArray<{ contract: Contract; target: InProcessTarget<Contract> }>,
  metrics: NodeMetrics,
): Promise<GrpcServerHandle> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 16 * 1024 * 1024 });
  for (const { contract, target } of served) {
    server.addService(toGrpcServiceDefinition(contract), implementation(contract, target, metrics));
  }
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return {
    port: boundPort,
    shutdown: (timeoutMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, timeoutMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

/** The handler's view of a gRPC call; the signal and peer are only built if the handler asks. */
function callContextOf(call: grpc.ServerUnaryCall<object, object>): CallContext {
  let controller: AbortController | undefined;
  const deadline = call.getDeadline();
  return {
    get signal() {
      if (!controller) {
        const created = new AbortController();
        controller = created;
        if (call.cancelled) created.abort();
        else call.once("cancelled", () => created.abort());
      }
      return controller.signal;
    },
    deadline: deadline instanceof Date ? deadline.getTime() : Number.isFinite(deadline) ? deadline : undefined,
    get peer() {
      return call.getPeer();
    },
  };
}

function implementation(
  contract: Contract,
  target: InProcessTarget<Contract>,
  metrics: NodeMetrics,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [key, method] of Object.entries(contract.methods) as [string, AnyMethod][]) {
    const instrument = metrics.rpcInstrument({ contract: contract.fullName, method: method.name, side: "server", binding: "grpc" });
    const unary: grpc.handleUnaryCall<object, object> = (call, callback) => {
      const started = performance.now();
      const finish = (error: RpcError | null, response?: object): void => {
        instrument.observe(error ? rpcStatusName(error.status) : "OK", (performance.now() - started) / 1000);
        if (error) callback({ code: error.status, details: error.message });
        else callback(null, response);
      };
      const handler = (target.handlers() as Record<string, UntypedHandler> | undefined)?.[key];
      if (!handler) {
        finish(new RpcError(RpcStatus.UNAVAILABLE, `module "${target.module}" serving ${contract.fullName} is not started`));
        return;
      }
      target.inFlight.enter();
      handler(call.request, callContextOf(call))
        .then(
          (response) => finish(null, response),
          (error: unknown) => finish(toRpcError(error, method.path)),
        )
        .finally(() => target.inFlight.leave());
    };
    impl[key] = unary as grpc.UntypedHandleCall;
  }
  return impl;
}

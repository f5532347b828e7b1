import type { AnyMethod, CallContext, CallOptions, Client, Contract, Handlers } from "../../contracts/contract.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { RpcError, RpcStatus, rpcStatusName, toRpcError } from "../rpc-error.js";
import { callSignal } from "./call-signal.js";
import type { InFlightCalls } from "./in-flight.js";

/** Where an in-process client finds the serving module's handlers (absent until it started). */
export interface InProcessTarget<C extends Contract> {
  readonly module: string;
  handlers(): Handlers<C> | undefined;
  readonly inFlight: InFlightCalls;
}

type UntypedHandler = (request: object, call: CallContext) => Promise<object>;

/**
 * A client whose calls go straight to the serving module's handlers in this process. It behaves
 * like the gRPC client: requests get proto3 defaults, failures are `RpcError`s with the same status,
 * deadlines end the call with DEADLINE_EXCEEDED and an unstarted module is UNAVAILABLE.
 */
export function createInProcessClient<C extends Contract>(
  contract: C,
  target: InProcessTarget<C>,
  metrics: NodeMetrics,
): Client<C> {
  const client: Record<string, (init: object, options?: CallOptions) => Promise<object>> = {};
  for (const [key, method] of Object.entries(contract.methods) as [string, AnyMethod][]) {
    const instrument = metrics.rpcInstrument({ contract: contract.fullName, method: method.name, side: "client", binding: "in-process" });
    client[key] = async (init, options) => {
      const started = performance.now();
      let code: string = "OK";
      try {
        const handlers = target.handlers() as Record<string, UntypedHandler> | undefined;
        const handler = handlers?.[key];
        if (!handler) {
          throw new RpcError(RpcStatus.UNAVAILABLE, `module "${target.module}" serving ${contract.fullName} is not started`, {
            path: method.path,
          });
        }
        const request = method.requestType.create(init);
        const { signal, deadline } = callSignal(options);
        target.inFlight.enter();
        try {
          const pending = handler(request, { signal, deadline, peer: "in-process" });
          return await (options ? withDeadline(pending, signal, method.path) : pending);
        } finally {
          target.inFlight.leave();
        }
      } catch (error) {
        const rpcError = toRpcError(error, method.path);
        code = rpcStatusName(rpcError.status);
        throw rpcError;
      } finally {
        instrument.observe(code, (performance.now() - started) / 1000);
      }
    };
  }
  return client as Client<C>;
}

function withDeadline<T>(pending: Promise<T>, signal: AbortSignal, path: string): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal, path));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal, path));
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function abortError(signal: AbortSignal, path: string): RpcError {
  const timedOut = signal.reason instanceof DOMException && signal.reason.name === "TimeoutError";
  return timedOut
    ? new RpcError(RpcStatus.DEADLINE_EXCEEDED, "Deadline exceeded", { path })
    : new RpcError(RpcStatus.CANCELLED, "Cancelled on client", { path });
}

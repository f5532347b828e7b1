import { RpcError, RpcStatus, type CallContext } from "@tc9/sdk";
import type { BridgeServer } from "../bridge/bridge-server.js";
import type { RequestKind } from "../bridge/protocol.js";
import { BodyWriter, type BodyReader } from "../bridge/wire.js";
import { SidecarError } from "../errors.js";

/** Runs one request on the worldserver's world loop and returns the handler's answer body. */
export type WorldLoopCall = (kind: RequestKind, build: (body: BodyWriter) => unknown, context?: CallContext) => Promise<BodyReader>;

const STATUS_OF_SIDECAR_ERROR: Readonly<Record<string, RpcStatus>> = {
  TC9_ERR_SIDECAR_DEADLINE: RpcStatus.DEADLINE_EXCEEDED,
  TC9_ERR_SIDECAR_NOT_CONNECTED: RpcStatus.UNAVAILABLE,
  TC9_ERR_SIDECAR_DISCONNECTED: RpcStatus.UNAVAILABLE,
  TC9_ERR_SIDECAR_MALFORMED: RpcStatus.INTERNAL,
};

/**
 * Forwards requests through the bridge with a deadline of `timeoutMs` (ToCloud9: 5 s), shortened
 * to the caller's own deadline when that is earlier. Bridge failures become the gRPC statuses
 * ToCloud9's C++ sidecar answers with: DEADLINE_EXCEEDED when the world loop did not run it in
 * time, UNAVAILABLE without a worldserver, INTERNAL when the library could not read it.
 */
export function worldLoopCall(bridge: BridgeServer, timeoutMs: number): WorldLoopCall {
  return async (kind, build, context) => {
    const remaining = context?.deadline === undefined ? timeoutMs : Math.min(timeoutMs, context.deadline - Date.now());
    if (remaining <= 0) throw new RpcError(RpcStatus.DEADLINE_EXCEEDED, "the caller's deadline passed before the request reached the world loop");
    const body = new BodyWriter();
    build(body);
    try {
      return await bridge.request(kind, body.toBytes(), Math.ceil(remaining));
    } catch (error) {
      if (error instanceof SidecarError) {
        throw new RpcError(STATUS_OF_SIDECAR_ERROR[error.code] ?? RpcStatus.INTERNAL, error.message, { cause: error });
      }
      throw error;
    }
  };
}

/**
 * Reads the handler's `errorCode`; a non-zero code fails the call with INTERNAL (as ToCloud9's
 * C++ sidecar), naming the code with `names`.
 */
export function expectNoError(answer: BodyReader, what: string, names: Readonly<Record<number, string>>): void {
  const code = answer.readI32();
  if (code === 0) return;
  throw new RpcError(RpcStatus.INTERNAL, `${what} failed in the worldserver: ${names[code] ?? `error code ${code}`}`);
}

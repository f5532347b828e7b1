import { callOnWorld, WorldThreadError, type WorldMonitoring, type WorldThread } from "@tc9/sdk/cluster-worldserver";
import { RpcError, RpcStatus, type CallContext } from "@tc9/sdk";
import type { BridgeServer } from "../bridge/bridge-server.js";
import { RequestKind } from "../bridge/protocol.js";
import { BodyWriter, type BodyReader } from "../bridge/wire.js";
import { SidecarError } from "../errors.js";

/** Runs one request on the worldserver's world loop and returns the handler's answer body. */
export type WorldLoopCall = (kind: RequestKind, build: (body: BodyWriter) => unknown, context?: CallContext) => Promise<BodyReader>;

const THREAD_CODE_OF: Readonly<Record<SidecarError["code"], WorldThreadError["code"] | undefined>> = {
  TC9_ERR_SIDECAR_DEADLINE: "TC9_ERR_WORLD_THREAD_DEADLINE",
  TC9_ERR_SIDECAR_NOT_CONNECTED: "TC9_ERR_WORLD_THREAD_UNAVAILABLE",
  TC9_ERR_SIDECAR_DISCONNECTED: "TC9_ERR_WORLD_THREAD_UNAVAILABLE",
  TC9_ERR_SIDECAR_MALFORMED: "TC9_ERR_WORLD_THREAD_MALFORMED",
  TC9_ERR_SIDECAR_CONFIG: undefined,
  TC9_ERR_SIDECAR_LISTEN: undefined,
};

/** A bridge request, its failures as the shared {@link WorldThreadError}s. */
async function request(bridge: BridgeServer, kind: RequestKind, body: Uint8Array, deadlineMs: number): Promise<BodyReader> {
  try {
    return await bridge.request(kind, body, deadlineMs);
  } catch (error) {
    if (!(error instanceof SidecarError)) throw error;
    const code = THREAD_CODE_OF[error.code];
    throw code ? new WorldThreadError(code, error.message, { cause: error }) : error;
  }
}

/**
 * The worldserver's world thread behind libsidecar: the health probe and the monitoring handler
 * are bridge requests the library runs inside `TC9ProcessGRPCOrHTTPRequests()`.
 */
export function bridgeWorldThread(bridge: BridgeServer): WorldThread {
  return {
    async probe(deadlineMs) {
      await request(bridge, RequestKind.HealthProbe, new Uint8Array(0), deadlineMs);
    },
    async monitor(deadlineMs): Promise<WorldMonitoring | undefined> {
      const body = await request(bridge, RequestKind.Monitoring, new Uint8Array(0), deadlineMs);
      if (body.readI32() !== 0) return undefined;
      return {
        activeConnections: body.readU32(),
        delayMean: body.readU32(),
        delayMedian: body.readU32(),
        delay95Percentile: body.readU32(),
        delay99Percentile: body.readU32(),
        delayMax: body.readU32(),
      };
    },
  };
}

/**
 * Forwards WorldServerService requests through the bridge with the shared deadline and status
 * rules ({@link callOnWorld}: `timeoutMs`, or the caller's earlier deadline).
 */
export function worldLoopCall(bridge: BridgeServer, timeoutMs: number): WorldLoopCall {
  return (kind, build, context) => {
    const body = new BodyWriter();
    build(body);
    return callOnWorld((deadlineMs) => request(bridge, kind, body.toBytes(), deadlineMs), timeoutMs, context);
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

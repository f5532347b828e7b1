import { Tc9Error } from "../errors.js";

/** gRPC status codes (same numbers as grpc-js `status`), as an erasable const object. */
export const RpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type RpcStatus = (typeof RpcStatus)[keyof typeof RpcStatus];

const statusNames = new Map<number, string>(Object.entries(RpcStatus).map(([name, code]) => [code, name]));

export function rpcStatusName(status: number): string {
  return statusNames.get(status) ?? `STATUS_${status}`;
}

/**
 * The one error a contract call fails with, whether the binding is in-process or gRPC. Handlers
 * throw it to choose the status the caller sees; any other error a handler throws reaches the
 * caller as `UNKNOWN` with the error's message, exactly as grpc-js reports it.
 */
export class RpcError extends Tc9Error {
  readonly status: RpcStatus;
  /** The gRPC method path, e.g. `/v1.GuidService/GetGUIDPool`, when known. */
  readonly path: string | undefined;

  constructor(status: RpcStatus, message: string, options?: { path?: string; cause?: unknown }) {
    super(`TC9_ERR_RPC_${rpcStatusName(status)}`, message, options);
    this.status = status;
    this.path = options?.path;
  }
}

/** Turns whatever a handler threw into the RpcError the caller will observe. */
export function toRpcError(error: unknown, path: string): RpcError {
  if (error instanceof RpcError) {
    return error.path === path ? error : new RpcError(error.status, error.message, { path, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RpcError(RpcStatus.UNKNOWN, message, { path, cause: error });
}

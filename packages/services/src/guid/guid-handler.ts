/** `GetGUIDPool`: checks the request, takes the GUIDs from the pool and maps failures to gRPC statuses. */
import { RpcError, RpcStatus, StorageUnavailableError, TransactionConflictError } from "@tc9/sdk";
import { GetGUIDPoolRequestResponse, type GuidHandlers } from "@tc9/sdk/contracts";
import { GuidError } from "./errors.js";
import type { RealmPools } from "./realm-pools.js";

/** The `api` string of every answer: ToCloud9 guidserver's version, which no caller checks. */
export const GUID_API = "0.0.1";

/** The GuidService handlers over the module's pools. */
export function guidHandlers(pools: RealmPools, maxPoolSize: number): GuidHandlers {
  const largest = BigInt(maxPoolSize);
  return {
    async getGUIDPool(request, call) {
      const pool = pools.pool(request.realmID, request.guidType);
      const size = request.desiredPoolSize;
      if (size === 0n || size > largest) {
        throw new RpcError(
          RpcStatus.INVALID_ARGUMENT,
          `desiredPoolSize ${size} is out of range; ask for 1 to ${largest} GUIDs (the module's maxPoolSize option)`,
        );
      }
      try {
        return GetGUIDPoolRequestResponse.create({ api: GUID_API, receiverGUID: await pool.take(size, call.signal) });
      } catch (error) {
        throw toGuidRpcError(error);
      }
    },
  };
}

/** The status a caller sees for a failed take; errors that are not the module's pass through unchanged. */
function toGuidRpcError(error: unknown): unknown {
  if (error instanceof GuidError) {
    const status =
      error.code === "TC9_ERR_GUID_EXHAUSTED"
        ? RpcStatus.RESOURCE_EXHAUSTED
        : error.code === "TC9_ERR_GUID_ABANDONED"
          ? RpcStatus.CANCELLED
          : RpcStatus.FAILED_PRECONDITION;
    return new RpcError(status, error.message, { cause: error });
  }
  if (error instanceof StorageUnavailableError || error instanceof TransactionConflictError) {
    return new RpcError(RpcStatus.UNAVAILABLE, `${error.message} (no GUIDs were handed out; try again)`, { cause: error });
  }
  return error;
}

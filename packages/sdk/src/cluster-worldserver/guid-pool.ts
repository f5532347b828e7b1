import type { WorldserverLog } from "./log.js";
import type { Client } from "../contracts/contract.js";
import type { GuidService, GuidType } from "../contracts/generated/guid.js";
import { retryWithBackoff } from "./retry.js";

/** An inclusive GUID range. */
export interface GuidRange {
  readonly first: bigint;
  readonly last: bigint;
}

/** How long one refill keeps retrying before it answers with no ranges (the worldserver asks again on its next draw). */
const GIVE_UP_AFTER_MS = 5_000;

/**
 * Fetches a GUID pool for the worldserver from GuidService (`GetGUIDPool`), retrying with backoff
 * for a few seconds. Never throws: on failure it answers with no ranges, which clears the
 * worldserver's pending request so a later draw asks again.
 */
export async function fetchGuidPool(
  guids: Client<typeof GuidService>,
  request: { readonly type: number; readonly realmId: number; readonly desired: bigint },
  signal: AbortSignal,
  logger: WorldserverLog,
): Promise<GuidRange[]> {
  try {
    const response = await retryWithBackoff(
      () =>
        guids.getGUIDPool(
          { api: "tc9", realmID: request.realmId, guidType: request.type as GuidType, desiredPoolSize: request.desired },
          { timeoutMs: 2_000, signal },
        ),
      { initialMs: 100, maxMs: 1_000, giveUpAfterMs: GIVE_UP_AFTER_MS },
      signal,
      (error, attempt) => logger.warn({ err: error, attempt, ...request, desired: request.desired.toString() }, "GetGUIDPool failed; retrying"),
    );
    return response.receiverGUID.map((range) => ({ first: range.start, last: range.end }));
  } catch (error) {
    logger.error({ err: error, type: request.type, realmId: request.realmId }, "no GUID pool from the guid service; the worldserver will ask again");
    return [];
  }
}

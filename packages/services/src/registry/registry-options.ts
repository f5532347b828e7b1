import { z } from "zod";

/** Options of the registry module in a topology. */
export const registryOptionsSchema = z
  .strictObject({
    /** Start-to-start period of the health checks of every worldserver and gateway. */
    intervalMs: z.number().int().min(50).default(2_000),
    /** How long one `/healthcheck` or `/metrics` request may take. */
    timeoutMs: z.number().int().min(10).default(1_500),
    /** Checks finding a server down (refused, reset, unreachable) after which it is removed. */
    failuresToRemove: z.number().int().min(1).default(2),
    /** Checks finding a worldserver's world loop stalled (503, 504, no answer) after which it gets no new placements. */
    degradedAfter: z.number().int().min(1).default(2),
    /** Good checks in a row after which a degraded worldserver takes placements again. */
    recoverAfter: z.number().int().min(1).default(1),
  })
  .default({ intervalMs: 2_000, timeoutMs: 1_500, failuresToRemove: 2, degradedAfter: 2, recoverAfter: 1 });

export type RegistryOptions = z.output<typeof registryOptionsSchema>;

import { z } from "zod";

/** Options of the registry module in a topology. */
export const registryOptionsSchema = z
  .strictObject({
    /** Start-to-start period of the health checks of every worldserver and gateway. */
    intervalMs: z.number().int().min(50).default(2_000),
    /** How long one `/healthcheck` or `/metrics` request may take. */
    timeoutMs: z.number().int().min(10).default(1_500),
    /** Consecutive failed checks after which a server is removed. */
    failuresToRemove: z.number().int().min(1).default(2),
  })
  .default({ intervalMs: 2_000, timeoutMs: 1_500, failuresToRemove: 2 });

export type RegistryOptions = z.output<typeof registryOptionsSchema>;

import { z } from "zod";

/** How long a worldserver removed for failed probes gets its maps back when it registers again. */
export const DEFAULT_REJOIN_GRACE_MS = 30_000;

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
    /**
     * Where the state lives: `kv` JetStream KV through the bus (shared by registry processes, kept
     * across restarts), `memory` this process; `auto` picks `kv` on a NATS bus, `memory` on the local bus.
     */
    store: z.enum(["auto", "memory", "kv"]).default("auto"),
    /** The KV bucket (and prefix of its `-groups`, `-removed`, `-lease` siblings), scoped by the bus's subject prefix. */
    bucket: z.string().regex(/^[-_a-zA-Z0-9]+$/, "use letters, digits, - and _").default("registry"),
    /** Lifetime of the lease that picks which registry process probes and redistributes (kv store). */
    leaseMs: z.number().int().min(300).default(3_000),
    /** A worldserver removed for failed probes that registers again within this gets its previous maps back. */
    rejoinGraceMs: z.number().int().min(0).default(DEFAULT_REJOIN_GRACE_MS),
    /**
     * How long AvailableGameServersForMapAndRealm waits, for a map whose new owner is still loading
     * it, for that owner's GameServerMapsLoaded before it answers the server releasing the map.
     */
    handoverWaitMs: z.number().int().min(0).default(2_000),
    /** Realms served besides the topology's (worldservers and gateways of other realms are refused). */
    extraRealms: z.array(z.number().int().min(1).max(255)).default([]),
  })
  .prefault({});

export type RegistryOptions = z.output<typeof registryOptionsSchema>;

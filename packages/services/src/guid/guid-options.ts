/** The guid module's options in a topology; the defaults are ToCloud9 guidserver's behaviour. */
import { z } from "zod";

export const guidOptionsSchema = z
  .strictObject({
    /** A database reservation takes this many times the GUIDs of the request that triggered it. */
    prefetchMultiplier: z.number().int().min(1).max(1000).default(5),
    /** Share of the local stock handed out (0–1] from which the next reservation starts in the background. */
    prefetchAtUsed: z.number().gt(0).max(1).default(0.7),
    /** The largest `desiredPoolSize` a request may ask for; larger ones fail with INVALID_ARGUMENT. */
    maxPoolSize: z.number().int().min(1).max(0xffff_ffff).default(100_000),
  })
  .prefault({});

/** The parsed options of the guid module. */
export type GuidOptions = z.output<typeof guidOptionsSchema>;

/** The simulators module's options in a topology. */
import { z } from "zod";

/** A comma-separated list of map ids ("0,1,530"), or "" for every map. */
const mapList = z
  .string()
  .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, 'write map ids separated by commas, e.g. "0,1", or "" for every map');

export const simulatorsOptionsSchema = z
  .strictObject({
    /** How many simulated worldservers to run. */
    count: z.number().int().min(1).max(64).default(2),
    /** The realm they serve; its characters database is where they save players. */
    realmId: z.number().int().min(1).max(255).default(1),
    /**
     * The maps each worldserver can load, one entry per worldserver in start order; a missing
     * entry (or "") means every map, and the registry spreads the maps over them.
     */
    availableMaps: z.array(mapList).default([]),
    /** Where their game, health and gRPC ports listen and the host they register; never player-facing. */
    host: z.string().min(1).default("127.0.0.1"),
  })
  .superRefine((options, issues) => {
    if (options.availableMaps.length > options.count) {
      issues.addIssue({
        code: "custom",
        path: ["availableMaps"],
        message: `${options.availableMaps.length} map lists for ${options.count} worldserver(s); give at most one list per worldserver or raise count`,
      });
    }
  })
  .prefault({});

/** The parsed options of the simulators module. */
export type SimulatorsOptions = z.output<typeof simulatorsOptionsSchema>;
/** What a topology may write for the simulators module (every field optional). */
export type SimulatorsOptionsInput = z.input<typeof simulatorsOptionsSchema>;

/**
 * The `guid` module: ToCloud9's GuidService (guidserver). Hands out cluster-unique character,
 * item and instance GUIDs per realm as inclusive ranges, from high-water marks kept in each
 * realm's characters database and prefetched into a local stock.
 */
import { defaultMigrationsDir, defineModule } from "@tc9/sdk";
import { GuidService } from "@tc9/sdk/contracts";
import { guidHandlers } from "./guid-handler.js";
import { GuidMetrics } from "./guid-metrics.js";
import { guidOptionsSchema } from "./guid-options.js";
import { RealmPools } from "./realm-pools.js";

export const guidModule = defineModule({
  name: "guid",
  serves: GuidService,
  databases: ["characters"],
  migrations: [{ kind: "characters", dir: defaultMigrationsDir("characters") }],
  options: guidOptionsSchema,
  async start(ctx) {
    const pools = await RealmPools.open({
      databases: ctx.databases,
      realms: ctx.realms,
      policy: ctx.options,
      metrics: new GuidMetrics(ctx.metrics),
      logger: ctx.logger,
    });
    return {
      handlers: guidHandlers(pools, ctx.options.maxPoolSize),
      info: () => ({ pools: pools.describe() }),
      // In-flight calls have drained; a reservation still running must finish before the databases close.
      stop: () => pools.settled(),
    };
  },
});

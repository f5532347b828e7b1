/**
 * The `simulators` module: N simulated AzerothCore worldservers (cluster mode, ToCloud9 sidecar;
 * `startWorldSimulator` from `@tc9/sdk/testing`) registered with the topology's servers registry
 * and saving players to the realm's characters database. A topology that says "two simulated
 * worldservers" places this module with `{ count: 2 }`.
 */
import { defineModule } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { simulatorsOptionsSchema } from "./simulators-options.js";

export const simulatorsModule = defineModule({
  name: "simulators",
  uses: [ServersRegistryService],
  databases: ["characters"],
  options: simulatorsOptionsSchema,
  async start(ctx) {
    const { count, realmId, availableMaps, host } = ctx.options;
    const registry = ctx.use(ServersRegistryService);
    const charactersDb = ctx.databases.characters(realmId);
    const simulators: WorldSimulator[] = [];
    try {
      for (let index = 0; index < count; index += 1) {
        simulators.push(
          await startWorldSimulator({
            realmId,
            registry,
            host,
            availableMaps: availableMaps[index] ?? "",
            charactersDb,
            bus: ctx.bus,
            logger: ctx.logger.child({ simulator: index + 1 }),
          }),
        );
      }
    } catch (error) {
      // The runtime retries the start (the registry may still be coming up): leave nothing behind.
      await Promise.all(simulators.map((simulator) => simulator.stop()));
      throw error;
    }
    ctx.logger.info({ worldservers: simulators.map((simulator) => simulator.gameAddress) }, "simulated worldservers registered");
    return {
      info: () => ({
        realmId,
        worldservers: simulators.map(({ id, alias, gameAddress, healthAddress, grpcAddress, assignedMaps }) => ({
          id,
          alias,
          gameAddress,
          healthAddress,
          grpcAddress,
          assignedMaps: [...assignedMaps],
        })),
      }),
      // Shuts each worldserver down like AzerothCore does: players in the world are saved first.
      stop: async () => {
        await Promise.all(simulators.map((simulator) => simulator.stop()));
      },
    };
  },
});

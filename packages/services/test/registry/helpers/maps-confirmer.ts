import { registryGameServerMapsReassigned, type Bus, type Client, type EventPayload, type Subscription } from "@tc9/sdk";
import type { ServersRegistryService } from "@tc9/sdk/contracts";

type Reassigned = EventPayload<typeof registryGameServerMapsReassigned>;

/**
 * Does what a worldserver's sidecar does with `sr.gs.maps.reassigned` once the world has loaded
 * the maps it gained: `GameServerMapsLoaded` for them. Only for the servers it is told to
 * confirm for, and only when asked (`confirm`), so a test sees the maps pending first.
 */
export class MapsConfirmer {
  readonly #registry: Client<typeof ServersRegistryService>;
  readonly received: Reassigned[] = [];
  #subscription: Subscription | undefined;

  private constructor(registry: Client<typeof ServersRegistryService>) {
    this.#registry = registry;
  }

  static async on(bus: Bus, registry: Client<typeof ServersRegistryService>): Promise<MapsConfirmer> {
    const confirmer = new MapsConfirmer(registry);
    confirmer.#subscription = await bus.subscribe(registryGameServerMapsReassigned, (payload) => void confirmer.received.push(payload));
    return confirmer;
  }

  /** The maps the server gained in the reassignments received so far (new minus old, where old was not empty). */
  gained(serverId: string): number[] {
    const gained = new Set<number>();
    for (const event of this.received) {
      const entry = event.Servers.find((server) => server.ID === serverId);
      if (!entry || entry.OldAssignedMapsToHandle.length === 0) continue;
      for (const map of entry.NewAssignedMapsToHandle) if (!entry.OldAssignedMapsToHandle.includes(map)) gained.add(map);
    }
    return [...gained].sort((a, b) => a - b);
  }

  /** Reports the server's gained maps loaded; answers them. */
  async confirm(serverId: string): Promise<number[]> {
    const maps = this.gained(serverId);
    await this.#registry.gameServerMapsLoaded({ gameServerID: serverId, mapsLoaded: maps });
    return maps;
  }

  async stop(): Promise<void> {
    await this.#subscription?.unsubscribe();
  }
}

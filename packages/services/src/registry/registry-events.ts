import {
  registryGameServerAdded,
  registryGameServerMapsReassigned,
  registryGameServerRemoved,
  registryGatewayAdded,
  registryGatewayRemovedUnhealthy,
  type Bus,
  type EventPayload,
} from "@tc9/sdk";
import type { Logger } from "pino";
import type { GameServerRecord, GatewayRecord } from "./registry-store.js";

type GameServerPayload = EventPayload<typeof registryGameServerAdded>["GameServer"];

function gameServerPayload(server: GameServerRecord, oldMaps: readonly number[]): GameServerPayload {
  return {
    ID: server.id,
    Address: server.address,
    RealmID: server.realmId,
    IsCrossRealm: server.isCrossRealm,
    AvailableMaps: [...server.availableMaps],
    OldAssignedMapsToHandle: [...oldMaps],
    NewAssignedMapsToHandle: [...server.assignedMaps],
  };
}

function gatewayPayload(gateway: GatewayRecord): EventPayload<typeof registryGatewayAdded> {
  return { ID: gateway.id, Address: gateway.address, HealthCheckAddr: gateway.healthCheckAddress, RealmID: gateway.realmId };
}

/**
 * Publishes the registry's ToCloud9 events. A failed publish is logged, not thrown: like
 * ToCloud9's registry, a registration succeeds even when the bus is down.
 */
export class RegistryEvents {
  readonly #bus: Bus;
  readonly #logger: Logger;

  constructor(bus: Bus, logger: Logger) {
    this.#bus = bus;
    this.#logger = logger;
  }

  /** `sr.gs.added`: old maps empty, new maps the assignment (as ToCloud9 sends it). */
  gameServerAdded(server: GameServerRecord): Promise<void> {
    return this.#publish("sr.gs.added", () => this.#bus.publish(registryGameServerAdded, { GameServer: gameServerPayload(server, []) }));
  }

  /** `sr.gs.removed`: old and new maps both the server's last assignment (as ToCloud9 sends it). */
  gameServerRemoved(server: GameServerRecord): Promise<void> {
    const payload = { GameServer: gameServerPayload(server, server.assignedMaps) };
    return this.#publish("sr.gs.removed", () => this.#bus.publish(registryGameServerRemoved, payload));
  }

  /**
   * `sr.gs.maps.reassigned`: every server of the redistributed pool with its maps before and
   * after (ToCloud9 sends the whole pool, changed or not). tc9 fills `IsCrossRealm`, which
   * ToCloud9 leaves false here; consumers match entries by `ID` only.
   */
  mapsReassigned(servers: ReadonlyArray<{ readonly server: GameServerRecord; readonly oldMaps: readonly number[] }>): Promise<void> {
    const payload = { Servers: servers.map(({ server, oldMaps }) => gameServerPayload(server, oldMaps)) };
    return this.#publish("sr.gs.maps.reassigned", () => this.#bus.publish(registryGameServerMapsReassigned, payload));
  }

  gatewayAdded(gateway: GatewayRecord): Promise<void> {
    return this.#publish("sr.gw.added", () => this.#bus.publish(registryGatewayAdded, gatewayPayload(gateway)));
  }

  gatewayRemovedUnhealthy(gateway: GatewayRecord): Promise<void> {
    const payload = { ...gatewayPayload(gateway), EventTimeUnixNano: BigInt(Date.now()) * 1_000_000n };
    return this.#publish("sr.gw.removed.unhealthy", () => this.#bus.publish(registryGatewayRemovedUnhealthy, payload));
  }

  async #publish(subject: string, publish: () => Promise<void>): Promise<void> {
    try {
      await publish();
    } catch (error) {
      this.#logger.error({ err: error, subject }, "could not publish a registry event");
    }
  }
}

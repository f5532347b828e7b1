import type { Client } from "../../contracts/contract.js";
import { ServersRegistryService, type RegisterGameServerResponse } from "../../contracts/generated/registry.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { createGrpcClient } from "../../runtime/bindings/grpc-client.js";
import { WorldSimulatorError } from "./errors.js";

/** A registry client and how to release it. */
export interface RegistryConnection {
  readonly client: Client<typeof ServersRegistryService>;
  close(): void;
}

/** What the sidecar tells the registry at start (`TC9InitLib` → RegisterGameServer). */
export interface GameServerRegistration {
  readonly realmId: number;
  readonly gamePort: number;
  readonly healthPort: number;
  readonly grpcPort: number;
  readonly availableMaps: string;
  readonly preferredHostName: string;
}

/** A client given by the caller is used as is; an address gets a gRPC client of its own. */
export function connectRegistry(registry: Client<typeof ServersRegistryService> | string, metrics: NodeMetrics): RegistryConnection {
  if (typeof registry !== "string") return { client: registry, close: () => undefined };
  const handle = createGrpcClient(ServersRegistryService, registry, metrics);
  return { client: handle.client, close: () => handle.close() };
}

/** Registers the simulated worldserver; a failure is a REGISTER {@link WorldSimulatorError} (the Go sidecar aborts too). */
export async function registerGameServer(
  client: Client<typeof ServersRegistryService>,
  registration: GameServerRegistration,
): Promise<RegisterGameServerResponse> {
  try {
    return await client.registerGameServer(
      {
        api: "tc9",
        gamePort: registration.gamePort,
        healthPort: registration.healthPort,
        grpcPort: registration.grpcPort,
        realmID: registration.realmId,
        isCrossRealm: false,
        availableMaps: registration.availableMaps,
        preferredHostName: registration.preferredHostName,
      },
      { timeoutMs: 5_000 },
    );
  } catch (error) {
    throw new WorldSimulatorError(
      "TC9_ERR_WORLD_SIMULATOR_REGISTER",
      `RegisterGameServer failed (${error instanceof Error ? error.message : String(error)}); start the registry first and pass its client or address`,
      { cause: error },
    );
  }
}

/**
 * A whole realm for the gateway tests in one node: scratch auth, characters and world databases,
 * the registry, auth, characters, guid and one or two gateway modules on the local bus, and a worldserver
 * simulator registered with that registry and persisting to the same characters database. With
 * `moreRealms`, further realms join the same cluster, each with its own characters database,
 * gateway and every-map simulator (the world database and the accounts are shared).
 */
import assert from "node:assert/strict";
import { createLogger, defineTopology, startNode, type Database, type RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { createScratchDatabase, HeadlessClient, startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { authModule, createAccount } from "../../../src/auth/index.js";
import { charactersModule } from "../../../src/characters/index.js";
import { defineGatewayModule, type GatewayOptionsInput } from "../../../src/gateway/index.js";
import { guidModule } from "../../../src/guid/index.js";
import { registryModule } from "../../../src/registry/index.js";
import { eventually } from "@tc9/sdk/testing";

export { eventually };

export const quiet = createLogger({ level: "silent" });

type ScratchDatabase = Awaited<ReturnType<typeof createScratchDatabase>>;

/** A starting position of `playercreateinfo`. */
export interface StartPosition {
  readonly race: number;
  readonly classId: number;
  readonly map: number;
  readonly zone: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Human and orc warriors start where 3.3.5a starts them. */
export const STARTS: readonly StartPosition[] = [
  { race: 1, classId: 1, map: 0, zone: 12, x: -8949.95, y: -132.493, z: 83.5312 },
  { race: 2, classId: 1, map: 1, zone: 14, x: -618.518, y: -4251.67, z: 38.718 },
];

export interface GatewayRealmOptions {
  /** AzerothCore's own schema dumps instead of tc9's declarations. */
  readonly source?: "tc9" | "azerothcore-fixtures";
  /** Names of the gateway modules in the node; default one, `gateway`. */
  readonly gateways?: readonly string[];
  readonly gatewayOptions?: GatewayOptionsInput;
  /** Health-check period of the registry; default 250 ms. */
  readonly registryIntervalMs?: number;
  /** Further realms of the cluster (ids other than 1), each served by the gateway module named here. */
  readonly moreRealms?: ReadonlyArray<{ readonly id: number; readonly gateway: string }>;
}

/** Where a gateway listens, as its `info()` reports it. */
export interface GatewayAddress {
  readonly name: string;
  readonly port: number;
  readonly healthPort: number;
  readonly gatewayId: string;
}

/** One realm of the cluster: its characters database, gateways and every-map simulator. */
export interface RealmPart {
  readonly id: number;
  readonly characters: Database;
  readonly gateways: readonly GatewayAddress[];
  readonly simulator: WorldSimulator;
}

export interface GatewayRealm {
  readonly node: RunningNode;
  readonly auth: Database;
  readonly characters: Database;
  readonly world: Database;
  readonly authPort: number;
  readonly gateways: readonly GatewayAddress[];
  readonly simulator: WorldSimulator;
  /** Every realm of the cluster by id, realm 1 (the fields above) included. */
  readonly realms: ReadonlyMap<number, RealmPart>;
  /** Creates an account with the auth module's account call. */
  addAccount(username: string, password: string): Promise<number>;
  /** A headless client for an account of this realm (nothing is sent yet); replies may take `timeoutMs` (default 5 s). */
  client(username: string, password: string, timeoutMs?: number): HeadlessClient;
  /** A gauge or counter of the node's registry for one gateway. */
  metric(name: string, gateway?: string, labels?: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

async function seed(auth: ScratchDatabase, world: ScratchDatabase, source: "tc9" | "azerothcore-fixtures", realmIds: readonly number[]): Promise<void> {
  for (const id of realmIds) {
    if (id === 1 && source !== "tc9") continue;
    await auth.db.execute(
      "INSERT INTO realmlist (id, name, address, port, icon, flag, timezone, gamebuild) VALUES (?, ?, '127.0.0.1', 8085, 1, 2, 1, 12340)",
      [id, id === 1 ? "Tc9Test" : `Tc9Test${id}`],
    );
  }
  for (const start of STARTS) {
    await world.db.execute(
      "INSERT INTO playercreateinfo (race, class, map, zone, position_x, position_y, position_z, orientation) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
      [start.race, start.classId, start.map, start.zone, start.x, start.y, start.z],
    );
  }
}

/** Starts the realm; on any failure everything started is stopped again. */
export async function startGatewayRealm(options: GatewayRealmOptions = {}): Promise<GatewayRealm> {
  const source = options.source ?? "tc9";
  const realmSpecs = [{ id: 1, gateways: options.gateways ?? ["gateway"] }, ...(options.moreRealms ?? []).map(({ id, gateway }) => ({ id, gateways: [gateway] }))];
  const [auth, world, ...realmDatabases] = await Promise.all([
    createScratchDatabase({ schema: "auth", source }),
    createScratchDatabase({ schema: "world", source }),
    ...realmSpecs.map(() => createScratchDatabase({ schema: "characters", source })),
  ]);
  const charactersOf = (index: number): ScratchDatabase => realmDatabases[index] ?? assert.fail(`no characters database for realm #${index}`);
  let node: RunningNode | undefined;
  const simulators: WorldSimulator[] = [];
  const stop = async (): Promise<void> => {
    for (const simulator of simulators) await simulator.stop();
    await node?.stop();
    await Promise.all([auth.drop(), world.drop(), ...realmDatabases.map((database) => database.drop())]);
  };
  try {
    await seed(auth, world, source, realmSpecs.map((spec) => spec.id));
    const gatewayOptions = { host: "127.0.0.1", port: 0, health: { port: 0 }, worldLoginDelayMs: 20, ...options.gatewayOptions };
    const topology = defineTopology({
      realms: realmSpecs.map((spec, index) => ({
        id: spec.id, name: spec.id === 1 ? "Tc9Test" : `Tc9Test${spec.id}`, databases: { characters: charactersOf(index).url, world: world.url },
      })),
      databases: { auth: auth.url },
      nodes: {
        main: {
          modules: [
            { module: registryModule, options: { intervalMs: options.registryIntervalMs ?? 250, timeoutMs: 2_000, failuresToRemove: 3 } },
            { module: authModule, options: { host: "127.0.0.1", port: 0 } },
            charactersModule,
            guidModule,
            ...realmSpecs.flatMap((spec) =>
              spec.gateways.map((name) => ({ module: defineGatewayModule(name), options: { ...gatewayOptions, realmId: spec.id } })),
            ),
          ],
        },
      },
    });
    node = await startNode(topology, "main", { logger: quiet });
    await node.started();
    const running = node;
    const gatewayAddress = (name: string): GatewayAddress => {
      const info = running.moduleInfo(name);
      return { name, port: Number(info?.["port"]), healthPort: Number(info?.["healthPort"]), gatewayId: String(info?.["gatewayId"]) };
    };
    const realms = new Map<number, RealmPart>();
    for (const [index, spec] of realmSpecs.entries()) {
      const characters = charactersOf(index).db;
      const simulator = await startWorldSimulator({
        realmId: spec.id, registry: node.use(ServersRegistryService), charactersDb: characters, tickMs: 10, timeSyncIntervalMs: 500,
      });
      simulators.push(simulator);
      realms.set(spec.id, { id: spec.id, characters, gateways: spec.gateways.map(gatewayAddress), simulator });
    }
    const home = realms.get(1) ?? assert.fail("realm 1 was not started");
    const authPort = Number(node.moduleInfo("auth")?.["port"]);
    return {
      node,
      auth: auth.db,
      characters: home.characters,
      world: world.db,
      authPort,
      gateways: home.gateways,
      simulator: home.simulator,
      realms,
      addAccount: async (username, password) => (await createAccount(auth.db, { username, password })).id,
      client: (username, password, timeoutMs = 5_000) =>
        new HeadlessClient({ auth: { host: "127.0.0.1", port: authPort, timeoutMs }, username, password, timeoutMs }),
      metric: (name, gateway = "gateway", labels = {}) => metricValue(running, name, { gateway, ...labels }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function metricValue(node: RunningNode, name: string, labels: Record<string, string>): Promise<number> {
  const metric = node.metrics.registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const matching = values.filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted));
  return matching.reduce((sum, value) => sum + value.value, 0);
}


/** Resolves once the gateway's open-session and world-link gauges are both back at 0. */
export async function noSessionsLeft(realm: GatewayRealm, gateway = "gateway"): Promise<void> {
  await eventually(`${gateway}'s sessions and links to close`, async () => {
    const sessions = await realm.metric("tc9_gateway_sessions", gateway);
    const links = await realm.metric("tc9_gateway_world_links", gateway);
    return sessions === 0 && links === 0 ? true : undefined;
  });
}

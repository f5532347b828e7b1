import { defineTopology, startNode, type Database, type RunningNode, type Topology } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import type { Logger } from "pino";
import { z } from "zod";
import { authModule } from "../auth/index.js";
import { charactersModule } from "../characters/index.js";
import { gatewayModule } from "../gateway/index.js";
import { guidModule } from "../guid/index.js";
import { registryModule } from "../registry/index.js";
import { EMBEDDED_REALM_ERROR_CODES, EmbeddedRealmError } from "./errors.js";
import { advertisedHost, embeddedRealmSettingsSchema, type EmbeddedRealmOptions, type EmbeddedRealmSettings } from "./options.js";
import { checkPortsFree } from "./port-check.js";
import { prepareRealmDatabases, type RealmDatabases } from "./realm-databases.js";
import { ensureRealmRow } from "./realm-row.js";

/** A listener of the embedded realm: the host it listens on and the port it bound. */
export interface ListeningAddress {
  readonly host: string;
  readonly port: number;
}

/** A running embedded realm; see {@link startEmbeddedRealm}. */
export interface EmbeddedRealm {
  readonly realm: { readonly id: number; readonly name: string };
  /** The logon server (auth module). */
  readonly authAddress: ListeningAddress;
  /** The world port (gateway module) the realm list points at. */
  readonly gatewayAddress: ListeningAddress;
  /** The host the realm list advertises for the gateway. */
  readonly publicHost: string;
  /** The node hosting registry, auth, characters, guid and gateway (`/healthz`, `/metrics` at `node.httpUrl`). */
  readonly node: RunningNode;
  readonly simulators: readonly WorldSimulator[];
  /** Open pools on the realm's databases (e.g. for `createAccount`), closed by `stop`. */
  readonly databases: { readonly auth: Database; readonly characters: Database; readonly world: Database };
  /** Stops the simulators (players are saved), then the node, then closes the pools. Idempotent. */
  stop(): Promise<void>;
}

/** The node's one node name. */
const NODE = "realm";

function parseSettings(input: Omit<EmbeddedRealmOptions, "logger">): EmbeddedRealmSettings {
  const parsed = embeddedRealmSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new EmbeddedRealmError(EMBEDDED_REALM_ERROR_CODES.options, `the embedded realm's options are not valid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** One node on the local bus hosting the registry, auth, characters, guid and gateway of the realm. */
function realmTopology(settings: EmbeddedRealmSettings, databases: RealmDatabases, publicHost: string): Topology {
  return defineTopology({
    name: "tc9-embedded",
    realms: [{ ...settings.realm, databases: { characters: databases.urls.characters, world: databases.urls.world } }],
    databases: { auth: databases.urls.auth },
    bus: { kind: "local" },
    nodes: {
      [NODE]: {
        modules: [
          registryModule,
          { module: authModule, options: { host: settings.host, port: settings.authPort } },
          charactersModule,
          guidModule,
          {
            module: gatewayModule,
            options: { host: settings.host, port: settings.gatewayPort, realmId: settings.realm.id, publicHost, health: { host: "127.0.0.1", port: 0 } },
          },
        ],
      },
    },
  });
}

/** Waits for every module to start; stops the node and fails naming what is not ready after `timeoutMs`. */
async function awaitStarted(node: RunningNode, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const outcome = await Promise.race([node.started().then(() => "started" as const), timeout]);
  clearTimeout(timer);
  if (outcome === "started") return;
  const report = await node.readiness();
  await node.stop();
  throw new EmbeddedRealmError(
    EMBEDDED_REALM_ERROR_CODES.startTimeout,
    `the realm's modules did not start within ${timeoutMs} ms (readiness: ${JSON.stringify(report)}); ` +
      "read the node's log for the module that keeps retrying, or raise startTimeoutMs",
  );
}

/** The bound port a module reports in `info()`. */
function boundPort(node: RunningNode, module: string): number {
  const port = node.moduleInfo(module)?.["port"];
  if (typeof port !== "number") {
    throw new EmbeddedRealmError(EMBEDDED_REALM_ERROR_CODES.start, `module "${module}" started but reported no port; this is a tc9 bug, please report it`);
  }
  return port;
}

async function startSimulators(count: number, node: RunningNode, databases: RealmDatabases, realmId: number, logger: Logger | undefined): Promise<WorldSimulator[]> {
  const simulators: WorldSimulator[] = [];
  try {
    for (let index = 1; index <= count; index += 1) {
      simulators.push(
        await startWorldSimulator({
          realmId,
          registry: node.use(ServersRegistryService),
          charactersDb: databases.characters,
          bus: node.bus,
          ...(logger ? { logger: logger.child({ simulator: index }) } : {}),
        }),
      );
    }
    return simulators;
  } catch (error) {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    throw error;
  }
}

/**
 * A whole realm in this process, for a first look at tc9 and for tests: prepares the three
 * databases on MariaDB (see `prepareRealmDatabases`; an operator's data is never dropped or
 * overwritten), starts the servers registry, auth (logon, port 3724), characters, guid and
 * gateway (world port 8085) modules in one node on the local bus, writes the realm's `realmlist` row if
 * it is missing, and starts simulated worldservers registered with that registry and saving to
 * the characters database. Failures are {@link EmbeddedRealmError}s that name the fix.
 */
export async function startEmbeddedRealm(options: EmbeddedRealmOptions = {}): Promise<EmbeddedRealm> {
  const { logger, ...input } = options;
  const settings = parseSettings(input);
  const publicHost = advertisedHost(settings);
  await checkPortsFree([
    { option: "authPort", what: "auth (logon)", host: settings.host, port: settings.authPort },
    { option: "gatewayPort", what: "gateway (world)", host: settings.host, port: settings.gatewayPort },
  ]);
  const databases = await prepareRealmDatabases(settings, logger);
  let node: RunningNode | undefined;
  try {
    node = await startNode(realmTopology(settings, databases, publicHost), NODE, logger ? { logger } : {});
    await awaitStarted(node, settings.startTimeoutMs);
    const authAddress = { host: settings.host, port: boundPort(node, "auth") };
    const gatewayAddress = { host: settings.host, port: boundPort(node, "gateway") };
    const row = await ensureRealmRow(databases.auth, { id: settings.realm.id, name: settings.realm.name, address: publicHost, port: gatewayAddress.port });
    if (!row.inserted && row.port !== gatewayAddress.port) {
      logger?.warn({ realm: settings.realm.id, row }, "realmlist keeps the operator's port; clients find the gateway through the registry anyway");
    }
    const simulators = await startSimulators(settings.simulators, node, databases, settings.realm.id, logger);
    const running = node;
    let stopping: Promise<void> | undefined;
    return {
      realm: { ...settings.realm },
      authAddress,
      gatewayAddress,
      publicHost,
      node: running,
      simulators,
      databases: { auth: databases.auth, characters: databases.characters, world: databases.world },
      stop: () =>
        (stopping ??= (async () => {
          await Promise.all(simulators.map((simulator) => simulator.stop()));
          await running.stop();
          await databases.close();
        })()),
    };
  } catch (error) {
    await node?.stop();
    await databases.close();
    throw error;
  }
}

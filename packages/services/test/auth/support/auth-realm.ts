// Starts the auth module for a test: a scratch auth database, a node hosting `auth` on a free port,
// and the servers registry it asks for gateways — the real registry module when the test wants one,
// else a registry node that never runs (every call fails fast with UNAVAILABLE, as when the
// registry is down).
import { createServer, type AddressInfo } from "node:net";
import {
  createLogger,
  defineModule,
  defineTopology,
  startNode,
  type AnyModule,
  type Database,
  type RunningNode,
} from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { createScratchDatabase } from "@tc9/sdk/testing";
import { authModule, createAccount, type AuthOptionsInput } from "../../../src/auth/index.js";

export const quiet = createLogger({ level: "silent" });

/** Serves the registry contract in a node no test starts: calls to it fail with UNAVAILABLE. */
const registryThatNeverRuns = defineModule({
  name: "registry-down",
  serves: ServersRegistryService,
  async start(): Promise<never> {
    throw new Error("this registry node is never started");
  },
});

/** A port nothing listens on (bound, read, released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AuthRealmOptions {
  readonly auth?: AuthOptionsInput;
  /** The module serving ServersRegistryService in the same node (with its options); omitted = the registry is down. */
  readonly registry?: { readonly module: AnyModule; readonly options: unknown };
  readonly source?: "tc9" | "azerothcore-fixtures";
  /** Insert realm 1 "Tc9Test" (build 12340, flag 2 like AzerothCore's default row). Default true. */
  readonly seedRealm?: boolean;
}

type ScratchDatabase = Awaited<ReturnType<typeof createScratchDatabase>>;

export interface AuthRealm {
  readonly scratch: ScratchDatabase;
  readonly db: Database;
  readonly node: RunningNode;
  readonly host: string;
  readonly port: number;
  /** Stops the node and drops the database. */
  stop(): Promise<void>;
}

/** A scratch auth database with the auth module listening on 127.0.0.1:<free port>. */
export async function startAuthRealm(options: AuthRealmOptions = {}): Promise<AuthRealm> {
  const scratch = await createScratchDatabase({ schema: "auth", source: options.source ?? "tc9" });
  try {
    if (options.seedRealm ?? true) {
      await scratch.db.execute(
        "INSERT INTO realmlist (id, name, address, port, icon, flag, timezone, allowedSecurityLevel, population, gamebuild) " +
          "VALUES (1, 'Tc9Test', '127.0.0.1', 8085, 1, 2, 1, 0, 0, 12340)",
      );
    }
    const auth = { module: authModule, options: { host: "127.0.0.1", port: 0, ...options.auth } };
    const topology = options.registry
      ? defineTopology({
          realms: [{ id: 1, name: "Tc9Test" }],
          databases: { auth: scratch.url },
          nodes: { main: { modules: [options.registry, auth] } },
        })
      : defineTopology({
          realms: [{ id: 1, name: "Tc9Test" }],
          databases: { auth: scratch.url },
          nodes: {
            main: { modules: [auth] },
            registry: { modules: [registryThatNeverRuns], grpc: { port: await unusedPort() } },
          },
        });
    const node = await startNode(topology, "main", { logger: quiet });
    await node.started();
    const info = node.moduleInfo("auth");
    if (typeof info?.["port"] !== "number") throw new Error("the auth module reported no port");
    return {
      scratch,
      db: scratch.db,
      node,
      host: "127.0.0.1",
      port: info["port"],
      async stop() {
        await node.stop();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** Creates an account through the account calls; returns its id. */
export async function addAccount(db: Database, username: string, password: string): Promise<number> {
  return (await createAccount(db, { username, password })).id;
}

import { Database, type Topology } from "@tc9/sdk";
import { ACCOUNT_ERROR_CODES, AccountError, createAccount, ensureRealmRow, gatewayModule, gatewayOptionsSchema, prepareRealmDatabaseUrls } from "@tc9/services";
import type { RunState } from "../../run-state/index.js";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "../../supervisor/errors.js";

/** What a started module reported on its node's `/healthz`. */
export interface ModuleReport {
  readonly node: string;
  readonly module: string;
  readonly info: Record<string, unknown>;
}

/**
 * Prepares each realm's databases the way the embedded realm does (`prepareRealmDatabaseUrls`):
 * creates missing databases, installs tc9's AzerothCore tables into empty ones, applies tc9's
 * migrations and seeds an empty `playercreateinfo`; never changes an operator's data. Realms
 * without all three databases are left to their modules' own migrations.
 */
export async function prepareRealms(topology: Topology): Promise<void> {
  const auth = topology.databases.auth;
  for (const realm of topology.realms) {
    const { characters, world } = realm.databases;
    if (auth === undefined || characters === undefined || world === undefined) continue;
    const databases = await prepareRealmDatabaseUrls({ auth, characters, world });
    await databases.close();
  }
}

/** Every started module's `info()`, read from the nodes' `/healthz`. */
export async function moduleReports(state: RunState): Promise<ModuleReport[]> {
  const reports = await Promise.all(
    state.nodes.map(async (node): Promise<ModuleReport[]> => {
      if (node.httpUrl === undefined) return [];
      try {
        const response = await fetch(`${node.httpUrl}/healthz`, { signal: AbortSignal.timeout(3_000) });
        const body = (await response.json()) as { modules?: Array<{ name?: unknown; info?: unknown }> };
        return (body.modules ?? []).flatMap((module) =>
          typeof module.name === "string" && typeof module.info === "object" && module.info !== null
            ? [{ node: node.name, module: module.name, info: module.info as Record<string, unknown> }]
            : [],
        );
      } catch {
        return [];
      }
    }),
  );
  return reports.flat();
}

/**
 * Gives each realm served by a gateway its `realmlist` row when it has none (as the embedded realm
 * does, with the gateway's real port); an existing row is the operator's and stays as it is.
 */
export async function ensureRealmRows(topology: Topology, reports: readonly ModuleReport[]): Promise<void> {
  const authUrl = topology.databases.auth;
  if (authUrl === undefined) return;
  const auth = new Database({ url: authUrl, poolSize: 1 });
  try {
    for (const node of topology.nodes.values()) {
      for (const placed of node.modules) {
        if (placed.module.name !== gatewayModule.name) continue;
        const options = gatewayOptionsSchema.parse(placed.options);
        const port = reports.find((report) => report.node === node.name && report.module === placed.module.name)?.info["port"];
        const realm = topology.realms.find((candidate) => candidate.id === options.realmId);
        if (typeof port !== "number" || realm === undefined) continue;
        const wildcard = options.host === "0.0.0.0" || options.host === "::";
        const address = options.publicHost !== "" ? options.publicHost : wildcard ? "127.0.0.1" : options.host;
        await ensureRealmRow(auth, { id: realm.id, name: realm.name, address, port });
      }
    }
  } finally {
    await auth.close();
  }
}

/** Creates the operator's first account; one that exists is kept as it is. Returns what happened. */
export async function ensureAccount(topology: Topology, username: string, password: string): Promise<"created" | "exists"> {
  const authUrl = topology.databases.auth;
  if (authUrl === undefined) {
    throw new SupervisorError(SUPERVISOR_ERROR_CODES.config, "--account needs the auth database, and the topology has none; set databases.auth in the config file");
  }
  const auth = new Database({ url: authUrl, poolSize: 1 });
  try {
    await createAccount(auth, { username, password });
    return "created";
  } catch (error) {
    if (error instanceof AccountError && error.code === ACCOUNT_ERROR_CODES.nameTaken) return "exists";
    throw error;
  } finally {
    await auth.close();
  }
}

import type { AnyModule, Topology } from "@tc9/sdk";
import { z } from "zod";
import { SUPERVISOR_ERROR_CODES, SupervisorError } from "../../supervisor/errors.js";
import type { CheckResult } from "../doctor/check-result.js";
import { checkNats } from "../doctor/nats-check.js";
import { checkPortsFree } from "../doctor/port-checks.js";
import { probeTcp } from "../doctor/tcp-probe.js";

/** A fixed port the realm will listen on, and the config key that sets it. */
interface PlannedPort {
  readonly port: number;
  readonly key: string;
}

/**
 * What `tc9 up` checks before it starts anything, with `tc9 doctor`'s checks: every MariaDB server
 * the topology names answers, NATS answers with JetStream (when the bus is NATS), and every fixed
 * port the nodes and their modules will listen on is free. Returns the failed checks (none: go).
 * Module options are validated here too, so a mistake names the config file before any node starts.
 */
export async function preflight(topology: Topology, configFile: string, timeoutMs: number): Promise<CheckResult[]> {
  const ports = plannedPorts(topology, configFile);
  const [databases, nats, portResults] = await Promise.all([
    checkMariaDbServers(topology, configFile, timeoutMs),
    checkBus(topology, configFile, timeoutMs),
    checkPortsFree(ports.map((planned) => planned.port)),
  ]);
  const portFailures = portResults
    .map((result, index) => ({ result, key: ports[index]?.key ?? "" }))
    .filter(({ result }) => result.status === "fail")
    .map(({ result, key }) => ({ ...result, fix: `${result.fix ?? ""}; or change ${key} in ${configFile}` }));
  return [...databases, ...nats, ...portFailures].filter((result) => result.status === "fail");
}

async function checkMariaDbServers(topology: Topology, configFile: string, timeoutMs: number): Promise<CheckResult[]> {
  const urls = [topology.databases.auth, ...topology.realms.flatMap((realm) => [realm.databases.characters, realm.databases.world])];
  const servers = new Map<string, { host: string; port: number }>();
  for (const url of urls) {
    if (url === undefined) continue;
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
    const port = parsed.port === "" ? 3306 : Number(parsed.port);
    servers.set(`${host}:${port}`, { host, port });
  }
  return Promise.all(
    [...servers].map(async ([subject, { host, port }]): Promise<CheckResult> => {
      const probe = await probeTcp(host, port, timeoutMs);
      return probe.reachable
        ? { check: "MariaDB", subject, status: "ok", message: "reachable" }
        : {
            check: "MariaDB",
            subject,
            status: "fail",
            message: `not reachable (${probe.reason})`,
            fix: `start MariaDB, or correct the database URLs in ${configFile} (databases.auth, realms[].databases)`,
          };
    }),
  );
}

async function checkBus(topology: Topology, configFile: string, timeoutMs: number): Promise<CheckResult[]> {
  if (topology.bus.kind !== "nats") return [];
  const servers = typeof topology.bus.servers === "string" ? topology.bus.servers.split(",") : topology.bus.servers;
  const results = await Promise.all(servers.map((server) => checkNats(server.trim(), timeoutMs)));
  return results.map((result) =>
    result.status === "fail" ? { ...result, fix: `${result.fix ?? ""}; the address is bus.servers in ${configFile}` } : result,
  );
}

/** Every fixed port: the nodes' gRPC and HTTP ports, and each `{ port }` in a module's options (auth 3724, gateway 8085 …). */
function plannedPorts(topology: Topology, configFile: string): PlannedPort[] {
  const planned: PlannedPort[] = [];
  for (const node of topology.nodes.values()) {
    for (const [what, address] of [["grpc", node.grpc], ["http", node.http]] as const) {
      if (address.port !== 0) planned.push({ port: address.port, key: `nodes.${node.name}.${what}.port` });
    }
    for (const placed of node.modules) {
      const options = moduleOptions(placed.module, placed.options, `${configFile}: nodes.${node.name}`);
      collectPorts(options, `nodes.${node.name} module ${placed.module.name} options`, planned);
    }
  }
  return planned;
}

/** A module's options as its schema parses them; invalid ones fail naming the file, the node and the module. */
function moduleOptions(module: AnyModule, options: unknown, where: string): unknown {
  if (module.options === undefined) return options;
  const parsed = module.options.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new SupervisorError(
    SUPERVISOR_ERROR_CODES.config,
    `${where}: the options of module "${module.name}" are not valid:\n${z.prettifyError(parsed.error)}\nfix them in the config file`,
  );
}

function collectPorts(value: unknown, key: string, planned: PlannedPort[]): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  for (const [field, item] of Object.entries(value)) {
    if (field === "port" && typeof item === "number" && item !== 0) planned.push({ port: item, key: `${key}.port` });
    else collectPorts(item, `${key}.${field}`, planned);
  }
}

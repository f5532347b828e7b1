// `tc9 status` against a real servers registry node and a simulated worldserver, described by run.json files.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createLogger, defineTopology, startNode, type RunningNode } from "@tc9/sdk";
import { freePort, startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { registryModule } from "@tc9/services";
import { runInProcess } from "../../cli-harness.js";
import { nodeLogFile, writeRunState, type NodeRunState } from "../../../src/run-state/index.js";

const SNAPSHOT_KEYS = ["bus", "configFile", "gateways", "nodes", "ok", "players", "problems", "projectDir", "rpc", "supervisor", "takenAt", "topology", "worldservers"];
const NODE_KEYS = ["grpcAddress", "health", "httpUrl", "lastExit", "logFile", "modules", "name", "notReady", "pid", "problem", "ready", "restarts", "status", "uptimeSeconds"];
const WORLDSERVER_KEYS = ["address", "alias", "assignedMaps", "availableMaps", "crossRealm", "degraded", "id", "pendingMaps", "players", "realmId"];

interface StatusJson {
  ok: boolean;
  nodes: Array<Record<string, unknown> & { name: string; health: string; restarts: number; problem: string | null }>;
  worldservers: Array<Record<string, unknown> & { id: string; assignedMaps: number[] }>;
  rpc: Array<{ contract: string; calls: number }>;
  problems: string[];
  supervisor: { pid: number; alive: boolean; controlUrl: string | null };
}

describe("tc9 status", () => {
  let registry: RunningNode;
  let simulator: WorldSimulator;
  let healthy: string;
  let withDownNode: string;
  const dirs: string[] = [];

  const project = async (nodes: (dir: string) => NodeRunState[]): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), "tc9-status-"));
    dirs.push(dir);
    await writeRunState(dir, {
      version: 1,
      topology: "status-test",
      configFile: join(dir, "tc9.config.ts"),
      supervisorPid: process.pid,
      controlUrl: "http://127.0.0.1:9/",
      startedAt: new Date().toISOString(),
      nodes: nodes(dir),
    });
    return dir;
  };
  const registryState = (dir: string): NodeRunState => ({
    name: "core",
    status: "ready",
    pid: process.pid,
    httpUrl: registry.httpUrl,
    grpcAddress: registry.grpcAddress,
    logFile: nodeLogFile(dir, "core"),
    restarts: 2,
    lastExit: "SIGKILL",
    startedAt: new Date().toISOString(),
    modules: ["registry"],
  });

  before(async () => {
    const topology = defineTopology({ realms: [{ id: 1, name: "One" }], bus: { kind: "local" }, nodes: { core: { modules: [registryModule] } } });
    registry = await startNode(topology, "core", { logger: createLogger({ level: "silent" }) });
    await registry.started();
    assert.ok(registry.grpcAddress);
    simulator = await startWorldSimulator({ realmId: 1, registry: registry.grpcAddress, availableMaps: "0,1" });
    healthy = await project((dir) => [registryState(dir)]);
    const closedPort = await freePort();
    withDownNode = await project((dir) => [
      registryState(dir),
      { name: "world-2", status: "restarting", httpUrl: `http://127.0.0.1:${closedPort}`, logFile: nodeLogFile(dir, "world-2"), restarts: 5, modules: ["gateway"] },
      { name: "world-3", status: "starting", logFile: nodeLogFile(dir, "world-3"), restarts: 0, modules: [] },
    ]);
  });
  after(async () => {
    await simulator.stop();
    await registry.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("prints the snapshot as JSON with a fixed shape, exit 0 when every node is up", async () => {
    const run = await runInProcess(["status", "--dir", healthy, "--json"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const status = JSON.parse(run.stdout) as StatusJson;
    assert.deepEqual(Object.keys(status).sort(), SNAPSHOT_KEYS);
    assert.equal(status.ok, true);
    assert.deepEqual(status.supervisor, { pid: process.pid, alive: true, controlUrl: "http://127.0.0.1:9/" });
    assert.equal(status.nodes.length, 1);
    assert.deepEqual(Object.keys(status.nodes[0] ?? {}).sort(), NODE_KEYS);
    assert.deepEqual([status.nodes[0]?.name, status.nodes[0]?.health, status.nodes[0]?.restarts, status.nodes[0]?.lastExit], ["core", "up", 2, "SIGKILL"]);
    assert.equal(status.worldservers.length, 1);
    assert.deepEqual(Object.keys(status.worldservers[0] ?? {}).sort(), WORLDSERVER_KEYS);
    assert.deepEqual([status.worldservers[0]?.id, status.worldservers[0]?.assignedMaps], [simulator.id, [0, 1]]);
    assert.ok(status.rpc.some((contract) => contract.contract === "v1.ServersRegistryService" && contract.calls > 0));
    assert.deepEqual(status.problems, []);
  });

  it("prints tables without --json: the node with its restarts, the worldserver with its maps", async () => {
    const run = await runInProcess(["status", "--dir", healthy]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^tc9 status-test · .* · tc9 up pid \d+ · 1\/1 nodes up · 0 players · \d\d:\d\d:\d\d UTC\n/);
    assert.match(run.stdout, /\nNodes \(1\)\n {2}NODE +STATUS +HEALTH +READY +UPTIME +RESTARTS +PID +MODULES\n {2}core +ready +up +yes +\d+s +2 +\d+ +registry\n/);
    assert.match(run.stdout, new RegExp(`\\nWorldservers \\(1\\)\\n.*\\n {2}${simulator.alias} +${simulator.id} +${simulator.gameAddress} +1 +0,1 +0 +ok\\n`));
    assert.match(run.stdout, /\nGateways \(0\)\n {2}none\n/);
    assert.doesNotMatch(run.stdout, /\u001b\[/, "no colours when output is not a terminal");
  });

  it("exits 1 and says why when a node is down, still showing the others", async () => {
    const json = await runInProcess(["status", "--dir", withDownNode, "--json"]);
    assert.equal(json.code, 1);
    const status = JSON.parse(json.stdout) as StatusJson;
    assert.equal(status.ok, false);
    assert.deepEqual(status.nodes.map((node) => [node.name, node.health, node.restarts]), [["core", "up", 2], ["world-2", "down", 5], ["world-3", "down", 0]]);
    assert.match(status.nodes[1]?.problem ?? "", /does not answer \(ECONNREFUSED\)/);
    assert.equal(status.nodes[2]?.problem, "it has no HTTP address yet (starting)");
    assert.equal(status.worldservers.length, 1);

    const text = await runInProcess(["status", "--dir", withDownNode]);
    assert.equal(text.code, 1);
    assert.equal(text.stderr, "");
    assert.match(text.stdout, / 1\/3 nodes up /);
    assert.match(text.stdout, /\n {2}world-2 +restarting +down +- +- +5 +- +gateway\n/);
    assert.match(text.stdout, /\n✖ world-2 is down: http:\/\/127\.0\.0\.1:\d+ does not answer \(ECONNREFUSED\)\n✖ world-3 is down: it has no HTTP address yet \(starting\)\n$/);
  });

  it("exits 1 with a clear error when nothing runs in the directory", async () => {
    const empty = await mkdtemp(join(tmpdir(), "tc9-status-empty-"));
    dirs.push(empty);
    const json = await runInProcess(["status", "--dir", empty, "--json"]);
    assert.equal(json.code, 1);
    assert.deepEqual(JSON.parse(json.stdout), {
      ok: false,
      error: { code: "TC9_ERR_CLUSTER_NOT_RUNNING", message: `nothing is running in ${empty}; start it with tc9 up` },
    });
    const text = await runInProcess(["status", "--dir", empty]);
    assert.equal(text.code, 1);
    assert.equal(text.stderr, `error: nothing is running in ${empty}; start it with tc9 up (TC9_ERR_CLUSTER_NOT_RUNNING)\n`);
  });

  it("has help with examples, and top and status appear in tc9 --help", async () => {
    for (const command of [["status"], ["top"]]) {
      const run = await runInProcess([...command, "--help"]);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Examples:\n {2}\$ tc9 /);
    }
    const help = await runInProcess(["--help"]);
    assert.match(help.stdout, /\n {2}status .*\n[\s\S]*\n {2}top /);
  });
});

// The collector against a real realm: an embedded realm (registry, gateway, two simulated
// worldservers) and a second node, described by a run.json as `tc9 up` writes it.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createLogger, defineModule, defineTopology, startNode, type RunningNode } from "@tc9/sdk";
import { testServerUrl } from "@tc9/sdk/testing";
import { startEmbeddedRealm, type EmbeddedRealm } from "@tc9/services";
import { collectClusterSnapshot, createClusterCollector, NothingRunningError } from "../../src/cluster-view/index.js";
import { nodeLogFile, writeRunState, type NodeRunState } from "../../src/run-state/index.js";
import { dropRealmDatabases, uniqueRealmDatabaseNames } from "../realm-databases.js";

const idle = defineModule({ name: "idle", start: async () => ({}) });

describe("collectClusterSnapshot", () => {
  const names = uniqueRealmDatabaseNames();
  let projectDir: string;
  let realm: EmbeddedRealm;
  let extra: RunningNode;

  before(async () => {
    projectDir = await mkdtemp(join(tmpdir(), "tc9-cluster-view-"));
    const logger = createLogger({ level: "silent" });
    realm = await startEmbeddedRealm({ ...names, mysqlUrl: testServerUrl(), authPort: 0, gatewayPort: 0, simulators: 2, logger });
    extra = await startNode(defineTopology({ realms: [{ id: 1, name: "One" }], bus: { kind: "local" }, nodes: { extra: { modules: [idle] } } }), "extra", { logger });
    await extra.started();
    const node = (name: string, running: RunningNode, modules: string[], restarts: number): NodeRunState => ({
      name,
      status: "ready",
      pid: process.pid,
      httpUrl: running.httpUrl,
      ...(running.grpcAddress === undefined ? {} : { grpcAddress: running.grpcAddress }),
      logFile: nodeLogFile(projectDir, name),
      restarts,
      startedAt: new Date().toISOString(),
      modules,
    });
    await writeRunState(projectDir, {
      version: 1,
      topology: "test-realm",
      configFile: join(projectDir, "tc9.config.ts"),
      supervisorPid: process.pid,
      startedAt: new Date().toISOString(),
      nodes: [node("realm", realm.node, ["registry", "auth", "characters", "guid", "gateway"], 0), node("extra", extra, ["idle"], 3)],
    });
  });
  after(async () => {
    await extra.stop();
    await realm.stop();
    await dropRealmDatabases(names);
    await rm(projectDir, { recursive: true, force: true });
  });

  it("shows every node up and ready, the simulators as worldservers, the gateway, bus traffic and registry latency", async () => {
    const snapshot = await collectClusterSnapshot(projectDir);
    assert.deepEqual(snapshot.problems, []);
    assert.equal(snapshot.topology, "test-realm");
    assert.deepEqual(snapshot.supervisor, { pid: process.pid, alive: true, controlUrl: null });
    assert.deepEqual(
      snapshot.nodes.map((node) => [node.name, node.health, node.ready, node.restarts, node.problem]),
      [["realm", "up", true, 0, null], ["extra", "up", true, 3, null]],
    );
    assert.ok(snapshot.nodes.every((node) => node.uptimeSeconds !== null && node.uptimeSeconds >= 0));

    assert.deepEqual(
      snapshot.worldservers.map((server) => server.id).sort(),
      realm.simulators.map((simulator) => simulator.id).sort(),
    );
    for (const server of snapshot.worldservers) {
      const simulator = realm.simulators.find((candidate) => candidate.id === server.id);
      assert.ok(simulator);
      assert.deepEqual([server.alias, server.address, server.realmId, server.players, server.degraded, server.pendingMaps], [simulator.alias, simulator.gameAddress, 1, 0, false, 0]);
    }
    assert.equal(snapshot.players, 0);

    assert.equal(snapshot.gateways.length, 1);
    const [gateway] = snapshot.gateways;
    assert.deepEqual(
      [gateway?.node, gateway?.name, gateway?.address, gateway?.sessions, gateway?.packetsPerSecond],
      ["realm", "gateway", `${realm.gatewayAddress.host}:${realm.gatewayAddress.port}`, 0, null],
    );
    assert.match(gateway?.id ?? "", /^\d+$/);

    assert.ok(snapshot.bus.some((subject) => subject.published > 0), JSON.stringify(snapshot.bus));
    const registry = snapshot.rpc.find((contract) => contract.contract === "v1.ServersRegistryService");
    assert.ok(registry && registry.calls >= 3, JSON.stringify(snapshot.rpc));
    assert.ok(registry.p50Ms !== null && registry.p99Ms !== null && registry.p50Ms <= registry.p99Ms);
  });

  it("gives rates from the previous snapshot, and shows a stopped node as down with why", async () => {
    const collector = createClusterCollector(projectDir, { timeoutMs: 500 });
    try {
      await collector.collect();
      const second = await collector.collect();
      assert.equal(second.gateways[0]?.packetsPerSecond, 0);
      assert.ok(second.bus.every((subject) => subject.publishedPerSecond !== null && subject.publishedPerSecond >= 0));

      await extra.stop();
      const third = await collector.collect();
      const stopped = third.nodes.find((node) => node.name === "extra");
      assert.deepEqual([stopped?.health, stopped?.ready, stopped?.uptimeSeconds, stopped?.status], ["down", null, null, "ready"]);
      assert.match(stopped?.problem ?? "", /does not answer \(ECONNREFUSED\)/);
      assert.equal(third.nodes.find((node) => node.name === "realm")?.health, "up");
      assert.equal(third.worldservers.length, 2);
    } finally {
      collector.close();
    }
  });

  it("fails with a clear error when nothing runs in the directory", async () => {
    const empty = await mkdtemp(join(tmpdir(), "tc9-cluster-view-empty-"));
    try {
      await assert.rejects(collectClusterSnapshot(empty), (error: unknown) => {
        assert.ok(error instanceof NothingRunningError);
        assert.equal(error.code, "TC9_ERR_CLUSTER_NOT_RUNNING");
        assert.equal(error.message, `nothing is running in ${empty}; start it with tc9 up`);
        return true;
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

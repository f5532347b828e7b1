/**
 * Two registry processes on one JetStream KV bucket — a child OS process and a node of this
 * process — answer the same queries, register concurrently without losing anything, and only the
 * lease holder probes; when the holder is killed the other takes over, and a registry restarted
 * on the bucket finds every server again and probes it (removing the one that died meanwhile).
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import type { Client, RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { uniqueSubjectPrefix } from "@tc9/sdk/testing";
import { MAP_IDS_335A } from "../../src/registry/index.js";
import { eventually } from "./helpers/event-recorder.js";
import { FakeHealthEndpoint } from "./helpers/fake-health-endpoint.js";
import {
  deleteRegistryBuckets,
  freePort,
  probing,
  remoteProbing,
  spawnRegistryNode,
  startRegistryNode,
  startRemoteCaller,
  type NodePorts,
} from "./helpers/registry-node.js";
import { terminate, waitForOk } from "../guid/support/processes.js";

type Registry = Client<typeof ServersRegistryService>;

const OPTIONS = { intervalMs: 100, timeoutMs: 300, failuresToRemove: 2, leaseMs: 600 };
const PER_PROCESS = 5;

describe("two registry processes on one KV bucket", () => {
  const prefix = uniqueSubjectPrefix("reg_two");
  const endpoints = new Map<number, FakeHealthEndpoint>();
  let ports: NodePorts;
  let child: ChildProcess | undefined;
  let local: RunningNode | undefined;
  let caller: { node: RunningNode; registry: Registry } | undefined;

  const register = async (registry: Registry, gamePort: number): Promise<string> => {
    const health = await FakeHealthEndpoint.start();
    endpoints.set(gamePort, health);
    const response = await registry.registerGameServer({
      gamePort, healthPort: health.port, grpcPort: gamePort + 1000, realmID: 1, isCrossRealm: false, availableMaps: "", preferredHostName: "",
    });
    return response.id;
  };
  const ids = async (registry: Registry): Promise<string[]> => (await registry.listAllGameServers({})).gameServers.map((server) => server.ID).sort();
  const localRegistry = (): Registry => {
    assert.ok(local);
    return local.use(ServersRegistryService);
  };

  before(async () => {
    ports = { grpc: await freePort(), http: await freePort() };
    // The child starts first, so it takes the lease.
    child = spawnRegistryNode(prefix, OPTIONS, ports);
    await waitForOk(`http://127.0.0.1:${ports.http}/readyz`);
    local = await startRegistryNode(prefix, OPTIONS);
    caller = await startRemoteCaller(prefix, ports);
  });
  after(async () => {
    if (child) await terminate(child);
    await caller?.node.stop();
    await local?.stop();
    await Promise.all([...endpoints.values()].map((endpoint) => endpoint.close()));
    await deleteRegistryBuckets(prefix);
  });

  it("registers concurrently through both, loses nothing, and both answer the same", async () => {
    assert.ok(caller);
    const remote = caller.registry;
    const registered = await Promise.all(
      Array.from({ length: 2 * PER_PROCESS }, (_, index) => register(index % 2 === 0 ? localRegistry() : remote, 9800 + index)),
    );
    const everyId = [...registered].sort();
    assert.deepEqual(await ids(localRegistry()), everyId);
    assert.deepEqual(await ids(remote), everyId);
    const listed = (await remote.listGameServersForRealm({ realmID: 1, isCrossRealm: false })).gameServers;
    const maps = listed.flatMap((server) => server.assignedMaps).sort((a, b) => a - b);
    assert.deepEqual(maps, [...MAP_IDS_335A], "every map has exactly one owner after interleaved redistributions");
    const placedLocal = await localRegistry().availableGameServersForMapAndRealm({ realmID: 1, mapID: 571, isCrossRealm: false, groupID: 7, preferredGameServerAlias: "" });
    const placedRemote = await remote.availableGameServersForMapAndRealm({ realmID: 1, mapID: 571, isCrossRealm: false, groupID: 7, preferredGameServerAlias: "" });
    assert.deepEqual(placedRemote.gameServers, placedLocal.gameServers, "a group bound through one is found through the other");
  });

  it("probes only in the lease holder, and the other takes over when the holder is killed", async () => {
    assert.ok(local && child);
    assert.equal(await remoteProbing(ports.http), true);
    assert.equal(probing(local), false);
    const killed = child;
    child = undefined;
    killed.kill("SIGKILL");
    await new Promise((resolve) => killed.once("exit", resolve));
    await eventually("this process to take the lease", () => probing(local as RunningNode), 10_000);
    const dead = endpoints.get(9800);
    await dead?.close();
    endpoints.delete(9800);
    await eventually("the survivor to remove the dead server", async () => (await ids(localRegistry())).length === 2 * PER_PROCESS - 1, 10_000);
  });

  it("finds every server again after a restart and removes the one that died while it was down", async () => {
    assert.ok(local);
    const before = await ids(localRegistry());
    await local.stop();
    local = undefined;
    const dead = endpoints.get(9801);
    await dead?.close();
    endpoints.delete(9801);
    local = await startRegistryNode(prefix, OPTIONS);
    assert.deepEqual(await ids(localRegistry()), before, "state loaded from the bucket");
    await eventually("the restarted registry to probe and remove the dead server", async () => (await ids(localRegistry())).length === before.length - 1, 10_000);
  });
});

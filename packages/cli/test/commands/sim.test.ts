// `tc9 sim` against a real servers registry: the worldservers register, and stop when the command is told to stop.
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { createLogger, defineTopology, startNode, type RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { registryModule } from "@tc9/services";
import { runInProcess, startInProcess } from "../cli-harness.js";
import { eventually } from "@tc9/sdk/testing";

interface SimJson {
  ok: boolean;
  realmId: number;
  worldservers: { id: string; gameAddress: string; healthAddress: string; grpcAddress: string; assignedMaps: number[] }[];
}

/** Resolves true when a TCP connection to `address` succeeds, false when it is refused. */
function answers(address: string): Promise<boolean> {
  const separator = address.lastIndexOf(":");
  return new Promise((resolve) => {
    const socket = connect({ host: address.slice(0, separator), port: Number(address.slice(separator + 1)) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}


describe("tc9 sim", () => {
  let registry: RunningNode;
  let registryAddress: string;

  before(async () => {
    const topology = defineTopology({
      realms: [{ id: 1, name: "One" }, { id: 2, name: "Two" }],
      bus: { kind: "local" },
      nodes: { registry: { modules: [registryModule] } },
    });
    registry = await startNode(topology, "registry", { logger: createLogger({ level: "silent" }) });
    await registry.started();
    assert.ok(registry.grpcAddress);
    registryAddress = registry.grpcAddress;
  });
  after(async () => {
    await registry.stop();
  });

  it("registers two worldservers for a realm, prints them as JSON, and stops them on abort with exit 0", async () => {
    const sim = startInProcess(["sim", "--registry", registryAddress, "--realm", "2", "--count", "2", "--maps", "0,1", "--json"]);
    const printed = await eventually("the JSON of the started worldservers", () => {
      const { stdout } = sim.output();
      return stdout.trim().endsWith("}") ? (JSON.parse(stdout) as SimJson) : undefined;
    });
    assert.equal(printed.ok, true);
    assert.equal(printed.realmId, 2);
    assert.equal(printed.worldservers.length, 2);

    const listed = await registry.use(ServersRegistryService).listGameServersForRealm({ realmID: 2 });
    assert.deepEqual(
      listed.gameServers.map((server) => server.address).sort(),
      printed.worldservers.map((server) => server.gameAddress).sort(),
    );
    for (const server of printed.worldservers) assert.equal(await answers(server.gameAddress), true);

    sim.stop();
    const exit = await sim.exit;
    assert.equal(exit.code, 0, exit.stderr);
    for (const server of printed.worldservers) {
      assert.equal(await answers(server.gameAddress), false, `${server.gameAddress} closed`);
      assert.equal(await answers(server.healthAddress), false, `${server.healthAddress} closed`);
    }
  });

  it("prints one line per worldserver without --json", async () => {
    const sim = startInProcess(["sim", "--registry", registryAddress]);
    await eventually("the started line", () => (sim.output().stdout.includes("Ctrl-C") ? true : undefined));
    sim.stop();
    const exit = await sim.exit;
    assert.equal(exit.code, 0, exit.stderr);
    assert.match(exit.stdout, /^✔ worldserver \S+ \(id \S+\) game 127\.0\.0\.1:\d+, health 127\.0\.0\.1:\d+, grpc 127\.0\.0\.1:\d+, maps every map\n1 worldserver\(s\) on realm 1; press Ctrl-C to stop\n$/);
  });

  it("fails with exit 1 when the registry cannot be reached, and rejects a bad --registry as a usage error", async () => {
    const unreachable = await runInProcess(["sim", "--registry", "127.0.0.1:1", "--json"]);
    assert.equal(unreachable.code, 1);
    assert.equal((JSON.parse(unreachable.stdout) as { ok: boolean }).ok, false);
    const usage = await runInProcess(["sim", "--registry", "nowhere"]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /expected host:port/);
  });
});

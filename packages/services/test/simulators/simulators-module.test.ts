// The simulators module in a node next to the servers registry: its worldservers register, each
// with the maps its options give, info() lists them, and bad options fail naming the fix.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger, defineTopology, startNode, type RunningNode } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { createScratchDatabase, type ScratchDatabase } from "@tc9/sdk/testing";
import { registryModule, simulatorsModule } from "../../src/index.js";

interface WorldserverInfo {
  id: string;
  gameAddress: string;
  assignedMaps: number[];
}

const topology = (charactersUrl: string, options: unknown) =>
  defineTopology({
    realms: [{ id: 1, name: "test", databases: { characters: charactersUrl } }],
    nodes: { realm: { modules: [registryModule, { module: simulatorsModule, options }] } },
  });

describe("simulators module", () => {
  let characters: ScratchDatabase;
  let node: RunningNode;

  before(async () => {
    characters = await createScratchDatabase();
    node = await startNode(topology(characters.url, { count: 2, availableMaps: ["0", "1,530"] }), "realm", { logger: createLogger({ level: "silent" }) });
    await node.started();
  });
  after(async () => {
    await node?.stop();
    await characters?.drop();
  });

  it("registers count worldservers with the registry, each with its own maps, and lists them in info()", async () => {
    const info = node.moduleInfo("simulators") as { realmId: number; worldservers: WorldserverInfo[] };
    assert.equal(info.realmId, 1);
    assert.equal(info.worldservers.length, 2);
    assert.deepEqual(info.worldservers.map((server) => server.assignedMaps), [[0], [1, 530]]);
    const listed = await node.use(ServersRegistryService).listAllGameServers({});
    assert.deepEqual(
      listed.gameServers.map((server) => server.ID).sort(),
      info.worldservers.map((server) => server.id).sort(),
    );
  });

  it("refuses more map lists than worldservers, naming the fix", async () => {
    await assert.rejects(
      startNode(topology(characters.url, { count: 1, availableMaps: ["0", "1"] }), "realm", { logger: createLogger({ level: "silent" }) }),
      /2 map lists for 1 worldserver\(s\); give at most one list per worldserver or raise count/,
    );
  });
});

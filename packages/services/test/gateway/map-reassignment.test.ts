// Maps moved between live worldservers by the registry while players are on them: a new
// every-map worldserver joins, the registry hands it a share of the maps (sr.gs.maps.reassigned),
// the worldserver losing a map saves its players there and sends them the unsolicited
// TC9_SMSG_READY_FOR_REDIRECT, and the gateway moves each one to the map's new owner while the
// client stays connected. Real MariaDB, registry, characters and guid modules, simulators on the
// node's bus, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import type { WorldSimulator } from "@tc9/sdk/testing";
import { eventually, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { PlayerFactory, whenRouted, type PlayerInWorld } from "./support/players.js";
import { echoes, Worldservers } from "./support/worldservers.js";

/** Players are put on this many of the first worldserver's maps (one each). */
const MAPS_WITH_PLAYERS = 30;

describe("gateway: maps reassigned while players are on them", () => {
  let realm: GatewayRealm;
  let factory: PlayerFactory;
  let worldservers: Worldservers;

  /** A new every-map worldserver following the node's bus (it confirms maps it gains, hands over maps it loses). */
  const joinCluster = (): Promise<WorldSimulator> => worldservers.start("", { bus: realm.node.bus });
  const hostOf = (guid: bigint): WorldSimulator | undefined => worldservers.hostsOf(guid)[0];
  const ownerOf = async (map: number): Promise<string | undefined> =>
    (await realm.node.use(ServersRegistryService).availableGameServersForMapAndRealm({ realmID: 1, mapID: map, groupID: 0 })).gameServers[0]?.address;

  before(async () => {
    realm = await startGatewayRealm({});
    factory = new PlayerFactory(realm);
    worldservers = new Worldservers(realm);
  });
  after(async () => {
    factory.closeAll();
    await worldservers.stopAll();
    await realm.stop();
  });

  it("moves the players of every map a joining worldserver takes over, none disconnected", async () => {
    const first = await joinCluster();
    const maps = first.assignedMaps.filter((map) => map > 1).slice(0, MAPS_WITH_PLAYERS);
    assert.equal(maps.length, MAPS_WITH_PLAYERS, "the first joiner owns enough maps");
    for (const map of maps) await whenRouted(realm, map, first.gameAddress);
    const players = new Map<number, PlayerInWorld>();
    for (const map of maps) {
      const [player = assert.fail(`no player on map ${map}`)] = await factory.inWorld({ map, count: 1 });
      players.set(map, player);
    }
    assert.ok([...players.values()].every(({ guid }) => hostOf(guid) === first));

    const before = new Set(first.assignedMaps);
    await joinCluster();
    await eventually("the first joiner gave maps up", async () => (first.assignedMaps.length < before.size ? true : undefined));
    const lost = maps.filter((map) => !first.assignedMaps.includes(map));
    assert.ok(lost.length > 0, "a share of the maps with players moved away from the first joiner");

    for (const map of lost) {
      const { guid } = players.get(map) ?? assert.fail(`no player on map ${map}`);
      await eventually(`the player of map ${map} on the map's new owner`, async () => {
        const host = hostOf(guid);
        return host !== undefined && host !== first && host.gameAddress === (await ownerOf(map)) ? true : undefined;
      });
    }
    for (const map of maps.filter((kept) => !lost.includes(kept))) {
      assert.equal(hostOf(players.get(map)?.guid ?? 0n), first, `the player of map ${map}, which stayed, was not moved`);
    }
    for (const { client, guid } of players.values()) {
      assert.ok(client.connected, "no client was disconnected");
      await echoes(client, guid, "still here");
    }
    assert.ok((await realm.metric("tc9_gateway_redirects_total", "gateway", { result: "ok" })) >= lost.length);
  });
});

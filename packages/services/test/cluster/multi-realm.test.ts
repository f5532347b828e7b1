// Two realms and a crossrealm pool in one cluster: realms 1 and 2, each with its own characters
// database, gateway and worldservers (an every-map one and one owning Kalimdor), plus a crossrealm
// worldserver registered as ToCloud9's sidecar registers one (realm 0, isCrossRealm). Players log in
// through their realm's gateway and stay on their realm's worldservers, map changes are redirected
// within the realm, GUID counters are per realm (the same low GUID lives in both), and the registry
// keeps the crossrealm pool out of the realms' listings. Real MariaDB, registry, auth, characters,
// guid and gateway modules, simulators, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GuidService, GuidType, ServersRegistryService } from "@tc9/sdk/contracts";
import { Opcode, ResponseCode, serverChatMessageCodec } from "@tc9/sdk/wow";
import { startWorldSimulator, type WorldSimulator } from "@tc9/sdk/testing";
import { eventually, startGatewayRealm, type GatewayRealm, type RealmPart } from "../gateway/support/gateway-realm.js";
import { PlayerFactory, whenRouted, type PlayerInWorld } from "../gateway/support/players.js";

const KALIMDOR = 1;
const EASTERN_KINGDOMS = 0;
const REPLY_TIMEOUT_MS = 10_000;
const REALM_IDS = [1, 2] as const;

describe("cluster: two realms and a crossrealm pool", () => {
  let cluster: GatewayRealm;
  let crossrealm: WorldSimulator;
  /** Each realm's Kalimdor owner. */
  const kalimdorOf = new Map<number, WorldSimulator>();
  const factories = new Map<number, PlayerFactory>();

  const part = (realmId: number): RealmPart => cluster.realms.get(realmId) ?? assert.fail(`realm ${realmId} is not in the cluster`);
  const factory = (realmId: number): PlayerFactory => factories.get(realmId) ?? assert.fail(`no players for realm ${realmId}`);
  const registry = () => cluster.node.use(ServersRegistryService);

  /** Every simulator of the cluster, with the realm it serves (0 = the crossrealm pool). */
  function simulators(): Array<{ realmId: number; sim: WorldSimulator }> {
    return [
      ...REALM_IDS.flatMap((realmId) => [part(realmId).simulator, kalimdorOf.get(realmId)].filter((sim) => sim !== undefined).map((sim) => ({ realmId, sim }))),
      { realmId: 0, sim: crossrealm },
    ];
  }

  /** Where the account's character is in the world: the simulators that have it (by account, as both realms use the same GUIDs). */
  function hostsOf(player: PlayerInWorld): Array<{ realmId: number; sim: WorldSimulator }> {
    const account = player.username.toUpperCase();
    return simulators().filter(({ sim }) =>
      sim.sessions().some((session) => session.state === "in-world" && session.account?.toUpperCase() === account && session.character?.guid === player.guid),
    );
  }

  before(async () => {
    cluster = await startGatewayRealm({ moreRealms: [{ id: 2, gateway: "gateway-2" }] });
    for (const realmId of REALM_IDS) {
      const kalimdor = await startWorldSimulator({
        realmId, registry: registry(), charactersDb: part(realmId).characters, availableMaps: String(KALIMDOR), tickMs: 10,
      });
      kalimdorOf.set(realmId, kalimdor);
      factories.set(realmId, new PlayerFactory(cluster, realmId));
    }
    crossrealm = await startWorldSimulator({ realmId: 1, isCrossRealm: true, registry: registry(), tickMs: 10 });
    for (const realmId of REALM_IDS) await whenRouted(cluster, KALIMDOR, kalimdorOf.get(realmId)?.gameAddress ?? "", realmId);
  });

  after(async () => {
    for (const players of factories.values()) players.closeAll();
    for (const sim of kalimdorOf.values()) await sim.stop();
    await crossrealm?.stop();
    await cluster?.stop();
  });

  it("lists each realm's own gateway and keeps each realm's players on that realm's worldservers", async () => {
    const players = new Map<number, PlayerInWorld[]>();
    for (const realmId of REALM_IDS) players.set(realmId, await factory(realmId).inWorld({ map: EASTERN_KINGDOMS, count: 3, timeoutMs: REPLY_TIMEOUT_MS }));
    for (const realmId of REALM_IDS) {
      const [gateway = assert.fail("no gateway")] = part(realmId).gateways;
      for (const player of players.get(realmId) ?? []) {
        const listed = player.client.realms().find((entry) => entry.id === realmId);
        assert.equal(listed?.address, `127.0.0.1:${gateway.port}`, `realm ${realmId} is reached through its own gateway`);
        assert.deepEqual(
          hostsOf(player).map(({ realmId: served, sim }) => [served, sim.gameAddress]),
          [[realmId, part(realmId).simulator.gameAddress]],
          `${player.username} is on its realm's every-map worldserver only`,
        );
      }
    }
    assert.deepEqual(
      players.get(1)?.map((player) => player.guid),
      players.get(2)?.map((player) => player.guid),
      "both realms hold characters with the same low GUIDs, online at the same time",
    );
    for (const realmId of REALM_IDS) {
      const online = await part(realmId).characters.queryRows<{ guid: number }>("SELECT guid FROM characters WHERE online = 1 ORDER BY guid");
      assert.deepEqual(online.map((row) => BigInt(row.guid)), players.get(realmId)?.map((player) => player.guid));
    }
    assert.equal(crossrealm.sessions().length, 0, "no realm sent a player to the crossrealm pool");
  });

  it("redirects a `.go xyz` to a map another worldserver owns within the player's realm", async () => {
    for (const realmId of REALM_IDS) {
      const [player = assert.fail("no player")] = await factory(realmId).inWorld({ map: EASTERN_KINGDOMS, count: 1, timeoutMs: REPLY_TIMEOUT_MS });
      let newWorlds = 0;
      const redirected = player.client.waitFor(Opcode.SMSG_NEW_WORLD, () => (newWorlds += 1) === 2, REPLY_TIMEOUT_MS);
      await player.client.teleport(-618.5, -4251.5, 38.5, KALIMDOR);
      await redirected;
      const kalimdor = kalimdorOf.get(realmId) ?? assert.fail("no kalimdor owner");
      await eventually(`realm ${realmId}'s player on its realm's Kalimdor owner only`, () => {
        const hosts = hostsOf(player);
        return hosts.length === 1 && hosts[0]?.sim === kalimdor ? true : undefined;
      });
      assert.ok(player.client.connected, "the client stayed connected");
      const heard = player.client.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => serverChatMessageCodec.decode(message.payload).senderGuid === player.guid);
      player.client.say(`realm ${realmId} on Kalimdor`);
      await heard;
    }
    assert.equal(crossrealm.sessions().length, 0, "no redirect went to the crossrealm pool");
  });

  it("draws character GUIDs per realm: a reservation in realm 1 leaves realm 2's counter alone", async () => {
    const reserved = await cluster.node.use(GuidService).getGUIDPool({ realmID: 1, guidType: GuidType.Character, desiredPoolSize: 50n });
    const lastReserved = reserved.receiverGUID.at(-1)?.end ?? assert.fail("nothing reserved");
    const created = new Map<number, bigint>();
    for (const realmId of REALM_IDS) {
      const username = `crossguid${realmId}`;
      await cluster.addAccount(username, "secret");
      const client = cluster.client(username, "secret", REPLY_TIMEOUT_MS);
      try {
        await client.logon();
        await client.connectWorld(client.realms().find((entry) => entry.id === realmId) ?? assert.fail(`realm ${realmId} is not listed`));
        assert.equal(await client.createCharacter({ name: "Twinname" }), ResponseCode.CHAR_CREATE_SUCCESS, `the name is free in realm ${realmId}`);
        const [character = assert.fail("the new character is not listed")] = await client.characters();
        created.set(realmId, character.guid);
      } finally {
        client.close();
      }
    }
    const [inRealm1 = assert.fail("none in realm 1"), inRealm2 = assert.fail("none in realm 2")] = REALM_IDS.map((realmId) => created.get(realmId));
    assert.ok(inRealm1 > lastReserved, "realm 1's character skips what realm 1 reserved");
    assert.ok(inRealm2 <= lastReserved, "realm 2's counter did not move with realm 1's reservation");
  });

  it("keeps the crossrealm worldserver in its own pool in the registry", async () => {
    for (const realmId of REALM_IDS) {
      const pool = await registry().listGameServersForRealm({ realmID: realmId, isCrossRealm: true });
      assert.deepEqual(
        pool.gameServers.map((server) => [server.address, server.realmID, server.isCrossRealm]),
        [[crossrealm.gameAddress, 0, true]],
        `realm ${realmId}'s crossrealm listing is the crossrealm pool`,
      );
      const own = await registry().listGameServersForRealm({ realmID: realmId, isCrossRealm: false });
      assert.deepEqual(
        own.gameServers.map((server) => server.address).sort(),
        [part(realmId).simulator.gameAddress, kalimdorOf.get(realmId)?.gameAddress].sort(),
        `realm ${realmId} lists its own worldservers only`,
      );
      for (const map of [EASTERN_KINGDOMS, KALIMDOR]) {
        const { gameServers } = await registry().availableGameServersForMapAndRealm({ realmID: realmId, mapID: map, groupID: 0 });
        assert.ok(gameServers.length > 0 && gameServers.every((server) => server.address !== crossrealm.gameAddress), `realm ${realmId} map ${map} is not routed to the crossrealm pool`);
      }
    }
    const { gameServers } = await registry().availableGameServersForMapAndRealm({ realmID: 0, mapID: EASTERN_KINGDOMS, isCrossRealm: true, groupID: 0 });
    assert.deepEqual(gameServers.map((server) => server.address), [crossrealm.gameAddress]);
  });
});

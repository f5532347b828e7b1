// Characters moving between worldservers without leaving the client: a `.go xyz` to a map another
// simulator owns (seamless redirect), a redirect target that dies in the middle of the login, a
// map taken away from a worldserver (unsolicited TC9_SMSG_READY_FOR_REDIRECT), a worldserver
// that crashes with 100 players on it (failover), and one whose world loop stalls (its players
// stay, new logins go elsewhere). Real MariaDB, registry, characters and guid modules, several
// simulators, headless clients.
import assert from "node:assert/strict";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type AddressInfo, type Server } from "node:net";
import { after, before, describe, it } from "node:test";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { characterLoginFailedCodec, LoginFailureReason, Opcode } from "@tc9/sdk/wow";
import type { WorldSimulator } from "@tc9/sdk/testing";
import { eventually, noSessionsLeft, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { PlayerFactory, whenRouted } from "./support/players.js";
import { echoes, Worldservers } from "./support/worldservers.js";

const KALIMDOR = 1;
const OUTLAND = 530;
const NORTHREND = 571;
const REPLY_TIMEOUT_MS = 20_000;


describe("gateway: map changes, crashes and stalls", () => {
  let realm: GatewayRealm;
  let fakeHealth: HttpServer;
  let worldservers: Worldservers;
  let factory: PlayerFactory;

  /** Waits until the registry routes `map` to `sim`. */
  function routed(map: number, sim: WorldSimulator): Promise<void> {
    return whenRouted(realm, map, sim.gameAddress);
  }

  /** The simulator that has `guid` in its world, if any. */
  function hostOf(guid: bigint): WorldSimulator | undefined {
    return worldservers.hostsOf(guid)[0];
  }

  before(async () => {
    realm = await startGatewayRealm({ gatewayOptions: { failover: { firstDelayMs: 50, tries: 3, intervalMs: 250 }, redirectTimeoutMs: 2_000 } });
    factory = new PlayerFactory(realm);
    worldservers = new Worldservers(realm);
    fakeHealth = createHttpServer((_request, response) => response.writeHead(200).end('{"status":"OK"}'));
    await new Promise<void>((resolve) => fakeHealth.listen(0, "127.0.0.1", resolve));
  });

  after(async () => {
    factory?.closeAll();
    await worldservers?.stopAll();
    fakeHealth?.closeAllConnections();
    await new Promise((resolve) => fakeHealth?.close(resolve));
    await realm?.stop();
  });

  it("moves a character to the worldserver of its new map without disconnecting, position and money intact", async () => {
    const kalimdor = await worldservers.ownerOf(KALIMDOR);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 0, count: 1, money: 12_345 });
    const { client, guid } = player;
    assert.equal(hostOf(guid), realm.simulator);
    let newWorlds = 0;
    const replayed = client.waitFor(Opcode.SMSG_NEW_WORLD, () => (newWorlds += 1) === 2, REPLY_TIMEOUT_MS);
    await client.teleport(-618.5, -4251.5, 38.5, KALIMDOR);
    await replayed;
    await eventually("the character on kalimdor's simulator only", () =>
      hostOf(guid) === kalimdor && realm.simulator.sessions().every((session) => session.character?.guid !== guid) ? true : undefined,
    );
    assert.ok(client.connected, "the client stayed connected");
    assert.deepEqual(client.player?.location.map, KALIMDOR);
    const there = kalimdor.sessions().find((session) => session.character?.guid === guid)?.character;
    assert.deepEqual([there?.map, there?.position.x, there?.position.y, there?.position.z], [KALIMDOR, -618.5, -4251.5, 38.5]);
    await echoes(client, guid, "made it");
    await client.logout();
    const row = await realm.characters.queryOne<{ map: number; money: number; level: number; health: number; online: number }>(
      "SELECT map, money, level, health, online FROM characters WHERE guid = ?",
      [guid],
    );
    assert.deepEqual({ ...row }, { map: KALIMDOR, money: 12_345, level: 7, health: 222, online: 0 });
    assert.equal(await realm.metric("tc9_gateway_redirects_total", "gateway", { result: "ok" }), 1);
  });

  it("places the character on a live worldserver when the redirect target dies in the middle of the login", async () => {
    const outpost = await worldservers.ownerOf(NORTHREND);
    let dialed = 0;
    const dying: Server = createServer((socket) => {
      dialed += 1;
      socket.once("data", () => socket.destroy());
    });
    await new Promise<void>((resolve) => dying.listen(0, "127.0.0.1", resolve));
    try {
      await realm.node.use(ServersRegistryService).registerGameServer({
        gamePort: (dying.address() as AddressInfo).port, healthPort: (fakeHealth.address() as AddressInfo).port, grpcPort: 1, realmID: 1,
        availableMaps: String(OUTLAND), preferredHostName: "127.0.0.1",
      });
      const dyingAddress = `127.0.0.1:${(dying.address() as AddressInfo).port}`;
      await whenRouted(realm, OUTLAND, dyingAddress);
      const [player = assert.fail("no player")] = await factory.inWorld({ map: NORTHREND, count: 1 });
      const { client, guid } = player;
      assert.equal(hostOf(guid), outpost);
      let newWorlds = 0;
      const replayed = client.waitFor(Opcode.SMSG_NEW_WORLD, () => (newWorlds += 1) === 2, REPLY_TIMEOUT_MS);
      await client.teleport(-248, 922, 190, OUTLAND);
      await replayed;
      assert.equal(dialed, 1, "the registry's choice was tried first");
      assert.equal(hostOf(guid), realm.simulator, "the every-map simulator took it");
      assert.ok(outpost.sessions().every((session) => session.character?.guid !== guid), "the old worldserver let it go");
      assert.ok(client.connected, "the client stayed connected");
      await echoes(client, guid, "still here");
      assert.equal(await realm.metric("tc9_gateway_redirects_total", "gateway", { result: "ok" }), 2);
    } finally {
      await new Promise((resolve) => dying.close(resolve));
    }
  });

  it("follows an unsolicited TC9_SMSG_READY_FOR_REDIRECT to another worldserver", async () => {
    const owner = await worldservers.ownerOf(37);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 37, count: 1, money: 500 });
    const { client, guid } = player;
    assert.equal(hostOf(guid), owner);
    const moved = client.waitFor(Opcode.SMSG_NEW_WORLD, undefined, REPLY_TIMEOUT_MS);
    await owner.handOverMap(37);
    assert.equal((await moved).opcode, Opcode.SMSG_NEW_WORLD);
    await eventually("the character on the every-map simulator", () => (hostOf(guid) === realm.simulator ? true : undefined));
    assert.ok(owner.sessions().every((session) => session.character?.guid !== guid), "the old worldserver let it go");
    assert.ok(client.connected);
    await echoes(client, guid, "moved along");
  });

  it("re-places all 100 players of a crashed worldserver on another one, none disconnected", async () => {
    const doomed = await worldservers.ownerOf(36);
    const players = await factory.inWorld({ map: 36, count: 100 });
    assert.ok(players.every(({ guid }) => hostOf(guid) === doomed));
    const failoversBefore = await realm.metric("tc9_gateway_failovers_total", "gateway", { result: "ok" });
    const replaced = players.map(({ client }) => client.waitFor(Opcode.SMSG_NEW_WORLD, undefined, REPLY_TIMEOUT_MS));
    await doomed.die();
    await Promise.all(replaced);
    await eventually("every player on the every-map simulator", () =>
      players.every(({ guid }) => realm.simulator.sessions().some((session) => session.state === "in-world" && session.character?.guid === guid)) ? true : undefined,
    );
    assert.ok(players.every(({ client }) => client.connected), "no client was disconnected");
    assert.equal(await realm.metric("tc9_gateway_failovers_total", "gateway", { result: "ok" }) - failoversBefore, 100);
    const [first = assert.fail("no player")] = players;
    await echoes(first.client, first.guid, "survived");
  });

  it("keeps the players of a stalled worldserver, sends new logins elsewhere, and serves them again once it recovers", async () => {
    const slow = await worldservers.start("35", { worldDeadlineMs: 300 });
    await routed(35, slow);
    const players = await factory.inWorld({ map: 35, count: 3 });
    slow.stallWorldLoop("forever");
    try {
      await routed(35, realm.simulator);
      const [newcomer = assert.fail("no newcomer")] = await factory.inWorld({ map: 35, count: 1 });
      assert.equal(hostOf(newcomer.guid), realm.simulator, "the new login went to a healthy worldserver");
      assert.ok(players.every(({ client, guid }) => client.connected && hostOf(guid) === slow), "the stalled worldserver's players stayed");
    } finally {
      slow.resume();
    }
    await routed(35, slow);
    const [first = assert.fail("no player")] = players;
    await echoes(first.client, first.guid, "back in business");
    assert.ok(players.every(({ client }) => client.connected));
  });

  // Last: it closes the earlier clients and stops the realm's every-map simulator.
  it("sends the client back to the character screen, still connected, when no worldserver can take the character", async () => {
    factory.closeAll();
    await noSessionsLeft(realm);
    const lonely = await worldservers.ownerOf(34);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 34, count: 1 });
    const { client, guid } = player;
    await realm.simulator.stop();
    const failed = client.waitFor(Opcode.SMSG_CHARACTER_LOGIN_FAILED, undefined, REPLY_TIMEOUT_MS);
    const failedBefore = await realm.metric("tc9_gateway_failovers_total", "gateway", { result: "failed" });
    await lonely.die();
    assert.deepEqual(characterLoginFailedCodec.decode((await failed).payload), { result: LoginFailureReason.NO_WORLD });
    assert.ok(client.connected, "the client stayed connected");
    assert.deepEqual((await client.characters()).map((character) => character.guid), [guid]);
    assert.equal(await realm.metric("tc9_gateway_failovers_total", "gateway", { result: "failed" }) - failedBefore, 1);
    const saved = await realm.characters.queryOne<{ map: number; online: number }>("SELECT map, online FROM characters WHERE guid = ?", [guid]);
    assert.equal(saved?.map, 34, "the last known position was saved");
    assert.equal(saved?.online, 0, "the character is on no worldserver, so it is not online (the dead one left it online)");
  });
});

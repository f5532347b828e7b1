// Map changes the old or the new worldserver does not go along with: the old one answers
// TC9_SMSG_READY_FOR_REDIRECT with FAILED, or never answers, so the character stays where it is;
// every worldserver that could take the character refuses its login, so it returns to the one it
// left. The client stays connected throughout and the redirect counts as failed. Real MariaDB,
// registry, characters and guid modules, simulators with injected faults, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { characterLoginFailedCodec, LoginFailureReason, Opcode } from "@tc9/sdk/wow";
import type { SimulatorFaults, WorldSimulator } from "@tc9/sdk/testing";
import { eventually, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { PlayerFactory, type PlayerInWorld } from "./support/players.js";
import { echoes, Worldservers } from "./support/worldservers.js";

const REPLY_TIMEOUT_MS = 10_000;
const REDIRECT_TIMEOUT_MS = 400;

describe("gateway: map changes the worldservers refuse", () => {
  let realm: GatewayRealm;
  let factory: PlayerFactory;
  let worldservers: Worldservers;

  before(async () => {
    realm = await startGatewayRealm({ gatewayOptions: { redirectTimeoutMs: REDIRECT_TIMEOUT_MS } });
    factory = new PlayerFactory(realm);
    worldservers = new Worldservers(realm);
  });

  after(async () => {
    factory?.closeAll();
    await worldservers?.stopAll();
    await realm?.stop();
  });

  function failedRedirects(): Promise<number> {
    return realm.metric("tc9_gateway_redirects_total", "gateway", { result: "failed" });
  }

  /** A player on `from`'s map whose `.go xyz` to `to`'s map is refused by `from` with `fault`; resolves once the redirect counted as failed. */
  async function refusedByTheOldServer(fromMap: number, toMap: number, fault: SimulatorFaults["prepareForRedirect"]): Promise<{ player: PlayerInWorld; from: WorldSimulator; to: WorldSimulator }> {
    const [from, to] = [await worldservers.ownerOf(fromMap), await worldservers.ownerOf(toMap)];
    const [player = assert.fail("no player")] = await factory.inWorld({ map: fromMap, count: 1 });
    assert.deepEqual(worldservers.hostsOf(player.guid), [from]);
    from.injectFaults({ prepareForRedirect: fault });
    const failedBefore = await failedRedirects();
    await player.client.teleport(100, 200, 30, toMap);
    await eventually("the redirect to count as failed", async () => ((await failedRedirects()) === failedBefore + 1 ? true : undefined));
    return { player, from, to };
  }

  it("keeps the character on the old worldserver when it answers TC9_SMSG_READY_FOR_REDIRECT with FAILED", async () => {
    const { player, from, to } = await refusedByTheOldServer(30, 31, "fail");
    const { client, guid } = player;
    assert.deepEqual(worldservers.hostsOf(guid), [from], "the character stayed on the old worldserver");
    assert.equal(to.sessions().length, 0, "the map's owner was never dialled");
    assert.ok(client.connected, "the client stayed connected");
    await echoes(client, guid, "still on the old one");
    assert.equal(await realm.metric("tc9_gateway_redirects_total", "gateway", { result: "ok" }), 0);
  });

  it("keeps the character on the old worldserver when it never answers TC9_CMSG_PREPARE_FOR_REDIRECT", async () => {
    const { player, from, to } = await refusedByTheOldServer(32, 33, "ignore");
    const { client, guid } = player;
    assert.deepEqual(worldservers.hostsOf(guid), [from], "the character stayed on the old worldserver");
    assert.equal(to.sessions().length, 0, "the map's owner was never dialled");
    assert.ok(client.connected, "the client stayed connected");
    await echoes(client, guid, "nobody answered");
  });

  it("returns the character to the old worldserver when every other one refuses its login", async () => {
    const from = await worldservers.ownerOf(34);
    const to = await worldservers.ownerOf(35);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 34, count: 1 });
    const { client, guid } = player;
    assert.deepEqual(worldservers.hostsOf(guid), [from]);
    to.injectFaults({ playerLogin: "refuse" });
    realm.simulator.injectFaults({ playerLogin: "refuse" });
    try {
      const failedBefore = await failedRedirects();
      let newWorlds = 0;
      const returned = client.waitFor(Opcode.SMSG_NEW_WORLD, () => (newWorlds += 1) === 2, REPLY_TIMEOUT_MS);
      await client.teleport(100, 200, 30, 35);
      await returned;
      await eventually("the character back on the old worldserver", () => (worldservers.hostsOf(guid).length === 1 && worldservers.hostsOf(guid)[0] === from ? true : undefined));
      assert.equal(await failedRedirects(), failedBefore + 1);
      assert.ok(client.connected, "the client stayed connected");
      assert.equal(client.player?.location.map, 35, "the old worldserver loaded the position saved for the redirect");
      await echoes(client, guid, "back home");
    } finally {
      realm.simulator.injectFaults({});
    }
  });

  it("sends the client to the character screen, still connected, when not even the old worldserver takes the character back", async () => {
    const from = await worldservers.ownerOf(36);
    const to = await worldservers.ownerOf(37);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 36, count: 1 });
    const { client, guid } = player;
    for (const sim of [from, to, realm.simulator]) sim.injectFaults({ playerLogin: "refuse" });
    try {
      const failedBefore = await failedRedirects();
      const failed = client.waitFor(Opcode.SMSG_CHARACTER_LOGIN_FAILED, undefined, REPLY_TIMEOUT_MS);
      await client.teleport(100, 200, 30, 37);
      assert.deepEqual(characterLoginFailedCodec.decode((await failed).payload), { result: LoginFailureReason.NO_WORLD });
      assert.deepEqual(worldservers.hostsOf(guid), [], "no worldserver has the character");
      assert.ok(client.connected, "the client stayed connected");
      assert.equal(await failedRedirects(), failedBefore + 1);
      assert.deepEqual((await client.characters()).map((character) => character.guid), [guid]);
      const saved = await realm.characters.queryOne<{ map: number; online: number }>("SELECT map, online FROM characters WHERE guid = ?", [guid]);
      assert.equal(saved?.map, 37, "the old worldserver saved the character on its new map before letting it go");
      assert.equal(saved?.online, 0, "the character is on no worldserver, so it is not online (the old one saved it online for the hand-over)");
    } finally {
      realm.simulator.injectFaults({});
    }
  });
});

// A client that disconnects while its character moves between worldservers, after the worldserver
// it leaves let the character go (saved online for the hand-over, or died) and before the next one
// logged it in: the gateway saves the character offline and logs it in nowhere. The gateway waits
// `worldLoginDelayMs` between the replayed CMSG_AUTH_SESSION and CMSG_PLAYER_LOGIN, long here, so
// the client closes while the next worldserver's session is authenticated and has no player yet.
// Real MariaDB, registry, characters and guid modules, simulators, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { WorldSimulator } from "@tc9/sdk/testing";
import { eventually, noSessionsLeft, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { PlayerFactory, type PlayerInWorld } from "./support/players.js";
import { Worldservers } from "./support/worldservers.js";

const LOGIN_DELAY_MS = 1_500;

describe("gateway: a client that leaves in the middle of a move", () => {
  let realm: GatewayRealm;
  let factory: PlayerFactory;
  let worldservers: Worldservers;

  before(async () => {
    realm = await startGatewayRealm({
      gatewayOptions: { worldLoginDelayMs: LOGIN_DELAY_MS, failover: { firstDelayMs: 20, tries: 1, intervalMs: 20 } },
    });
    factory = new PlayerFactory(realm);
    worldservers = new Worldservers(realm);
  });

  after(async () => {
    factory?.closeAll();
    await worldservers?.stopAll();
    await realm?.stop();
  });

  async function online(guid: bigint): Promise<number | undefined> {
    return (await realm.characters.queryOne<{ online: number }>("SELECT online FROM characters WHERE guid = ?", [guid]))?.online;
  }

  /**
   * Closes the player's client once `next` has authenticated the gateway's link for it (the login
   * is under way, the character is on no worldserver), then waits for the gateway to let go.
   */
  async function leaveWhileLoggingIn({ client, username }: PlayerInWorld, next: WorldSimulator): Promise<void> {
    const ofPlayer = (account: string | undefined): boolean => account?.toUpperCase() === username.toUpperCase();
    await eventually("the next worldserver to authenticate the moving character's link", () =>
      next.sessions().some((session) => session.state === "authed" && ofPlayer(session.account)) ? true : undefined,
    );
    client.close();
    await noSessionsLeft(realm);
    assert.ok(next.sessions().every((session) => session.state === "closed" || !ofPlayer(session.account)), "the login under way was abandoned");
  }

  it("saves the character offline when its client leaves after the old worldserver released it for a map change", async () => {
    const to = await worldservers.ownerOf(40);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 0, count: 1 });
    const { client, guid } = player;
    assert.deepEqual(worldservers.hostsOf(guid), [realm.simulator]);
    client.say(".go xyz 100 200 30 40");
    await leaveWhileLoggingIn(player, to);
    assert.equal(await eventually("online = 0", async () => ((await online(guid)) === 0 ? 0 : undefined)), 0);
    assert.deepEqual(worldservers.hostsOf(guid), [], "no worldserver has the character");
  });

  it("saves the character offline and logs it in nowhere when its client leaves during a failover", async () => {
    const doomed = await worldservers.ownerOf(41);
    const [player = assert.fail("no player")] = await factory.inWorld({ map: 41, count: 1 });
    const { guid } = player;
    assert.deepEqual(worldservers.hostsOf(guid), [doomed]);
    assert.equal(await online(guid), 1);
    await doomed.die();
    await leaveWhileLoggingIn(player, realm.simulator);
    assert.equal(await eventually("online = 0", async () => ((await online(guid)) === 0 ? 0 : undefined)), 0);
    assert.deepEqual(worldservers.hostsOf(guid), [], "no worldserver has the character");
    assert.equal(await realm.metric("tc9_gateway_failovers_total", "gateway", { result: "ok" }), 0, "the failover was not completed");
  });
});

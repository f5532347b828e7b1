// The player's path through a real realm: logon, realm list at a gateway, character screen,
// world, chat, teleports, logout and login again at the saved position; two gateways in front of
// one worldserver simulator. Real MariaDB, the local bus, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gatewayCharacterLoggedIn, gatewayCharacterLoggedOut, gatewayCharactersUpdates, type EventPayload } from "@tc9/sdk";
import { CharactersService, ServersRegistryService } from "@tc9/sdk/contracts";
import {
  accountDataTimesCodec,
  ChatMsg,
  Language,
  Opcode,
  pingCodec,
  pongCodec,
  readyForAccountDataTimesCodec,
  RealmFlag,
  realmSplitCodec,
  realmSplitRequestCodec,
  ResponseCode,
  serverChatMessageCodec,
} from "@tc9/sdk/wow";
import type { HeadlessClient } from "@tc9/sdk/testing";
import { EventRecorder } from "../registry/helpers/event-recorder.js";
import { eventually, noSessionsLeft, startGatewayRealm, STARTS, type GatewayRealm } from "./support/gateway-realm.js";

type LoggedIn = EventPayload<typeof gatewayCharacterLoggedIn>;
type LoggedOut = EventPayload<typeof gatewayCharacterLoggedOut>;
type Updates = EventPayload<typeof gatewayCharactersUpdates>;

const human = STARTS[0] ?? assert.fail("no human start");

describe("gateway: the player's path", () => {
  let realm: GatewayRealm;
  let loggedIn: EventRecorder<LoggedIn>;
  let loggedOut: EventRecorder<LoggedOut>;
  let updates: EventRecorder<Updates>;
  const clients: HeadlessClient[] = [];

  async function ready(username: string, gateway?: string): Promise<HeadlessClient> {
    await realm.addAccount(username, "secret");
    const client = realm.client(username, "secret");
    clients.push(client);
    await client.logon();
    const port = realm.gateways.find((candidate) => candidate.name === gateway)?.port;
    await client.connectWorld(port === undefined ? (client.realms()[0] ?? assert.fail("no realm")) : { address: `127.0.0.1:${port}`, id: 1 });
    return client;
  }

  before(async () => {
    realm = await startGatewayRealm({ gateways: ["gateway", "gateway-b"] });
    loggedIn = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedIn);
    loggedOut = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedOut);
    updates = await EventRecorder.on(realm.node.bus, gatewayCharactersUpdates);
  });

  after(async () => {
    for (const client of clients) client.close();
    await realm?.stop();
  });

  it("lists the realm at a registered gateway, whose health port answers the registry's probes", async () => {
    await realm.addAccount("ivan", "secret");
    const client = realm.client("ivan", "secret");
    clients.push(client);
    const { realms } = await client.logon();
    const [entry] = realms;
    assert.equal(entry?.id, 1);
    assert.equal((entry?.flags ?? RealmFlag.OFFLINE) & RealmFlag.OFFLINE, 0, "the realm is online");
    assert.ok(realm.gateways.some((gateway) => entry?.address === `127.0.0.1:${gateway.port}`), `realm address ${entry?.address}`);
    const health = await fetch(`http://127.0.0.1:${realm.gateways[0]?.healthPort}/healthcheck`);
    assert.deepEqual([health.status, await health.json()], [200, { status: "OK" }]);
    const listed = await realm.node.use(ServersRegistryService).listGatewaysForRealm({ realmID: 1 });
    assert.deepEqual(listed.gateways.map((gateway) => gateway.id).sort(), realm.gateways.map((gateway) => gateway.gatewayId).sort());
  });

  it("creates a character, enters the world, chats, teleports, logs out and comes back at the saved position", async () => {
    const client = await ready("alice");
    const accountId = Number((await realm.auth.queryOne<{ id: number }>("SELECT id FROM account WHERE username = 'ALICE'"))?.id);
    assert.deepEqual(await client.characters(), []);
    assert.equal(await client.createCharacter({ name: "alicia" }), ResponseCode.CHAR_CREATE_SUCCESS);
    const [alicia] = await client.characters();
    assert.ok(alicia);
    assert.deepEqual([alicia.name, alicia.level, alicia.map, alicia.firstLogin], ["Alicia", 1, 0, true]);

    const split = client.waitFor(Opcode.SMSG_REALM_SPLIT);
    client.send(realmSplitRequestCodec, { realmId: 0xffffffff });
    assert.deepEqual(realmSplitCodec.decode((await split).payload), { realmId: 0xffffffff, state: 0, splitDate: "01/01/01" });
    const times = client.waitFor(Opcode.SMSG_ACCOUNT_DATA_TIMES);
    client.send(readyForAccountDataTimesCodec, {});
    assert.deepEqual(accountDataTimesCodec.decode((await times).payload).times, [0, 0, 0]);
    const localPong = client.waitFor(Opcode.SMSG_PONG);
    client.send(pingCodec, { sequence: 7, latency: 0 });
    assert.deepEqual(pongCodec.decode((await localPong).payload), { sequence: 7 });

    const arrival = await client.enterWorld(alicia.guid);
    assert.deepEqual([arrival.map, arrival.position.x], [0, Math.fround(human.x)]);
    const login = await loggedIn.next((event) => event.CharGUID === alicia.guid);
    assert.deepEqual(
      [login.CharName, login.AccountID, login.CharRace, login.CharLevel, login.CharMap, login.RealmID],
      ["Alicia", accountId, 1, 1, 0, 1],
    );
    assert.ok(realm.gateways.some((gateway) => gateway.gatewayId === login.GatewayID));
    const characters = realm.node.use(CharactersService);
    await eventually("the characters service to see Alicia online", async () =>
      (await characters.characterByGUID({ realmID: 1, characterGUID: alicia.guid })).character?.isOnline ? true : undefined,
    );

    const heard = client.waitFor(Opcode.SMSG_MESSAGECHAT);
    client.say("hello Goldshire");
    const chat = serverChatMessageCodec.decode((await heard).payload);
    assert.deepEqual([chat.type, chat.language, chat.senderGuid, chat.message], [ChatMsg.SAY, Language.COMMON, alicia.guid, "hello Goldshire"]);
    const worldPong = client.waitFor(Opcode.SMSG_PONG);
    client.send(pingCodec, { sequence: 8, latency: 3 });
    assert.deepEqual(pongCodec.decode((await worldPong).payload), { sequence: 8 });

    const near = await client.teleport(-8900.5, -100.25, 82.5);
    assert.deepEqual([near.map, near.position], [0, { x: -8900.5, y: -100.25, z: 82.5 }]);
    const far = await client.teleport(-600.5, -4200.5, 40.5, 1);
    assert.equal(far.map, 1);
    await updates.next((event) => event.Updates.some((update) => update.ID === alicia.guid && update.Map === 1));
    const inWorld = realm.gateways.map((gateway) => Number(realm.node.moduleInfo(gateway.name)?.["charactersInWorld"]));
    assert.deepEqual(inWorld.sort(), [0, 1]);

    await client.logout();
    await loggedOut.next((event) => event.CharGUID === alicia.guid && event.AccountID === accountId);
    const [saved] = await client.characters();
    assert.deepEqual([saved?.map, saved?.position], [1, { x: -600.5, y: -4200.5, z: 40.5 }]);
    const again = await client.enterWorld(alicia.guid);
    assert.deepEqual([again.map, again.position], [1, { x: -600.5, y: -4200.5, z: 40.5 }]);
    assert.equal(loggedIn.received.filter((event) => event.CharGUID === alicia.guid).length, 2);

    client.close();
    await eventually("the second logout", () => (loggedOut.received.filter((event) => event.CharGUID === alicia.guid).length === 2 ? true : undefined));
    await noSessionsLeft(realm, login.GatewayID === realm.gateways[0]?.gatewayId ? "gateway" : "gateway-b");
  });

  it("serves two players through two gateways in front of one worldserver, and they hear each other", async () => {
    const bob = await ready("bob", "gateway");
    const carol = await ready("carol", "gateway-b");
    assert.equal(await bob.createCharacter({ name: "Bobby" }), ResponseCode.CHAR_CREATE_SUCCESS);
    assert.equal(await carol.createCharacter({ name: "Caroline", gender: 1 }), ResponseCode.CHAR_CREATE_SUCCESS);
    const [bobby] = await bob.characters();
    const [caroline] = await carol.characters();
    assert.ok(bobby && caroline);
    assert.notEqual(bobby.guid, caroline.guid);
    await bob.enterWorld(bobby.guid);
    await carol.enterWorld(caroline.guid);
    const [viaA, viaB] = await Promise.all([
      loggedIn.next((event) => event.CharGUID === bobby.guid),
      loggedIn.next((event) => event.CharGUID === caroline.guid),
    ]);
    assert.deepEqual([viaA.GatewayID, viaB.GatewayID], [realm.gateways[0]?.gatewayId, realm.gateways[1]?.gatewayId]);
    assert.equal(realm.simulator.sessions().filter((session) => session.state === "in-world").length, 2);

    const heard = carol.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => serverChatMessageCodec.decode(message.payload).senderGuid === bobby.guid);
    bob.say("hi Caroline");
    assert.equal(serverChatMessageCodec.decode((await heard).payload).message, "hi Caroline");
    const metrics = await (await fetch(`http://127.0.0.1:${realm.gateways[1]?.healthPort}/metrics`)).text();
    assert.match(metrics, /^active_connections 1$/m);
    assert.equal(await realm.metric("tc9_gateway_sessions", "gateway"), 1);
    assert.equal(await realm.metric("tc9_gateway_world_links", "gateway-b"), 1);
    assert.ok((await realm.metric("tc9_gateway_packets_total", "gateway-b", { direction: "from_world" })) > 0);

    bob.close();
    carol.close();
    await noSessionsLeft(realm, "gateway");
    await noSessionsLeft(realm, "gateway-b");
    await eventually("both worldserver sessions to end", () => (realm.simulator.sessions().length === 0 ? true : undefined));
  });
});

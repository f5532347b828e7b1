// What goes wrong after authentication: another account's character, names AzerothCore refuses,
// malformed packets, clients leaving in the middle of a login, a character already in the world,
// and worldservers that refuse the link or drop it. Each gets ToCloud9's / AzerothCore's code or
// a clean disconnect, and no session or worldserver link is left behind.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { gatewayCharacterLoggedIn, gatewayCharacterLoggedOut, type EventPayload } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { characterLoginFailedCodec, LoginFailureReason, Opcode, playerLoginCodec, ResponseCode } from "@tc9/sdk/wow";
import { HEADLESS_CLIENT_ERROR_CODES, HeadlessClientError, startWorldSimulator, type HeadlessClient } from "@tc9/sdk/testing";
import { unusedPort } from "../auth/support/auth-realm.js";
import { EventRecorder } from "../registry/helpers/event-recorder.js";
import { eventually, noSessionsLeft, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { openRawWorld, sendAuthSession, sessionFor, sessionKeyOf } from "./support/raw-world.js";

type LoggedIn = EventPayload<typeof gatewayCharacterLoggedIn>;
type LoggedOut = EventPayload<typeof gatewayCharacterLoggedOut>;

function loginFailure(result: number): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof HeadlessClientError, String(error));
    assert.deepEqual([error.code, error.result], [HEADLESS_CLIENT_ERROR_CODES.loginFailed, result]);
    return true;
  };
}

describe("gateway: failures after authentication", () => {
  let realm: GatewayRealm;
  let loggedIn: EventRecorder<LoggedIn>;
  let loggedOut: EventRecorder<LoggedOut>;
  let fakeHealth: Server;
  const clients: HeadlessClient[] = [];

  /** A client at the character screen of a fresh account with one character per name. */
  async function atScreen(username: string, names: readonly string[] = []): Promise<{ client: HeadlessClient; guids: bigint[] }> {
    await realm.addAccount(username, "secret");
    const client = await connected(username);
    for (const name of names) assert.equal(await client.createCharacter({ name }), ResponseCode.CHAR_CREATE_SUCCESS);
    const guids = (await client.characters()).map((character) => character.guid);
    return { client, guids };
  }

  /** Closes every client of the test and waits until the gateway has no session or link left. */
  async function closeAll(): Promise<void> {
    for (const client of clients.splice(0)) client.close();
    await noSessionsLeft(realm);
  }

  async function connected(username: string): Promise<HeadlessClient> {
    const client = realm.client(username, "secret");
    clients.push(client);
    await client.logon();
    await client.connectWorld(client.realms()[0] ?? assert.fail("no realm"));
    return client;
  }

  before(async () => {
    // Failover off: a worldserver that dies sends its players back to the character screen (see redirect-failover.test.ts).
    realm = await startGatewayRealm({ gatewayOptions: { failover: { tries: 0 } } });
    loggedIn = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedIn);
    loggedOut = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedOut);
    fakeHealth = createServer((_request, response) => response.writeHead(200).end('{"status":"OK"}'));
    await new Promise<void>((resolve) => fakeHealth.listen(0, "127.0.0.1", resolve));
  });

  after(async () => {
    for (const client of clients) client.close();
    fakeHealth?.closeAllConnections();
    await new Promise((resolve) => fakeHealth?.close(resolve));
    await realm?.stop();
  });

  it("refuses another account's character with NO_CHARACTER, and deletes only one's own", async () => {
    const { guids: [gregsGuid = 0n] } = await atScreen("greg", ["Gregor"]);
    const { client: hank, guids: [hanksGuid = 0n] } = await atScreen("hank", ["Hankus"]);
    await assert.rejects(hank.enterWorld(gregsGuid), loginFailure(LoginFailureReason.NO_CHARACTER));
    assert.equal(await hank.deleteCharacter(gregsGuid), ResponseCode.CHAR_DELETE_FAILED);
    assert.equal(await hank.deleteCharacter(hanksGuid), ResponseCode.CHAR_DELETE_SUCCESS);
    assert.deepEqual(await hank.characters(), []);
    await closeAll();
  });

  it("answers AzerothCore's result codes for names it refuses", async () => {
    const { client } = await atScreen("iris", ["Irissa"]);
    assert.equal(await client.createCharacter({ name: "X" }), ResponseCode.CHAR_NAME_TOO_SHORT);
    assert.equal(await client.createCharacter({ name: "Aaaron" }), ResponseCode.CHAR_NAME_THREE_CONSECUTIVE);
    assert.equal(await client.createCharacter({ name: "Bad1name" }), ResponseCode.CHAR_NAME_MIXED_LANGUAGES);
    assert.equal(await client.createCharacter({ name: "irissa" }), ResponseCode.CHAR_CREATE_NAME_IN_USE);
    assert.equal((await client.characters()).length, 1);
    await closeAll();
  });

  it("disconnects on an unknown opcode and on a packet that does not decode", async () => {
    await realm.addAccount("jack", "secret");
    const key = await sessionKeyOf(realm, "jack", "secret");
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0x41, 0x42)]) {
      const raw = await openRawWorld(realm.gateways[0]?.port ?? 0);
      assert.equal(await sendAuthSession(raw, sessionFor(raw, "jack", key), key), ResponseCode.AUTH_OK);
      raw.connection.send(bytes.length === 0 ? 0x7777 : Opcode.CMSG_CHAR_CREATE, bytes);
      await raw.connection.whenClosed();
    }
    await noSessionsLeft(realm);
  });

  it("leaves nothing behind when the client disconnects in the middle of a login", async () => {
    const { client: first, guids } = await atScreen("kate", ["Katea", "Kateb", "Katec", "Kated"]);
    first.close();
    for (const [index, delay] of [0, 5, 15, 40].entries()) {
      const client = await connected("kate");
      client.send(playerLoginCodec, { guid: guids[index] ?? 0n });
      await sleep(delay);
      client.close();
    }
    await closeAll();
    await eventually("the worldserver to save every character as offline", async () => {
      const online = await realm.characters.queryOne<{ online: number }>("SELECT COUNT(*) AS online FROM characters WHERE online <> 0");
      return realm.simulator.sessions().length === 0 && Number(online?.online) === 0 ? true : undefined;
    });
    for (const guid of guids) {
      const logins = loggedIn.received.filter((event) => event.CharGUID === guid).length;
      const logouts = loggedOut.received.filter((event) => event.CharGUID === guid).length;
      assert.equal(logins, logouts, `character ${guid}: ${logins} logins, ${logouts} logouts`);
    }
  });

  it("relays the worldserver's refusal of a character already in its world", async () => {
    const { client: lena, guids: [guid = 0n] } = await atScreen("lena", ["Lenara"]);
    await lena.enterWorld(guid);
    const twin = await connected("lena");
    await assert.rejects(twin.enterWorld(guid), loginFailure(LoginFailureReason.DUPLICATE_CHARACTER));
    assert.equal((await twin.characters()).length, 1, "the second session is back at the character screen");
    await closeAll();
  });

  it("answers FAILED when the worldserver that owns the map refuses the connection", async () => {
    await realm.node.use(ServersRegistryService).registerGameServer({
      gamePort: await unusedPort(), healthPort: (fakeHealth.address() as AddressInfo).port, grpcPort: 1, realmID: 1,
      availableMaps: "530", preferredHostName: "127.0.0.1",
    });
    const { client, guids: [guid = 0n] } = await atScreen("mona", ["Monalisa"]);
    await realm.characters.execute("UPDATE characters SET map = 530 WHERE guid = ?", [guid]);
    await assert.rejects(client.enterWorld(guid), loginFailure(LoginFailureReason.FAILED));
    assert.equal((await client.characters()).length, 1);
    await closeAll();
  });

  it("returns the client to the character screen when its worldserver dies and failover is off", async () => {
    const northrend = await startWorldSimulator({
      realmId: 1, registry: realm.node.use(ServersRegistryService), charactersDb: realm.characters, availableMaps: "571", tickMs: 10,
    });
    const { client, guids: [guid = 0n] } = await atScreen("nora", ["Noraly"]);
    await realm.characters.execute("UPDATE characters SET map = 571, zone = 3537 WHERE guid = ?", [guid]);
    await client.enterWorld(guid);
    assert.equal(northrend.sessions()[0]?.character?.guid, guid);
    const failed = client.waitFor(Opcode.SMSG_CHARACTER_LOGIN_FAILED);
    await northrend.die();
    assert.deepEqual(characterLoginFailedCodec.decode((await failed).payload), { result: LoginFailureReason.NO_WORLD });
    await loggedOut.next((event) => event.CharGUID === guid);
    assert.equal(await realm.metric("tc9_gateway_world_links"), 0);
    assert.equal(client.player, undefined);
    assert.equal((await client.characters()).length, 1, "the session stays at the character screen");
    await closeAll();
  });

  it("answers CMSG_PLAYER_LOGIN for an unknown character with NO_CHARACTER and stays usable", async () => {
    const { client } = await atScreen("olga");
    await assert.rejects(client.enterWorld(123_456n), loginFailure(LoginFailureReason.NO_CHARACTER));
    assert.deepEqual(await client.characters(), []);
    await closeAll();
  });
});

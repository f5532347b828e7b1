// 200 headless clients at once: logon, world handshake, character list, login, chat, logout,
// disconnect. Every one succeeds, every login is matched by a logout, and afterwards no session,
// worldserver link or online character is left.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gatewayCharacterLoggedIn, gatewayCharacterLoggedOut, type EventPayload } from "@tc9/sdk";
import { Opcode, serverChatMessageCodec } from "@tc9/sdk/wow";
import { EventRecorder } from "../registry/helpers/event-recorder.js";
import { eventually, noSessionsLeft, startGatewayRealm, STARTS, type GatewayRealm } from "./support/gateway-realm.js";

const CLIENTS = 200;
/** All clients start at once, so on a busy machine a reply may wait behind many others. */
const REPLY_TIMEOUT_MS = 30_000;
const human = STARTS[0] ?? assert.fail("no human start");

/** Names AzerothCore accepts: letters only, no three alike in a row. */
function nameOf(index: number): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `Load${letters[Math.floor(index / letters.length)] ?? "b"}${letters[index % letters.length] ?? "c"}a`;
}

describe("gateway: 200 concurrent clients", () => {
  let realm: GatewayRealm;
  let loggedIn: EventRecorder<EventPayload<typeof gatewayCharacterLoggedIn>>;
  let loggedOut: EventRecorder<EventPayload<typeof gatewayCharacterLoggedOut>>;

  before(async () => {
    realm = await startGatewayRealm();
    loggedIn = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedIn);
    loggedOut = await EventRecorder.on(realm.node.bus, gatewayCharacterLoggedOut);
    for (let index = 0; index < CLIENTS; index++) {
      const accountId = await realm.addAccount(`load${index}`, "secret");
      await realm.characters.execute(
        "INSERT INTO characters (guid, account, name, race, class, gender, level, zone, map, position_x, position_y, position_z, taximask, innTriggerId) " +
          "VALUES (?, ?, ?, 1, 1, 0, 1, ?, ?, ?, ?, ?, '', 0)",
        [index + 1, accountId, nameOf(index), human.zone, human.map, human.x, human.y, human.z],
      );
    }
  });

  after(() => realm?.stop());

  it("log in and out without failures and without leaking a session or a link", async () => {
    const runs = Array.from({ length: CLIENTS }, async (_, index) => {
      const client = realm.client(`load${index}`, "secret", REPLY_TIMEOUT_MS);
      try {
        await client.logon();
        await client.connectWorld(client.realms()[0] ?? assert.fail("no realm"));
        const [character] = await client.characters();
        assert.equal(character?.name, nameOf(index));
        await client.enterWorld(character.guid);
        const heard = client.waitFor(Opcode.SMSG_MESSAGECHAT, (message) => serverChatMessageCodec.decode(message.payload).senderGuid === character.guid);
        client.say(`hello from ${index}`);
        await heard;
        await client.logout();
        return character.guid;
      } finally {
        client.close();
      }
    });
    const guids = await Promise.all(runs);
    assert.equal(new Set(guids).size, CLIENTS);
    await noSessionsLeft(realm);
    await eventually("every logout event", () => (loggedOut.received.length === CLIENTS ? true : undefined));
    assert.equal(loggedIn.received.length, CLIENTS);
    await eventually("the worldserver to drop every link", () => (realm.simulator.sessions().length === 0 ? true : undefined));
    const online = await realm.characters.queryOne<{ online: number }>("SELECT COUNT(*) AS online FROM characters WHERE online <> 0");
    assert.equal(Number(online?.online), 0);
    assert.equal(await realm.metric("tc9_gateway_sessions_total"), CLIENTS);
  });
});

// The gateway on AzerothCore's own auth, characters and world schemas (the real dumps, seed rows
// included), unchanged: the whole player's path and a character deletion.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fixturesAvailable, type HeadlessClient } from "@tc9/sdk/testing";
import { ChatMsg, Opcode, ResponseCode, serverChatMessageCodec } from "@tc9/sdk/wow";
import { noSessionsLeft, startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";

describe("gateway on AzerothCore's schemas", { skip: fixturesAvailable() ? false : "AzerothCore fixtures are not on this machine" }, () => {
  let realm: GatewayRealm;
  let client: HeadlessClient | undefined;

  before(async () => {
    realm = await startGatewayRealm({ source: "azerothcore-fixtures" });
  });

  after(async () => {
    client?.close();
    await realm?.stop();
  });

  it("serves the player's path and deletes a character, with realmcharacters kept in step", async () => {
    const accountId = await realm.addAccount("paul", "secret");
    client = realm.client("paul", "secret");
    await client.logon();
    const entry = client.realms().find((candidate) => candidate.id === 1) ?? assert.fail("realm 1 is not listed");
    assert.equal(entry.address, `127.0.0.1:${realm.gateways[0]?.port}`);
    await client.connectWorld(entry);
    assert.equal(await client.createCharacter({ name: "Paulus" }), ResponseCode.CHAR_CREATE_SUCCESS);
    assert.equal(await client.createCharacter({ name: "Orcpaul", race: 2 }), ResponseCode.CHAR_CREATE_SUCCESS);
    const characters = await client.characters();
    const paulus = characters.find((character) => character.name === "Paulus") ?? assert.fail("Paulus is not listed");
    const orc = characters.find((character) => character.name === "Orcpaul") ?? assert.fail("Orcpaul is not listed");
    const counted = await realm.auth.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE realmid = 1 AND acctid = ?", [accountId]);
    assert.equal(counted?.numchars, 2);

    await client.enterWorld(paulus.guid);
    const heard = client.waitFor(Opcode.SMSG_MESSAGECHAT);
    client.say("for the Alliance");
    const chat = serverChatMessageCodec.decode((await heard).payload);
    assert.deepEqual([chat.type, chat.message], [ChatMsg.SAY, "for the Alliance"]);
    await client.teleport(-8920.25, -120.75, 83.25);
    await client.logout();
    const again = await client.enterWorld(paulus.guid);
    assert.deepEqual(again.position, { x: -8920.25, y: -120.75, z: 83.25 });
    await client.logout();

    assert.equal(await client.deleteCharacter(orc.guid), ResponseCode.CHAR_DELETE_SUCCESS);
    assert.deepEqual((await client.characters()).map((character) => character.name), ["Paulus"]);
    const recounted = await realm.auth.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE realmid = 1 AND acctid = ?", [accountId]);
    assert.equal(recounted?.numchars, 1);
    client.close();
    await noSessionsLeft(realm);
  });
});

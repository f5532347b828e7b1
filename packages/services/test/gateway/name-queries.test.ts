// Crossrealm identity on the wire: CMSG_NAME_QUERY for a player of another realm (its GUID
// realm-qualified, `realm << 32 | low`) is answered by the gateway from the characters module with
// the foreign realm's name; queries for this realm's players go to the worldserver, whose "not
// found" (a character on another worldserver or offline) the gateway re-fills; non-player GUIDs
// pass through untouched. Two realms with the same low GUIDs, real MariaDB, registry, auth,
// characters, guid and gateway modules, simulators, headless clients.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { playerGuidOnWire } from "@tc9/sdk";
import { ServersRegistryService } from "@tc9/sdk/contracts";
import { nameQueryCodec, nameQueryResponseCodec, Opcode, type MessageCodec, type NameQueryResponse } from "@tc9/sdk/wow";
import { startWorldSimulator, type HeadlessClient, type WorldSimulator } from "@tc9/sdk/testing";
import { startGatewayRealm, type GatewayRealm } from "./support/gateway-realm.js";
import { PlayerFactory, storeCharacter, whenRouted, type PlayerInWorld } from "./support/players.js";

const KALIMDOR = 1;
const EASTERN_KINGDOMS = 0;
const REPLY_TIMEOUT_MS = 10_000;
/** An orc hunter of realm 2, offline, with the low GUID of realm 1's first player. */
const FOREIGNER = { name: "Zulkara", race: 2, classId: 3, gender: 1 } as const;
/** A realm-1 character nobody plays. */
const SLEEPER = { guid: 100_500n, name: "Dormira", race: 1, classId: 2, gender: 1 } as const;
/** AzerothCore's HighGuid of a creature, in bits 48..63. */
const CREATURE_HIGH = 0xf130n << 48n;

describe("gateway: crossrealm name queries", () => {
  let cluster: GatewayRealm;
  let kalimdor: WorldSimulator;
  let factory: PlayerFactory;
  /** Realm 1's player on the every-map worldserver, who asks. */
  let asker: PlayerInWorld;
  /** Realm 1's player on the Kalimdor worldserver. */
  let elsewhere: PlayerInWorld;

  before(async () => {
    cluster = await startGatewayRealm({ moreRealms: [{ id: 2, gateway: "gateway-2" }] });
    kalimdor = await startWorldSimulator({
      realmId: 1, registry: cluster.node.use(ServersRegistryService), charactersDb: cluster.characters, availableMaps: String(KALIMDOR), tickMs: 10,
    });
    await whenRouted(cluster, KALIMDOR, kalimdor.gameAddress);
    factory = new PlayerFactory(cluster);
    [asker = assert.fail("no asker")] = await factory.inWorld({ map: EASTERN_KINGDOMS, count: 1, timeoutMs: REPLY_TIMEOUT_MS });
    [elsewhere = assert.fail("no player on Kalimdor")] = await factory.inWorld({ map: KALIMDOR, count: 1, timeoutMs: REPLY_TIMEOUT_MS });
    const realm2 = cluster.realms.get(2)?.characters ?? assert.fail("no realm 2");
    const account = await cluster.addAccount("foreigner", "secret");
    await storeCharacter(realm2, { guid: asker.guid, account, map: EASTERN_KINGDOMS, ...FOREIGNER });
    await storeCharacter(cluster.characters, { account, map: EASTERN_KINGDOMS, ...SLEEPER });
  });

  after(async () => {
    factory?.closeAll();
    await kalimdor?.stop();
    await cluster?.stop();
  });

  /** Sends CMSG_NAME_QUERY for `guid` and returns the answer that echoes it. */
  async function nameOf(client: HeadlessClient, guid: bigint): Promise<NameQueryResponse> {
    const answer = client.waitFor(Opcode.SMSG_NAME_QUERY_RESPONSE, (message) => nameQueryResponseCodec.decode(message.payload).guid === guid, REPLY_TIMEOUT_MS);
    client.send(nameQueryCodec, { guid });
    return nameQueryResponseCodec.decode((await answer).payload);
  }

  it("answers a realm-2 player's realm-qualified GUID with its name, race, class and realm 2's name", async () => {
    const guid = playerGuidOnWire({ realmId: 2, lowGuid: Number(asker.guid) }, 1);
    assert.equal(guid, (2n << 32n) | asker.guid);
    assert.deepEqual(await nameOf(asker.client, guid), {
      guid,
      character: { name: FOREIGNER.name, realmName: "Tc9Test2", race: FOREIGNER.race, gender: FOREIGNER.gender, classId: FOREIGNER.classId },
    });
  });

  it("answers not found for an unknown player of another realm and for a realm the cluster does not have", async () => {
    for (const guid of [playerGuidOnWire({ realmId: 2, lowGuid: 999_999 }, 1), playerGuidOnWire({ realmId: 7, lowGuid: Number(asker.guid) }, 1)]) {
      assert.deepEqual(await nameOf(asker.client, guid), { guid });
    }
    assert.ok(asker.client.connected);
  });

  /** The answer a realm-1 player of the factory (a human warrior) gets for `guid`, read from its row. */
  async function factoryAnswer(guid: bigint): Promise<NameQueryResponse> {
    const row = await cluster.characters.queryOne<{ name: string }>("SELECT name FROM characters WHERE guid = ?", [guid]);
    return { guid, character: { name: row?.name ?? assert.fail(`no character ${guid}`), realmName: "", race: 1, gender: 0, classId: 1 } };
  }

  it("relays the worldserver's answer for a player of this realm it hosts", async () => {
    assert.deepEqual(await nameOf(asker.client, asker.guid), await factoryAnswer(asker.guid), "a player of the client's own realm has no realm name");
  });

  it("re-fills the worldserver's not found for a player of this realm on another worldserver or offline", async () => {
    assert.deepEqual(await nameOf(asker.client, elsewhere.guid), await factoryAnswer(elsewhere.guid));
    assert.deepEqual(await nameOf(asker.client, SLEEPER.guid), {
      guid: SLEEPER.guid,
      character: { name: SLEEPER.name, realmName: "", race: SLEEPER.race, gender: SLEEPER.gender, classId: SLEEPER.classId },
    });
    assert.deepEqual(await nameOf(asker.client, 424_242n), { guid: 424_242n }, "an unknown player of this realm stays not found");
  });

  it("passes non-player GUIDs to the worldserver untouched and never re-fills them", async () => {
    for (const guid of [CREATURE_HIGH | elsewhere.guid, CREATURE_HIGH | (2n << 32n) | asker.guid]) {
      assert.deepEqual(await nameOf(asker.client, guid), { guid });
    }
  });

  it("closes the connection on a CMSG_NAME_QUERY that does not decode, as on any malformed packet", async () => {
    const [player = assert.fail("no player")] = await factory.inWorld({ map: EASTERN_KINGDOMS, count: 1, timeoutMs: REPLY_TIMEOUT_MS });
    const truncated: MessageCodec<undefined> = { opcode: Opcode.CMSG_NAME_QUERY, encode: () => Uint8Array.of(1, 2, 3), decode: () => undefined };
    player.client.send(truncated, undefined);
    await player.client.whenClosed();
    assert.ok(asker.client.connected, "other clients are not affected");
  });
});

/**
 * The online index through a node hosting the characters module, fed over NATS: logins, logouts
 * and updates, lookups by name and GUID (online first, then the database), /who with AzerothCore's
 * filters, guild changes, and a gateway the servers registry found dead.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  charactersDisconnectedUnhealthyGateway,
  gatewayCharacterLoggedOut,
  gatewayCharactersUpdates,
  gatewayCharacterLoggedIn,
  guildMemberAdded,
  registryGatewayRemovedUnhealthy,
  type CharactersDisconnectedUnhealthyGateway,
} from "@tc9/sdk";
import type { WhoQueryRequest } from "@tc9/sdk/contracts";
import { eventually, startCharactersNode, type CharactersNode } from "./support/characters-node.js";
import { loginEvent, nextEventTime } from "./support/gateway-events.js";
import { seedCharacter, seedGuild, seedGuildMember } from "./support/seed.js";

const everyone = { realmID: 1, lvlMin: 0, lvlMax: 100, raceMask: 0xffff_ffff, classMask: 0xffff_ffff } as const;

describe("characters module: the online index", () => {
  let cluster: CharactersNode;
  const who = async (request: Partial<WhoQueryRequest>): Promise<[number, string[]]> => {
    const answer = await cluster.client.whoQuery({ ...everyone, characterGUID: 1n, ...request });
    return [answer.totalFound, answer.itemsToDisplay.map((item) => item.name)];
  };
  const onlineCount = async (): Promise<number> => (await cluster.client.getOnlineCharacters({ realmID: 1 })).totalCount;

  before(async () => {
    cluster = await startCharactersNode({
      seed: async ({ characters }) => {
        await seedCharacter(characters.db, { guid: 4, account: 200, name: "Delta", race: 5, class: 8, level: 44, zone: 85, map: 0 });
        await seedGuild(characters.db, 7, "Knights of Light", 4);
        await seedGuild(characters.db, 8, "Rangers", 4);
        await seedGuildMember(characters.db, 8, 4);
      },
    });
    const bus = cluster.node.bus;
    await bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: 1n, CharName: "Alpha", CharGuildID: 7 }));
    await bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: 2n, CharName: "Bravo", GatewayID: "gw-b", CharRace: 2, CharClass: 3, CharLevel: 70, CharZone: 14, CharMap: 1 }));
    await bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: 10n, CharName: "Echo", CharRace: 4, CharClass: 11, CharLevel: 30, CharZone: 141, CharMap: 1, AccountID: 300 }));
    await eventually("three characters online", async () => (await onlineCount()) === 3);
  });
  after(() => cluster?.stop());

  it("lists who is online and finds them by name (any case) and GUID, with their gateway", async () => {
    assert.deepEqual((await cluster.client.getOnlineCharacters({ realmID: 1 })).characterGUIDs, [1n, 2n, 10n]);
    assert.deepEqual((await cluster.client.getOnlineCharacters({ realmID: 2 })).characterGUIDs, []);
    const alpha = await cluster.client.characterOnlineByName({ realmID: 1, characterName: "aLPHA" });
    assert.deepEqual(alpha.character, {
      realmID: 1, gatewayID: "gw-a", charGUID: 1n, charName: "Alpha", charRace: 1, charClass: 1, charGender: 0,
      charLvl: 10, charZone: 12, charMap: 0, charGuildID: 7n, accountID: 100,
    });
    assert.equal((await cluster.client.characterOnlineByName({ realmID: 1, characterName: "Delta" })).character, undefined);
    const short = await cluster.client.shortOnlineCharactersDataByGUIDs({ realmID: 1, GUIDs: [10n, 4n, 2n] });
    assert.deepEqual(short.characters.map((c) => [c.charGUID, c.isOnline, c.gatewayID]), [[10n, true, "gw-a"], [2n, true, "gw-b"]]);
  });

  it("answers CharacterByName and CharacterByGUID from the index, else from the database as offline", async () => {
    const online = await cluster.client.characterByName({ realmID: 1, characterName: "ECHO" });
    assert.deepEqual([online.character?.isOnline, online.character?.gatewayID, online.character?.accountID], [true, "gw-a", 300]);
    const offline = await cluster.client.characterByName({ realmID: 1, characterName: "dELTA" });
    assert.deepEqual(offline.character, {
      realmID: 1, isOnline: false, gatewayID: "", charGUID: 4n, charName: "Delta", charRace: 5, charClass: 8, charGender: 0,
      charLvl: 44, charZone: 85, charMap: 0, charGuildID: 8n, accountID: 200,
    });
    assert.equal((await cluster.client.characterByName({ realmID: 1, characterName: "Nobody" })).character, undefined);
    assert.equal((await cluster.client.characterByName({ realmID: 1, characterName: "" })).character, undefined);
    assert.equal((await cluster.client.characterByGUID({ realmID: 1, characterGUID: 2n })).character?.isOnline, true);
    assert.equal((await cluster.client.characterByGUID({ realmID: 1, characterGUID: 4n })).character?.charName, "Delta");
    assert.equal((await cluster.client.characterByGUID({ realmID: 1, characterGUID: 404n })).character, undefined);
  });

  it("filters /who like AzerothCore: own faction, levels, masks, zones, name, guild and free words", async () => {
    assert.deepEqual(await who({}), [2, ["Alpha", "Echo"]]);
    assert.deepEqual(await who({ characterGUID: 999n }), [3, ["Alpha", "Bravo", "Echo"]], "an unknown asker sees both factions");
    assert.deepEqual(await who({ lvlMin: 20, lvlMax: 40 }), [1, ["Echo"]]);
    assert.deepEqual(await who({ classMask: 1 << 11 }), [1, ["Echo"]]);
    assert.deepEqual(await who({ raceMask: 1 << 1 }), [1, ["Alpha"]]);
    assert.deepEqual(await who({ zones: [141, 5] }), [1, ["Echo"]]);
    assert.deepEqual(await who({ playerName: "LPH" }), [1, ["Alpha"]]);
    assert.deepEqual(await who({ guildName: "of li" }), [1, ["Alpha"]]);
    assert.deepEqual(await who({ strings: ["nights", "zzz"] }), [1, ["Alpha"]]);
    assert.deepEqual(await who({ strings: ["ECH"] }), [1, ["Echo"]]);
    assert.deepEqual(await who({ strings: [""] }), [0, []]);
    const lines = await cluster.client.whoQuery({ ...everyone, characterGUID: 1n, playerName: "alpha" });
    assert.deepEqual(lines.itemsToDisplay, [{ guid: 1n, name: "Alpha", guild: "Knights of Light", lvl: 10, class: 1, race: 1, gender: 0, zoneID: 12 }]);
    await assert.rejects(cluster.client.whoQuery({ ...everyone, zones: Array(11).fill(1) }), /at most 10 zones/);
  });

  it("applies level and zone updates from the character's own gateway, and guild changes", async () => {
    await cluster.node.bus.publish(gatewayCharactersUpdates, {
      RealmID: 1,
      GatewayID: "gw-a",
      EventTimeUnixNano: nextEventTime(),
      Updates: [
        { ID: 10n, EventTimeUnixNano: 0n, Lvl: 31, Zone: 1519 },
        { ID: 2n, EventTimeUnixNano: 0n, Lvl: 80 },
      ],
    });
    await cluster.node.bus.publish(guildMemberAdded, {
      ServiceID: "s", RealmID: 1, GuildID: 8n, GuildName: "Rangers", MembersOnline: [], MemberGUID: 10n, MemberName: "Echo",
    });
    await eventually("Echo in Rangers", async () => (await who({ guildName: "rangers" }))[0] === 1);
    assert.deepEqual(await who({ zones: [1519], lvlMin: 31, lvlMax: 31 }), [1, ["Echo"]]);
    assert.equal((await cluster.client.characterByGUID({ realmID: 1, characterGUID: 2n })).character?.charLvl, 70, "gw-a cannot update gw-b's character");
  });

  it("ignores a logout older than the login, and drops the character on a newer one", async () => {
    const bus = cluster.node.bus;
    await bus.publish(gatewayCharacterLoggedOut, { RealmID: 1, GatewayID: "gw-a", EventTimeUnixNano: 5n, CharGUID: 10n, CharName: "Echo", CharGuildID: 0, AccountID: 300 });
    await bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: 11n, CharName: "Foxtrot", GatewayID: "gw-c" }));
    await eventually("Foxtrot online", async () => (await onlineCount()) === 4);
    assert.ok((await cluster.client.characterOnlineByName({ realmID: 1, characterName: "echo" })).character);
    await bus.publish(gatewayCharacterLoggedOut, { RealmID: 1, GatewayID: "gw-c", EventTimeUnixNano: nextEventTime(), CharGUID: 11n, CharName: "Foxtrot", CharGuildID: 0, AccountID: 100 });
    await eventually("Foxtrot offline", async () => (await onlineCount()) === 3);
    assert.equal((await cluster.client.characterOnlineByName({ realmID: 1, characterName: "foxtrot" })).character, undefined);
  });

  it("lists at most 50 /who lines but counts every match", async () => {
    for (let index = 0; index < 60; index++) {
      await cluster.node.bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: BigInt(1000 + index), CharName: `Many${String.fromCharCode(97 + (index % 26))}${index}`, GatewayID: "gw-many", CharLevel: 80 }));
    }
    await eventually("60 more characters online", async () => (await onlineCount()) === 63);
    const [total, names] = await who({ lvlMin: 80, lvlMax: 80 });
    assert.deepEqual([total, names.length, names[0]], [60, 50, "Manya0"]);
  });

  it("drops a dead gateway's characters and tells the other services which ones", async () => {
    const told: CharactersDisconnectedUnhealthyGateway[] = [];
    const subscription = await cluster.node.bus.subscribe(charactersDisconnectedUnhealthyGateway, (event) => void told.push(event));
    try {
      await cluster.node.bus.publish(registryGatewayRemovedUnhealthy, {
        ID: "gw-many", Address: "10.0.0.1:8085", HealthCheckAddr: "10.0.0.1:8900", RealmID: 1, EventTimeUnixNano: nextEventTime(),
      });
      await eventually("char.chars.unhealthy.gw", () => told.length === 1);
      assert.deepEqual(told[0]?.CharactersGUID, Array.from({ length: 60 }, (_, index) => BigInt(1000 + index)));
      assert.deepEqual([told[0]?.RealmID, told[0]?.GatewayID], [1, "gw-many"]);
      assert.equal(await onlineCount(), 3);
      await cluster.node.bus.publish(charactersDisconnectedUnhealthyGateway, { RealmID: 1, GatewayID: "gw-b", EventTimeUnixNano: 0n, CharactersGUID: [2n] });
      await eventually("gw-b's character gone", async () => (await onlineCount()) === 2);
      assert.equal((await cluster.client.characterByGUID({ realmID: 1, characterGUID: 2n })).character, undefined, "Bravo is not in the database either");
    } finally {
      await subscription.unsubscribe();
    }
  });
});

/**
 * The character screen through a node hosting the characters module (real MariaDB): the account's
 * characters with equipment, guild, pet and ban, one character by GUID, account data, position
 * saves, unknown realms and the RPCs this module leaves to others.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RpcError, RpcStatus } from "@tc9/sdk";
import { LogInCharacter, type EquipmentDisplay } from "@tc9/sdk/contracts";
import { AtLoginFlag, PlayerFlag } from "../../src/characters/index.js";
import { startCharactersNode, type CharactersNode } from "./support/characters-node.js";
import { seedCharacter, seedGuild, seedGuildMember, seedItemTemplate } from "./support/seed.js";

const ACCOUNT = 100;

/** 23 slots: a helm (1000), a chest (1001) and a main hand whose template does not exist (9999). */
const EQUIPMENT_CACHE = ["1000 0", "0 0", "0 0", "0 0", "1001 3", ...Array(10).fill("0 0"), "9999 0", ...Array(7).fill("0 0")].join(" ") + " ";

function expectedEquipment(): EquipmentDisplay[] {
  const empty = { DisplayInfoID: 0, InventoryType: 0, EnchantmentID: 0 };
  const slots: EquipmentDisplay[] = Array.from({ length: 23 }, () => ({ ...empty }));
  slots[0] = { DisplayInfoID: 5000, InventoryType: 1, EnchantmentID: 0 };
  slots[4] = { DisplayInfoID: 5001, InventoryType: 5, EnchantmentID: 0 };
  return slots;
}

async function rpcStatusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof RpcError, `expected an RpcError, got ${String(error)}`);
    return error.status;
  }
  assert.fail("the call succeeded");
}

describe("characters module: the character screen", () => {
  let cluster: CharactersNode;

  before(async () => {
    cluster = await startCharactersNode({
      seed: async ({ characters, world }) => {
        const db = characters.db;
        await seedCharacter(db, { guid: 1, account: ACCOUNT, name: "Alpha", playerFlags: PlayerFlag.HIDE_HELM, equipmentCache: EQUIPMENT_CACHE, order: 1 });
        await seedCharacter(db, {
          guid: 2, account: ACCOUNT, name: "Bravo", race: 2, class: 3, level: 70, zone: 14, map: 1,
          position: [1.5, 2.5, 3.5], atLogin: AtLoginFlag.RENAME, extraFlags: 8, equipmentCache: null,
        });
        await seedCharacter(db, { guid: 3, account: ACCOUNT, name: "Zulu", order: 0 });
        await seedCharacter(db, { guid: 4, account: 200, name: "Delta" });
        await seedCharacter(db, { guid: 5, account: 0, name: "" });
        await db.execute("UPDATE characters SET deleteInfos_Name = 'Gone', deleteInfos_Account = ? WHERE guid = 5", [ACCOUNT]);
        await seedGuild(db, 7, "Knights", 4);
        await seedGuildMember(db, 7, 1);
        await db.execute("INSERT INTO character_pet (id, entry, owner, modelid, level, slot) VALUES (1, 299, 2, 903, 69, 0), (2, 300, 2, 904, 10, 1)");
        await db.execute("INSERT INTO character_banned (guid, bandate, unbandate, bannedby, banreason, active) VALUES (2, 1, 2, 'GM', 'test', 1), (2, 3, 4, 'GM', 'again', 1)");
        await db.execute("INSERT INTO account_data (accountId, type, time, data) VALUES (?, 0, 1700000000, 'SET x 1'), (?, 2, 1700000100, 'MACRO')", [ACCOUNT, ACCOUNT]);
        await seedItemTemplate(world.db, 1000, 5000, 1);
        await seedItemTemplate(world.db, 1001, 5001, 5);
      },
    });
  });
  after(() => cluster?.stop());

  it("lists the account's characters in AzerothCore's order (`order`, unset first, then GUID) with guild, pet, ban and 23 equipment slots", async () => {
    const { characters, api } = await cluster.client.charactersToLoginForAccount({ accountID: ACCOUNT, realmID: 1 });
    assert.equal(api, "0.0.1");
    assert.deepEqual(characters.map((character) => [character.GUID, character.name]), [[2n, "Bravo"], [3n, "Zulu"], [1n, "Alpha"]]);
    const [bravo, , alpha] = characters;
    assert.deepEqual(
      alpha,
      LogInCharacter.create({
        GUID: 1n, name: "Alpha", race: 1, class: 1, gender: 0, skin: 1, face: 2, hairStyle: 3, hairColor: 4, facialStyle: 5,
        level: 10, zone: 12, map: 0, positionX: Math.fround(-8949.95), positionY: Math.fround(-132.49), positionZ: Math.fround(83.53),
        guildID: 7, playerFlags: PlayerFlag.HIDE_HELM, atLogin: 0, banned: false, equipments: expectedEquipment(), accountID: ACCOUNT,
      }),
    );
    assert.equal(bravo?.banned, true);
    assert.deepEqual([bravo?.petEntry, bravo?.petModelID, bravo?.petLevel], [299, 903, 69]);
    assert.deepEqual([bravo?.atLogin, bravo?.extraFlags, bravo?.guildID, bravo?.level], [AtLoginFlag.RENAME, 8, 0, 70]);
    assert.equal(bravo?.equipments.length, 23);
    assert.ok(bravo?.equipments.every((slot) => slot.DisplayInfoID === 0));
  });

  it("lists nothing for an account without characters", async () => {
    assert.deepEqual((await cluster.client.charactersToLoginForAccount({ accountID: 999, realmID: 1 })).characters, []);
  });

  it("returns a character by GUID only to its account, and no character for an unknown or deleted GUID", async () => {
    const found = await cluster.client.charactersToLoginByGUID({ characterGUID: 1n, accountID: ACCOUNT, realmID: 1 });
    assert.equal(found.character?.name, "Alpha");
    assert.deepEqual(found.character?.equipments, expectedEquipment());
    for (const [guid, account] of [[4n, ACCOUNT], [404n, ACCOUNT], [5n, ACCOUNT], [1n, 200]] as const) {
      const missing = await cluster.client.charactersToLoginByGUID({ characterGUID: guid, accountID: account, realmID: 1 });
      assert.deepEqual(missing, { api: "0.0.1", character: undefined }, `guid ${guid} for account ${account}`);
    }
  });

  it("reads and replaces account data, refusing types and times the table cannot hold", async () => {
    const before = await cluster.client.accountDataForAccount({ accountID: ACCOUNT, realmID: 1 });
    assert.deepEqual(before.accountData, [
      { type: 0, time: 1700000000n, data: "SET x 1" },
      { type: 2, time: 1700000100n, data: "MACRO" },
    ]);
    await cluster.client.updateAccountDataForAccount({ accountID: ACCOUNT, realmID: 1, type: 2, time: 1700000200n, data: "MACRO 2 ✓" });
    await cluster.client.updateAccountDataForAccount({ accountID: ACCOUNT, realmID: 1, type: 4, time: 5n, data: "" });
    const after = await cluster.client.accountDataForAccount({ accountID: ACCOUNT, realmID: 1 });
    assert.deepEqual(after.accountData.map((blob) => [blob.type, blob.time, blob.data]), [
      [0, 1700000000n, "SET x 1"],
      [2, 1700000200n, "MACRO 2 ✓"],
      [4, 5n, ""],
    ]);
    assert.deepEqual((await cluster.client.accountDataForAccount({ accountID: 1, realmID: 1 })).accountData, []);
    const badType = cluster.client.updateAccountDataForAccount({ accountID: ACCOUNT, realmID: 1, type: 8, time: 1n, data: "" });
    assert.equal(await rpcStatusOf(badType), RpcStatus.INVALID_ARGUMENT);
    const badTime = cluster.client.updateAccountDataForAccount({ accountID: ACCOUNT, realmID: 1, type: 0, time: 1n << 40n, data: "" });
    assert.equal(await rpcStatusOf(badTime), RpcStatus.INVALID_ARGUMENT);
  });

  it("saves a position into the character's row", async () => {
    await cluster.client.savePlayerPosition({ realmID: 1, charGUID: 4n, mapID: 530, x: 10.5, y: -20.25, z: 30, o: 1.5 });
    const row = await cluster.characters.db.queryOne<{ map: number; x: number; y: number; z: number; o: number }>(
      "SELECT map, position_x AS x, position_y AS y, position_z AS z, orientation AS o FROM characters WHERE guid = 4",
    );
    assert.deepEqual(row, { map: 530, x: 10.5, y: -20.25, z: 30, o: 1.5 });
    await cluster.client.savePlayerPosition({ realmID: 1, charGUID: 404n, mapID: 1, x: 0, y: 0, z: 0, o: 0 });
    const badMap = cluster.client.savePlayerPosition({ realmID: 1, charGUID: 4n, mapID: 70000, x: 0, y: 0, z: 0, o: 0 });
    assert.equal(await rpcStatusOf(badMap), RpcStatus.INVALID_ARGUMENT);
  });

  it("answers NOT_FOUND for a realm the topology does not have", async () => {
    assert.equal(await rpcStatusOf(cluster.client.charactersToLoginForAccount({ accountID: ACCOUNT, realmID: 9 })), RpcStatus.NOT_FOUND);
    assert.equal(await rpcStatusOf(cluster.client.accountDataForAccount({ accountID: ACCOUNT, realmID: 9 })), RpcStatus.NOT_FOUND);
  });

  it("answers UNIMPLEMENTED for friends, arena teams and LFG routes", async () => {
    assert.equal(await rpcStatusOf(cluster.client.getFriendsList({ realmID: 1, playerGUID: 1n })), RpcStatus.UNIMPLEMENTED);
    assert.equal(await rpcStatusOf(cluster.client.getArenaTeam({ realmID: 1, arenaTeamID: 1 })), RpcStatus.UNIMPLEMENTED);
    assert.equal(await rpcStatusOf(cluster.client.getLfgDungeonRoute({ realmID: 1, playerGUID: 1n })), RpcStatus.UNIMPLEMENTED);
  });
});

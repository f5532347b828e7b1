/**
 * deleteCharacter against real MariaDB: the rows AzerothCore's `Player::DeleteFromDB` removes,
 * the guild master and arena captain refusals, ownership, online characters, the unlink method
 * and the `realmcharacters` count.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SqlValue } from "@tc9/sdk";
import { ResponseCode } from "@tc9/sdk/wow";
import { createScratchDatabase } from "@tc9/sdk/testing";
import type { ScratchDatabase } from "./support/scratch.js";
import { createCharacter, deleteCharacter, type CharacterStores } from "../../src/characters/index.js";
import { creation, humanWarrior, seedStarts } from "./support/creation.js";
import { seedCharacter, seedGuild, seedGuildMember } from "./support/seed.js";

/** Every table the removal touches, with the column holding the character's GUID. */
const TOUCHED: ReadonlyArray<readonly [string, string]> = [
  ["characters", "guid"],
  ["character_inventory", "guid"],
  ["item_instance", "owner_guid"],
  ["character_social", "guid"],
  ["character_social", "friend"],
  ["mail", "receiver"],
  ["mail_items", "receiver"],
  ["character_pet", "owner"],
  ["character_instance", "guid"],
  ["character_arena_stats", "guid"],
  ["arena_team_member", "guid"],
  ["guild_member", "guid"],
  ["guild_member_withdraw", "guid"],
  ["guild_eventlog", "PlayerGuid1"],
  ["guild_eventlog", "PlayerGuid2"],
  ["guild_bank_eventlog", "PlayerGuid"],
  ["lfg_data", "guid"],
  ["petition", "ownerguid"],
  ["petition_sign", "ownerguid"],
  ["petition_sign", "playerguid"],
];

/** Gives `guid` a row in every touched table; `other` is a second character it interacts with. */
async function seedEverything(db: ScratchDatabase["db"], guid: number, other: number): Promise<void> {
  const statements: Array<[string, SqlValue[]]> = [
    ["INSERT INTO item_instance (guid, itemEntry, owner_guid, enchantments) VALUES (?, 25, ?, '')", [guid * 100, guid]],
    ["INSERT INTO character_inventory (guid, bag, slot, item) VALUES (?, 0, 15, ?)", [guid, guid * 100]],
    ["INSERT INTO character_social (guid, friend, flags, note) VALUES (?, ?, 1, ''), (?, ?, 1, '')", [guid, other, other, guid]],
    ["INSERT INTO mail (id, sender, receiver) VALUES (?, ?, ?)", [guid, other, guid]],
    ["INSERT INTO mail_items (mail_id, item_guid, receiver) VALUES (?, ?, ?)", [guid, guid * 100 + 1, guid]],
    ["INSERT INTO character_pet (id, entry, owner, slot) VALUES (?, 299, ?, 0)", [guid, guid]],
    ["INSERT INTO character_instance (guid, instance, extended) VALUES (?, 1, 0)", [guid]],
    ["INSERT INTO character_arena_stats (guid, slot, maxMMR) VALUES (?, 0, 1500)", [guid]],
    ["INSERT INTO arena_team_member (arenaTeamId, guid) VALUES (9, ?)", [guid]],
    ["INSERT INTO guild_member_withdraw (guid) VALUES (?)", [guid]],
    ["INSERT INTO guild_eventlog (guildid, LogGuid, EventType, PlayerGuid1, PlayerGuid2, NewRank, TimeStamp) VALUES (7, ?, 1, ?, ?, 0, 0), (7, ?, 2, ?, ?, 0, 0)", [guid * 10, guid, other, guid * 10 + 1, other, guid]],
    ["INSERT INTO guild_bank_eventlog (guildid, LogGuid, PlayerGuid) VALUES (7, ?, ?)", [guid, guid]],
    ["INSERT INTO lfg_data (guid) VALUES (?)", [guid]],
    ["INSERT INTO petition (ownerguid, petitionguid, petition_id, name, type) VALUES (?, ?, ?, 'Charter', 9)", [guid, guid, guid]],
    ["INSERT INTO petition_sign (ownerguid, petitionguid, playerguid) VALUES (?, ?, ?), (?, ?, ?)", [guid, guid, other, other, other, guid]],
  ];
  for (const [sql, params] of statements) await db.execute(sql, params);
  await seedGuildMember(db, 7, guid);
}

async function rowsFor(db: ScratchDatabase["db"], guid: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, column] of TOUCHED) {
    const row = await db.queryOne<{ count: string }>(`SELECT COUNT(*) AS count FROM ${table} WHERE ${column} = ?`, [guid]);
    counts[`${table}.${column}`] = Number(row?.count ?? 0);
  }
  return counts;
}

describe("deleteCharacter", () => {
  let characters: ScratchDatabase;
  let world: ScratchDatabase;
  let auth: ScratchDatabase;
  let stores: CharacterStores;

  before(async () => {
    [characters, world, auth] = await Promise.all([
      createScratchDatabase({ schema: "characters" }),
      createScratchDatabase({ schema: "world" }),
      createScratchDatabase({ schema: "auth" }),
    ]);
    await seedStarts(world.db);
    stores = { characters: characters.db, world: world.db, auth: auth.db };
    await seedGuild(characters.db, 7, "Knights", 50);
    await characters.db.execute("INSERT INTO arena_team (arenaTeamId, name, captainGuid, type) VALUES (9, 'Gladiators', 51, 2)");
  });
  after(() => Promise.all([characters?.drop(), world?.drop(), auth?.drop()]));

  it("removes the character's rows everywhere AzerothCore does, and recounts realmcharacters", async () => {
    for (const [guid, name] of [[10, "Victim"], [11, "Bystander"]] as const) await seedCharacter(characters.db, { guid, account: 700, name });
    await seedEverything(characters.db, 10, 11);
    await auth.db.execute("INSERT INTO realmcharacters (realmid, acctid, numchars) VALUES (1, 700, 2)");
    const bystanderBefore = await rowsFor(characters.db, 11);
    assert.deepEqual(await deleteCharacter(stores, { realmId: 1, accountId: 700, guid: 10n }), { result: ResponseCode.CHAR_DELETE_SUCCESS });
    const left = await rowsFor(characters.db, 10);
    assert.deepEqual(Object.entries(left).filter(([, count]) => count > 0), []);
    const bystanderAfter = await rowsFor(characters.db, 11);
    assert.equal(bystanderAfter["characters.guid"], 1);
    assert.equal(bystanderAfter["character_social.guid"], 0, "the bystander's friend entry for the victim went too");
    assert.equal(bystanderAfter["petition.ownerguid"], bystanderBefore["petition.ownerguid"]);
    const count = await auth.db.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE acctid = 700 AND realmid = 1");
    assert.equal(count?.numchars, 1);
  });

  it("refuses guild masters and arena team captains and keeps their rows", async () => {
    await seedCharacter(characters.db, { guid: 50, account: 701, name: "Guildmaster" });
    await seedCharacter(characters.db, { guid: 51, account: 701, name: "Captain" });
    assert.deepEqual(await deleteCharacter(stores, { realmId: 1, accountId: 701, guid: 50n }), { result: ResponseCode.CHAR_DELETE_FAILED_GUILD_LEADER });
    assert.deepEqual(await deleteCharacter(stores, { realmId: 1, accountId: 701, guid: 51n }), { result: ResponseCode.CHAR_DELETE_FAILED_ARENA_CAPTAIN });
    assert.equal((await characters.db.queryRows("SELECT guid FROM characters WHERE guid IN (50, 51)")).length, 2);
  });

  it("fails for another account's, an unknown and an online character", async () => {
    await seedCharacter(characters.db, { guid: 60, account: 702, name: "Owned" });
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: 999, guid: 60n })).result, ResponseCode.CHAR_DELETE_FAILED);
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: 702, guid: 404n })).result, ResponseCode.CHAR_DELETE_FAILED);
    const online = await deleteCharacter(stores, { realmId: 1, accountId: 702, guid: 60n, isOnline: async (guid) => guid === 60n });
    assert.equal(online.result, ResponseCode.CHAR_DELETE_FAILED);
    assert.equal((await characters.db.queryRows("SELECT guid FROM characters WHERE guid = 60")).length, 1);
  });

  it("unlinks instead when CharDelete.Method is unlink, freeing the name; low levels are still removed", async () => {
    const created = await createCharacter(stores, creation(703, humanWarrior({ name: "Lingering" })));
    const guid = created.created?.guid ?? 0n;
    await characters.db.execute("UPDATE characters SET level = 20 WHERE guid = ?", [guid]);
    const rules = { method: "unlink", minLevel: 10 } as const;
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: 703, guid }, rules)).result, ResponseCode.CHAR_DELETE_SUCCESS);
    const row = await characters.db.queryOne("SELECT name, account, deleteInfos_Name, deleteInfos_Account FROM characters WHERE guid = ?", [guid]);
    assert.deepEqual(row, { name: "", account: 0, deleteInfos_Name: "Lingering", deleteInfos_Account: 703 });
    assert.equal((await createCharacter(stores, creation(703, humanWarrior({ name: "Lingering" })))).result, ResponseCode.CHAR_CREATE_SUCCESS);
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: 703, guid })).result, ResponseCode.CHAR_DELETE_FAILED, "an unlinked character is gone");
    const young = await createCharacter(stores, creation(703, humanWarrior({ name: "Young" })));
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: 703, guid: young.created?.guid ?? 0n }, rules)).result, ResponseCode.CHAR_DELETE_SUCCESS);
    assert.equal((await characters.db.queryRows("SELECT guid FROM characters WHERE deleteInfos_Name = 'Young'")).length, 0);
    const count = await auth.db.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE acctid = 703 AND realmid = 1");
    assert.equal(count?.numchars, 1);
  });
});

/**
 * The module's main flows on AzerothCore's own schema (the fixture dumps, unchanged): create a
 * character, see it on the character screen with its equipment, log it in and find it with /who,
 * then delete it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gatewayCharacterLoggedIn } from "@tc9/sdk";
import { ResponseCode } from "@tc9/sdk/wow";
import { createScratchDatabase, fixturesAvailable } from "@tc9/sdk/testing";
import type { ScratchDatabase } from "./support/scratch.js";
import { AtLoginFlag, createCharacter, deleteCharacter, toCharacterEnumEntry, type CharacterStores } from "../../src/characters/index.js";
import { eventually, startCharactersNode, type CharactersNode } from "./support/characters-node.js";
import { creation, humanWarrior, seedStarts, STARTS } from "./support/creation.js";
import { loginEvent } from "./support/gateway-events.js";
import { seedItemTemplate } from "./support/seed.js";

const ACCOUNT = 42;
const skip = fixturesAvailable() ? false : "the AzerothCore fixtures (shared/fixtures/azerothcore) are not on this machine";

describe("characters module on AzerothCore's schema", { skip }, () => {
  let cluster: CharactersNode;
  let auth: ScratchDatabase;
  let stores: CharacterStores;
  let guid = 0n;

  before(async () => {
    auth = await createScratchDatabase({ schema: "auth", source: "azerothcore-fixtures" });
    cluster = await startCharactersNode({
      source: "azerothcore-fixtures",
      seed: async ({ world }) => {
        await seedStarts(world.db);
        await seedItemTemplate(world.db, 2361, 8690, 17);
      },
    });
    stores = { characters: cluster.characters.db, world: cluster.world.db, auth: auth.db };
  });
  after(() => Promise.all([cluster?.stop(), auth?.drop()]));

  it("creates a character and counts it in realmcharacters", async () => {
    const outcome = await createCharacter(stores, creation(ACCOUNT, humanWarrior({ name: "Varian" })));
    assert.equal(outcome.result, ResponseCode.CHAR_CREATE_SUCCESS);
    guid = outcome.created?.guid ?? 0n;
    assert.equal((await createCharacter(stores, creation(ACCOUNT, humanWarrior({ name: "varian" })))).result, ResponseCode.CHAR_CREATE_NAME_IN_USE);
    const count = await auth.db.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE acctid = ? AND realmid = 1", [ACCOUNT]);
    assert.equal(count?.numchars, 1);
  });

  it("shows it on the character screen, with its equipment once it wears some", async () => {
    await cluster.characters.db.execute("UPDATE characters SET equipmentCache = CONCAT(REPEAT('0 0 ', 15), '2361 0 ', REPEAT('0 0 ', 7)) WHERE guid = ?", [guid]);
    const { characters } = await cluster.client.charactersToLoginForAccount({ accountID: ACCOUNT, realmID: 1 });
    assert.deepEqual(characters.map((c) => [c.GUID, c.name, c.zone, c.map]), [[guid, "Varian", STARTS.humanWarrior.zone, STARTS.humanWarrior.map]]);
    const [varian] = characters;
    assert.ok(varian);
    assert.deepEqual(varian.equipments[15], { DisplayInfoID: 8690, InventoryType: 17, EnchantmentID: 0 });
    const entry = toCharacterEnumEntry(varian);
    assert.deepEqual([entry.firstLogin, entry.zone, varian.atLogin & AtLoginFlag.FIRST], [true, 0, AtLoginFlag.FIRST]);
    const byGuid = await cluster.client.charactersToLoginByGUID({ characterGUID: guid, accountID: ACCOUNT, realmID: 1 });
    assert.equal(byGuid.character?.name, "Varian");
    await cluster.client.updateAccountDataForAccount({ accountID: ACCOUNT, realmID: 1, type: 0, time: 10n, data: "cfg" });
    assert.deepEqual((await cluster.client.accountDataForAccount({ accountID: ACCOUNT, realmID: 1 })).accountData, [{ type: 0, time: 10n, data: "cfg" }]);
  });

  it("finds it online with /who and by name, and offline by name from the database", async () => {
    assert.equal((await cluster.client.characterByName({ realmID: 1, characterName: "VARIAN" })).character?.isOnline, false);
    await cluster.node.bus.publish(gatewayCharacterLoggedIn, loginEvent({ CharGUID: guid, CharName: "Varian", AccountID: ACCOUNT }));
    await eventually("Varian online", async () => (await cluster.client.getOnlineCharacters({ realmID: 1 })).totalCount === 1);
    const who = await cluster.client.whoQuery({ realmID: 1, characterGUID: guid, lvlMin: 1, lvlMax: 100, raceMask: 0xffff_ffff, classMask: 0xffff_ffff, playerName: "var" });
    assert.deepEqual(who.itemsToDisplay.map((item) => item.name), ["Varian"]);
  });

  it("deletes it", async () => {
    assert.equal((await deleteCharacter(stores, { realmId: 1, accountId: ACCOUNT, guid })).result, ResponseCode.CHAR_DELETE_SUCCESS);
    assert.deepEqual((await cluster.client.charactersToLoginForAccount({ accountID: ACCOUNT, realmID: 1 })).characters, []);
    const count = await auth.db.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE acctid = ? AND realmid = 1", [ACCOUNT]);
    assert.equal(count?.numchars, 0);
  });
});

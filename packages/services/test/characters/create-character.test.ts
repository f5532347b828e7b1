/**
 * createCharacter against real MariaDB: AzerothCore's rules and result codes, limits, starting
 * position, the stored row, `realmcharacters`, and that a failure inside the transaction leaves nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ResponseCode } from "@tc9/sdk/wow";
import { createScratchDatabase } from "@tc9/sdk/testing";
import type { ScratchDatabase } from "./support/scratch.js";
import { CharactersError, createCharacter, NEW_CHARACTER_AT_LOGIN, type CharacterStores } from "../../src/characters/index.js";
import { creation, humanWarrior, seedStarts, STARTS } from "./support/creation.js";
import { seedCharacter } from "./support/seed.js";

describe("createCharacter", () => {
  let characters: ScratchDatabase;
  let world: ScratchDatabase;
  let auth: ScratchDatabase;
  let stores: CharacterStores;
  let account = 500;
  const nextAccount = (): number => ++account;
  const numchars = async (accountId: number): Promise<number | undefined> =>
    (await auth.db.queryOne<{ numchars: number }>("SELECT numchars FROM realmcharacters WHERE acctid = ? AND realmid = 1", [accountId]))?.numchars;
  const countNamed = async (name: string): Promise<number> =>
    (await characters.db.queryRows("SELECT guid FROM characters WHERE name = ?", [name])).length;

  before(async () => {
    [characters, world, auth] = await Promise.all([
      createScratchDatabase({ schema: "characters" }),
      createScratchDatabase({ schema: "world" }),
      createScratchDatabase({ schema: "auth" }),
    ]);
    await seedStarts(world.db);
    stores = { characters: characters.db, world: world.db, auth: auth.db };
  });
  after(() => Promise.all([characters?.drop(), world?.drop(), auth?.drop()]));

  it("creates the character at its race and class's start, as AzerothCore stores a new one", async () => {
    const accountId = nextAccount();
    const created = await createCharacter(stores, creation(accountId, humanWarrior({ name: "aRTHAS", gender: 1 }), { newGuid: async () => 77n }));
    assert.deepEqual(created, { result: ResponseCode.CHAR_CREATE_SUCCESS, created: { guid: 77n, name: "Arthas" } });
    const row = await characters.db.queryOne<Record<string, unknown>>(
      `SELECT account, name, race, class, gender, level, money, skin, face, hairStyle, hairColor, facialStyle, map, zone,
              position_x, position_y, position_z, orientation, at_login, cinematic, restState, online, health, power1, power2,
              watchedFaction, taximask, equipmentCache, innTriggerId, deleteInfos_Name FROM characters WHERE guid = 77`,
    );
    const start = STARTS.humanWarrior;
    assert.deepEqual(row, {
      account: accountId, name: "Arthas", race: 1, class: 1, gender: 1, level: 1, money: 0, skin: 1, face: 2, hairStyle: 3,
      hairColor: 4, facialStyle: 5, map: start.map, zone: start.zone, position_x: Math.fround(start.x), position_y: Math.fround(start.y),
      position_z: Math.fround(start.z), orientation: 0, at_login: NEW_CHARACTER_AT_LOGIN, cinematic: 0, restState: 2, online: 0,
      health: 0xffff_ffff, power1: 0xffff_ffff, power2: 0, watchedFaction: 0xffff_ffff, taximask: "", equipmentCache: "0 ".repeat(46),
      innTriggerId: 0, deleteInfos_Name: null,
    });
    assert.equal(await numchars(accountId), 1);
  });

  it("refuses names by AzerothCore's rules", async () => {
    const cases: Array<[string, number, object?]> = [
      ["", ResponseCode.CHAR_NAME_NO_NAME],
      ["Jaina Proud", ResponseCode.CHAR_NAME_NO_NAME],
      ["J", ResponseCode.CHAR_NAME_TOO_SHORT],
      ["Abcdefghijklm", ResponseCode.CHAR_NAME_TOO_LONG],
      ["Jaina2", ResponseCode.CHAR_NAME_MIXED_LANGUAGES],
      ["Jaиna", ResponseCode.CHAR_NAME_MIXED_LANGUAGES],
      ["Éowyn", ResponseCode.CHAR_NAME_MIXED_LANGUAGES, { strictPlayerNames: 1 }],
      ["Baaad", ResponseCode.CHAR_NAME_THREE_CONSECUTIVE],
      ["Kingofgm", ResponseCode.CHAR_NAME_RESERVED],
      ["Varian", ResponseCode.CHAR_NAME_RESERVED, { reservedNames: ["VARIAN"] }],
      ["Rudeword", ResponseCode.CHAR_NAME_PROFANE, { profaneNames: ["rudeword"] }],
      ["Jaina", ResponseCode.CHAR_NAME_TOO_SHORT, { minPlayerNameLength: 6 }],
    ];
    for (const [name, expected, rules] of cases) {
      const outcome = await createCharacter(stores, creation(nextAccount(), humanWarrior({ name })), rules);
      assert.equal(outcome.result, expected, `name ${JSON.stringify(name)}`);
    }
    for (const name of ["Éowyn", "Андуин", "安度因", "Aab"]) {
      const outcome = await createCharacter(stores, creation(nextAccount(), humanWarrior({ name })));
      assert.equal(outcome.result, ResponseCode.CHAR_CREATE_SUCCESS, `name ${name}`);
    }
    assert.equal((await createCharacter(stores, creation(nextAccount(), humanWarrior({ name: "Straße" })))).created?.name, "Straße");
  });

  it("refuses a name already taken, whatever case it is asked in", async () => {
    await seedCharacter(characters.db, { guid: 1, account: 1, name: "Uther" });
    const outcome = await createCharacter(stores, creation(nextAccount(), humanWarrior({ name: "UTHER" })));
    assert.deepEqual(outcome, { result: ResponseCode.CHAR_CREATE_NAME_IN_USE });
    assert.equal(await countNamed("Uther"), 1);
  });

  it("fails unknown races and classes, and errs without starting data or with a bad gender", async () => {
    const cases: Array<[Partial<ReturnType<typeof humanWarrior>>, number]> = [
      [{ classId: 10 }, ResponseCode.CHAR_CREATE_FAILED],
      [{ classId: 12 }, ResponseCode.CHAR_CREATE_FAILED],
      [{ race: 0 }, ResponseCode.CHAR_CREATE_FAILED],
      [{ race: 22 }, ResponseCode.CHAR_CREATE_FAILED],
      [{ race: 1, classId: 11 }, ResponseCode.CHAR_CREATE_ERROR],
      [{ race: 9, classId: 1 }, ResponseCode.CHAR_CREATE_ERROR],
      [{ gender: 2 }, ResponseCode.CHAR_CREATE_ERROR],
    ];
    for (const [overrides, expected] of cases) {
      const outcome = await createCharacter(stores, creation(nextAccount(), humanWarrior({ name: "Medivh", ...overrides })));
      assert.equal(outcome.result, expected, JSON.stringify(overrides));
    }
    assert.equal(await countNamed("Medivh"), 0);
  });

  it("closes disabled factions, races and classes to player accounts only", async () => {
    const tries: Array<[object, ReturnType<typeof humanWarrior>]> = [
      [{ disabledTeamMask: 1 }, humanWarrior({ name: "Anduin" })],
      [{ disabledTeamMask: 2 }, humanWarrior({ name: "Garrosh", race: 2 })],
      [{ disabledRaceMask: 1 << 3 }, humanWarrior({ name: "Tyrande", race: 4, classId: 11 })],
      [{ disabledClassMask: 1 << 10 }, humanWarrior({ name: "Malfurion", race: 4, classId: 11 })],
    ];
    for (const [rules, character] of tries) {
      assert.equal((await createCharacter(stores, creation(nextAccount(), character), rules)).result, ResponseCode.CHAR_CREATE_DISABLED);
      const asGm = await createCharacter(stores, creation(nextAccount(), character, { accountSecurity: 3 }), rules);
      assert.equal(asGm.result, ResponseCode.CHAR_CREATE_SUCCESS, `${character.name} by a game master`);
    }
  });

  it("lets an account create a death knight once another character reached level 55, one per realm", async () => {
    const accountId = nextAccount();
    const deathKnight = (name: string) => humanWarrior({ name, classId: 6 });
    assert.equal((await createCharacter(stores, creation(accountId, deathKnight("Koltira")))).result, ResponseCode.CHAR_CREATE_LEVEL_REQUIREMENT);
    await seedCharacter(characters.db, { guid: 2, account: accountId, name: "Veteran", level: 55 });
    const created = await createCharacter(stores, creation(accountId, deathKnight("Koltira")));
    assert.equal(created.result, ResponseCode.CHAR_CREATE_SUCCESS);
    const row = await characters.db.queryOne<{ level: number; money: number; map: number }>("SELECT level, money, map FROM characters WHERE name = 'Koltira'");
    assert.deepEqual(row, { level: 55, money: 2000, map: STARTS.humanDeathKnight.map });
    assert.equal((await createCharacter(stores, creation(accountId, deathKnight("Thassarian")))).result, ResponseCode.CHAR_CREATE_UNIQUE_CLASS_LIMIT);
    assert.equal((await createCharacter(stores, creation(accountId, deathKnight("Thassarian")), { heroicCharactersPerRealm: 2 })).result, ResponseCode.CHAR_CREATE_SUCCESS);
    const other = nextAccount();
    assert.equal((await createCharacter(stores, creation(other, deathKnight("Darion")), { heroicCharactersPerRealm: 0 })).result, ResponseCode.CHAR_CREATE_UNIQUE_CLASS_LIMIT);
    assert.equal((await createCharacter(stores, creation(other, deathKnight("Darion")), { minLevelForHeroicCharacter: 81 })).result, ResponseCode.CHAR_CREATE_LEVEL_REQUIREMENT);
    assert.equal((await createCharacter(stores, creation(other, deathKnight("Darion")), { minLevelForHeroicCharacter: 0 })).result, ResponseCode.CHAR_CREATE_SUCCESS);
  });

  it("limits characters per realm and per account (realmcharacters over all realms)", async () => {
    const full = nextAccount();
    for (let index = 0; index < 10; index++) {
      const name = `Full${String.fromCharCode(97 + index)}`;
      assert.equal((await createCharacter(stores, creation(full, humanWarrior({ name })))).result, ResponseCode.CHAR_CREATE_SUCCESS);
    }
    assert.equal(await numchars(full), 10);
    assert.equal((await createCharacter(stores, creation(full, humanWarrior({ name: "Eleventh" })))).result, ResponseCode.CHAR_CREATE_SERVER_LIMIT);
    assert.equal((await createCharacter(stores, creation(full, humanWarrior({ name: "Eleventh" })), { charactersPerRealm: 11 })).result, ResponseCode.CHAR_CREATE_SUCCESS);
    const busy = nextAccount();
    await auth.db.execute("INSERT INTO realmcharacters (realmid, acctid, numchars) VALUES (2, ?, 30), (3, ?, 20)", [busy, busy]);
    assert.equal((await createCharacter(stores, creation(busy, humanWarrior({ name: "Overflow" })))).result, ResponseCode.CHAR_CREATE_ACCOUNT_LIMIT);
    assert.equal((await createCharacter(stores, creation(busy, humanWarrior({ name: "Overflow" })), { charactersPerAccount: 51 })).result, ResponseCode.CHAR_CREATE_SUCCESS);
  });

  it("keeps an account on its first character's faction when two-sided accounts are off", async () => {
    const accountId = nextAccount();
    const rules = { allowTwoSideAccounts: false };
    assert.equal((await createCharacter(stores, creation(accountId, humanWarrior({ name: "Bolvar" })), rules)).result, ResponseCode.CHAR_CREATE_SUCCESS);
    const horde = humanWarrior({ name: "Saurfang", race: 2 });
    assert.equal((await createCharacter(stores, creation(accountId, horde), rules)).result, ResponseCode.CHAR_CREATE_PVP_TEAMS_VIOLATION);
    assert.equal((await createCharacter(stores, creation(accountId, horde))).result, ResponseCode.CHAR_CREATE_SUCCESS);
  });

  it("skips the intro cinematic as configured, and starts game masters at StartGmLevel", async () => {
    const accountId = nextAccount();
    const cinematicOf = async (name: string): Promise<number | undefined> =>
      (await characters.db.queryOne<{ cinematic: number }>("SELECT cinematic FROM characters WHERE name = ?", [name]))?.cinematic;
    await createCharacter(stores, creation(accountId, humanWarrior({ name: "First" })), { skipCinematics: 1 });
    await createCharacter(stores, creation(accountId, humanWarrior({ name: "Second" })), { skipCinematics: 1 });
    await createCharacter(stores, creation(accountId, humanWarrior({ name: "Third", race: 4, classId: 11 })), { skipCinematics: 1 });
    await createCharacter(stores, creation(accountId, humanWarrior({ name: "Fourth", race: 2 })), { skipCinematics: 2 });
    assert.deepEqual(await Promise.all(["First", "Second", "Third", "Fourth"].map(cinematicOf)), [0, 1, 0, 1]);
    await createCharacter(stores, creation(nextAccount(), humanWarrior({ name: "Gamemaster" }), { accountSecurity: 2 }), { startGmLevel: 80 });
    assert.equal((await characters.db.queryOne<{ level: number }>("SELECT level FROM characters WHERE name = 'Gamemaster'"))?.level, 80);
  });

  it("creates nothing when a step inside the transaction fails", async () => {
    const accountId = nextAccount();
    await seedCharacter(characters.db, { guid: 3, account: 1, name: "Occupant" });
    await assert.rejects(createCharacter(stores, creation(accountId, humanWarrior({ name: "Clash" }), { newGuid: async () => 3n })), /Duplicate entry/);
    await assert.rejects(
      createCharacter(stores, creation(accountId, humanWarrior({ name: "Clash" }), { newGuid: async () => 1n << 32n })),
      (error: unknown) => error instanceof CharactersError && error.code === "TC9_ERR_CHARACTERS_GUID_OUT_OF_RANGE",
    );
    const brokenAuth = await createScratchDatabase();
    try {
      await assert.rejects(createCharacter({ ...stores, auth: brokenAuth.db }, creation(accountId, humanWarrior({ name: "Clash" }))), /realmcharacters/);
    } finally {
      await brokenAuth.drop();
    }
    assert.equal(await countNamed("Clash"), 0);
    assert.equal(await numchars(accountId), undefined);
  });

  it("gives a name to only one of two simultaneous creations", async () => {
    const outcomes = await Promise.all([nextAccount(), nextAccount()].map((accountId) => createCharacter(stores, creation(accountId, humanWarrior({ name: "Racer" })))));
    assert.deepEqual(outcomes.map((outcome) => outcome.result).sort(), [ResponseCode.CHAR_CREATE_SUCCESS, ResponseCode.CHAR_CREATE_NAME_IN_USE].sort());
    assert.equal(await countNamed("Racer"), 1);
  });

  it("creates 24 characters of different accounts at once (gap-lock deadlocks are retried)", async () => {
    const names = Array.from({ length: 24 }, (_, index) => `Crowd${String.fromCharCode(97 + index)}`);
    const outcomes = await Promise.all(names.map((name) => createCharacter(stores, creation(nextAccount(), humanWarrior({ name })))));
    assert.deepEqual(new Set(outcomes.map((outcome) => outcome.result)), new Set([ResponseCode.CHAR_CREATE_SUCCESS]));
    for (const name of names) assert.equal(await countNamed(name), 1);
  });

  it("without an auth database checks no account limit and writes no realmcharacters", async () => {
    const accountId = nextAccount();
    await auth.db.execute("INSERT INTO realmcharacters (realmid, acctid, numchars) VALUES (2, ?, 50)", [accountId]);
    const outcome = await createCharacter({ characters: characters.db, world: world.db }, creation(accountId, humanWarrior({ name: "Noauth" })));
    assert.equal(outcome.result, ResponseCode.CHAR_CREATE_SUCCESS);
    assert.equal(await numchars(accountId), undefined);
  });
});

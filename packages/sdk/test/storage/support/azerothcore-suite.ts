import { readdirSync } from "node:fs";
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import {
  MigrationChangedError,
  migrationStatus,
  runMigrations,
  toBigInt,
  type Database,
} from "../../../src/storage/index.js";
import { defaultMigrationsDir } from "../../../src/storage/package-paths.js";
import {
  createScratchDatabase,
  fixturesAvailable,
  fixturesDir,
  type ScratchDatabase,
} from "../../../src/storage/testing.js";
import { barrier } from "./barrier.js";
import { migrationFolder } from "./migration-folder.js";

export type SchemaSource = "tc9" | "azerothcore-fixtures";

/** The skip reason for fixture-backed suites, or false when the fixtures are present. */
export function fixtureSkip(source: SchemaSource): string | false {
  if (source === "tc9" || fixturesAvailable()) return false;
  return `AzerothCore fixtures not found in ${fixturesDir()}; clone shared/ next to the repository or set TC9_AZEROTHCORE_FIXTURES`;
}

/** Every migration file the repository ships for the characters database, in order. */
const repoMigrations = readdirSync(defaultMigrationsDir("characters"))
  .filter((name) => /^\d{4}_.+\.sql$/.test(name))
  .sort();

/**
 * Storage and migration behaviour on a real AzerothCore `characters` schema, run once on tc9's
 * own schema files and once on AzerothCore's schema dump, so both are held to the same tests.
 */
export function defineAzerothCoreSuite(source: SchemaSource): void {
  describe(`storage on the AzerothCore characters schema (${source})`, { skip: fixtureSkip(source) }, () => {
    let scratch: ScratchDatabase;
    let db: Database;

    before(async () => {
      scratch = await createScratchDatabase({ schema: "characters", source });
      db = scratch.db;
      for (const [guid, name] of [
        [1, "Alpha"],
        [2, "Beta"],
      ] as const) {
        await db.execute(
          "INSERT INTO characters (guid, account, name, money, taximask, innTriggerId) VALUES (?, ?, ?, ?, ?, ?)",
          [guid, 7, name, 1000, "", 0],
        );
      }
    });

    after(async () => {
      await scratch?.drop();
    });

    async function money(guid: number): Promise<number | undefined> {
      return (await db.queryOne<{ money: number }>("SELECT money FROM characters WHERE guid = ?", [guid]))?.money;
    }

    it("reads characters rows with typed prepared statements", async () => {
      const rows = await db.queryRows<{ guid: number; name: string; money: number; creation_date: string }>(
        "SELECT guid, name, money, creation_date FROM characters WHERE account = ? ORDER BY guid",
        [7],
      );
      assert.deepEqual(
        rows.map((row) => [row.guid, row.name, row.money]),
        [
          [1, "Alpha", 1000],
          [2, "Beta", 1000],
        ],
      );
      assert.match(rows[0]?.creation_date ?? "", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it("round-trips 64-bit target GUIDs in groups.icon1..icon8 (BIGINT UNSIGNED) exactly", async () => {
      const icons = [0xf1300000000000a1n, (1n << 64n) - 1n, (1n << 53n) + 1n, 0n, 1n, 2n, 3n, 4n];
      await db.execute(
        `INSERT INTO \`groups\` (guid, leaderGuid, lootMethod, looterGuid, lootThreshold,
           icon1, icon2, icon3, icon4, icon5, icon6, icon7, icon8, groupType, masterLooterGuid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [900, 1, 0, 0, 2, ...icons, 0, 0],
      );
      const row = await db.queryOne<Record<`icon${number}`, string>>(
        "SELECT icon1, icon2, icon3, icon4, icon5, icon6, icon7, icon8 FROM `groups` WHERE icon1 = ?",
        [0xf1300000000000a1n],
      );
      assert.ok(row);
      assert.deepEqual(
        icons.map((_, index) => toBigInt(row[`icon${index + 1}`] ?? "")),
        icons,
      );
    });

    it("commits a money transfer and rolls back a failed one", async () => {
      await db.transaction(async (tx) => {
        await tx.execute("UPDATE characters SET money = money - ? WHERE guid = ?", [100, 1]);
        await tx.execute("UPDATE characters SET money = money + ? WHERE guid = ?", [100, 2]);
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.execute("UPDATE characters SET money = money - ? WHERE guid = ?", [5000, 2]);
        }),
        /out of range/i,
      );
      assert.equal(await money(1), 900);
      assert.equal(await money(2), 1100);
    });

    it("survives a real deadlock between two characters updates by retrying the victim", async () => {
      const bothHoldFirstLock = barrier(2);
      const transfer = (first: number, second: number) =>
        db.transaction(
          async (tx) => {
            await tx.execute("UPDATE characters SET money = money + 1 WHERE guid = ?", [first]);
            if (tx.attempt === 1) await bothHoldFirstLock();
            await tx.execute("UPDATE characters SET money = money + 10 WHERE guid = ?", [second]);
            return tx.attempt;
          },
          { initialBackoffMs: 5 },
        );
      const attempts = await Promise.all([transfer(1, 2), transfer(2, 1)]);
      assert.deepEqual([...attempts].sort(), [1, 2]);
      assert.equal(await money(1), 911);
      assert.equal(await money(2), 1111);
    });

    it("applies tc9's characters migrations once; a rerun is a no-op and status shows them applied", async () => {
      const first = await runMigrations(db, { kind: "characters" });
      assert.deepEqual(first.applied, repoMigrations);
      const second = await runMigrations(db, { kind: "characters" });
      assert.deepEqual(second, { applied: [], alreadyApplied: repoMigrations });
      const status = await migrationStatus(db, { kind: "characters" });
      assert.deepEqual(status.applied.map((row) => row.name), repoMigrations);
      assert.deepEqual([status.pending, status.changed, status.unknown], [[], [], []]);
      assert.equal(status.dir, defaultMigrationsDir("characters"));
    });

    it("gives the services what the migrations promise", async () => {
      const mail = await db.execute("INSERT INTO mail (messageType, sender, receiver, subject, body) VALUES (?, ?, ?, ?, ?)", [
        0,
        1,
        2,
        "Hello",
        "From the mail service",
      ]);
      assert.ok(mail.insertId > 0n, "mail.id is AUTO_INCREMENT");
      const group = await db.execute(
        `INSERT INTO \`groups\` (leaderGuid, lootMethod, looterGuid, lootThreshold,
           icon1, icon2, icon3, icon4, icon5, icon6, icon7, icon8, groupType, masterLooterGuid)
         VALUES (?, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
        [1],
      );
      assert.ok(group.insertId > 900n, "groups.guid is AUTO_INCREMENT");
      await db.execute(
        "INSERT INTO group_invites (invited, inviter, groupId, invitedName, inviterName, inviterMapId, inviterGameServerId) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [2, 1, Number(group.insertId), "Beta", "Alpha", 571, "gs-1"],
      );
      const invite = await db.queryOne<{ inviterMapId: number; inviterGameServerId: string }>(
        "SELECT inviterMapId, inviterGameServerId FROM group_invites WHERE invited = ?",
        [2],
      );
      assert.deepEqual(invite, { inviterMapId: 571, inviterGameServerId: "gs-1" });
      await db.execute("INSERT INTO guild_invites (charGuid, guildId) VALUES (?, ?)", [2, 5]);
      await db.execute(
        "INSERT INTO channels_members (channelId, playerGUID, playerName, joinedAt) VALUES (?, ?, ?, ?)",
        [3, (1n << 63n) + 2n, "Beta", 1_700_000_000_000n],
      );
      const member = await db.queryOne<{ playerGUID: string; flags: number }>(
        "SELECT playerGUID, flags FROM channels_members WHERE channelId = ?",
        [3],
      );
      assert.deepEqual(member, { playerGUID: ((1n << 63n) + 2n).toString(), flags: 0 });
    });

    it("refuses tc9's migrations once an applied file has been edited", async () => {
      const folder = await migrationFolder();
      try {
        await cp(defaultMigrationsDir("characters"), folder.dir, { recursive: true });
        await folder.write(
          "0001_create_guild_invites.sql",
          "CREATE TABLE IF NOT EXISTS `guild_invites` (`charGuid` INT UNSIGNED NOT NULL PRIMARY KEY);\n",
        );
        await assert.rejects(
          runMigrations(db, { kind: "characters", dir: folder.dir }),
          (error: unknown) => error instanceof MigrationChangedError && error.file === "0001_create_guild_invites.sql",
        );
        const status = await migrationStatus(db, { kind: "characters", dir: folder.dir });
        assert.deepEqual(status.changed.map((row) => row.name), ["0001_create_guild_invites.sql"]);
      } finally {
        await folder.remove();
      }
    });
  });
}

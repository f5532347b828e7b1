import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { azerothCoreSchemaTables, type AzerothCoreSchema, type Database } from "../../src/storage/index.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/storage/testing.js";
import { defineAzerothCoreSuite, fixtureSkip } from "./support/azerothcore-suite.js";

defineAzerothCoreSuite("azerothcore-fixtures");

interface ColumnShape {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  ORDINAL_POSITION: number;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  EXTRA: string;
  COLLATION_NAME: string | null;
}

interface IndexShape {
  TABLE_NAME: string;
  INDEX_NAME: string;
  NON_UNIQUE: number | string;
  SEQ_IN_INDEX: number;
  COLUMN_NAME: string;
  SUB_PART: number | null;
}

async function columns(db: Database, tables: readonly string[]): Promise<ColumnShape[]> {
  return db.queryRows<ColumnShape>(
    `SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLLATION_NAME
       FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = ? AND FIND_IN_SET(TABLE_NAME, ?)
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [db.name, tables.join(",")],
  );
}

async function indexes(db: Database, tables: readonly string[]): Promise<IndexShape[]> {
  return db.queryRows<IndexShape>(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART
       FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? AND FIND_IN_SET(TABLE_NAME, ?)
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [db.name, tables.join(",")],
  );
}

async function tableOptions(db: Database, tables: readonly string[]): Promise<unknown[]> {
  return db.queryRows(
    `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? AND FIND_IN_SET(TABLE_NAME, ?) ORDER BY TABLE_NAME`,
    [db.name, tables.join(",")],
  );
}

for (const schema of ["auth", "characters", "world"] as const satisfies readonly AzerothCoreSchema[]) {
  describe(`tc9's ${schema} schema files match AzerothCore's`, { skip: fixtureSkip("azerothcore-fixtures") }, () => {
    let ours: ScratchDatabase;
    let theirs: ScratchDatabase;
    let tables: string[];

    before(async () => {
      [ours, theirs, tables] = await Promise.all([
        createScratchDatabase({ schema, source: "tc9" }),
        createScratchDatabase({ schema, source: "azerothcore-fixtures" }),
        azerothCoreSchemaTables(schema),
      ]);
    });

    after(async () => {
      await Promise.all([ours?.drop(), theirs?.drop()]);
    });

    it("declares only tables that AzerothCore has", async () => {
      assert.ok(tables.length > 0);
      const present = await theirs.db.queryRows<{ TABLE_NAME: string }>(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND FIND_IN_SET(TABLE_NAME, ?)",
        [theirs.name, tables.join(",")],
      );
      assert.deepEqual(present.map((row) => row.TABLE_NAME).sort(), tables);
    });

    it("has the same columns: name, position, type, nullability, default, extra, collation", async () => {
      assert.deepEqual(await columns(ours.db, tables), await columns(theirs.db, tables));
    });

    it("has the same primary keys and indexes", async () => {
      const [mine, reference] = await Promise.all([indexes(ours.db, tables), indexes(theirs.db, tables)]);
      assert.deepEqual(
        mine.filter((row) => row.INDEX_NAME === "PRIMARY"),
        reference.filter((row) => row.INDEX_NAME === "PRIMARY"),
      );
      assert.deepEqual(mine, reference);
    });

    it("has the same engine and collation", async () => {
      assert.deepEqual(await tableOptions(ours.db, tables), await tableOptions(theirs.db, tables));
    });
  });
}

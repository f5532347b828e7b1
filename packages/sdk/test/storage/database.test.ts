import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  Database,
  StorageConfigError,
  StorageParameterError,
  StorageQueryError,
  StorageResultError,
  StorageUnavailableError,
  toBigInt,
} from "../../src/storage/index.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/storage/testing.js";
import { closedPort } from "./support/network.js";

describe("Database (real MariaDB)", () => {
  let scratch: ScratchDatabase;
  let db: Database;

  before(async () => {
    scratch = await createScratchDatabase();
    db = scratch.db;
    await db.execute(
      `CREATE TABLE wide (
         id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
         guid BIGINT UNSIGNED NOT NULL,
         delta BIGINT NOT NULL DEFAULT 0,
         label VARCHAR(32) NULL,
         payload VARBINARY(16) NULL,
         created TIMESTAMP NOT NULL DEFAULT '2020-01-02 03:04:05',
         UNIQUE KEY uniq_guid (guid)
       )`,
    );
  });

  after(async () => {
    await scratch.drop();
  });

  it("runs prepared statements and returns typed rows", async () => {
    const inserted = await db.execute("INSERT INTO wide (guid, label, payload) VALUES (?, ?, ?)", [
      5n,
      "five",
      Buffer.from([1, 2, 3]),
    ]);
    assert.equal(inserted.affectedRows, 1);
    assert.equal(typeof inserted.insertId, "bigint");
    assert.ok(inserted.insertId > 0n);

    interface WideRow {
      id: number;
      guid: string;
      label: string | null;
      payload: Buffer | null;
      created: string;
    }
    const row = await db.queryOne<WideRow>("SELECT id, guid, label, payload, created FROM wide WHERE guid = ?", [5n]);
    assert.ok(row);
    assert.equal(row.id, Number(inserted.insertId));
    assert.equal(row.guid, "5", "BIGINT columns always come back as decimal strings");
    assert.equal(row.label, "five");
    assert.deepEqual(row.payload, Buffer.from([1, 2, 3]));
    assert.equal(row.created, "2020-01-02 03:04:05", "timestamps come back as stored");
  });

  it("round-trips BIGINT UNSIGNED values above 2^53 exactly, and matches on them", async () => {
    const maxU64 = (1n << 64n) - 1n;
    const neighbour = maxU64 - 1n;
    const beyondDouble = (1n << 53n) + 1n;
    for (const guid of [maxU64, neighbour, beyondDouble]) {
      await db.execute("INSERT INTO wide (guid, delta) VALUES (?, ?)", [guid, -(1n << 62n)]);
    }
    const rows = await db.queryRows<{ guid: string; delta: string }>(
      "SELECT guid, delta FROM wide WHERE guid IN (?, ?, ?) ORDER BY guid",
      [maxU64, neighbour, beyondDouble],
    );
    assert.deepEqual(
      rows.map((row) => toBigInt(row.guid)),
      [beyondDouble, neighbour, maxU64],
    );
    assert.ok(rows.every((row) => toBigInt(row.delta) === -(1n << 62n)));
    const exact = await db.queryRows<{ guid: string }>("SELECT guid FROM wide WHERE guid = ?", [neighbour]);
    assert.deepEqual(exact, [{ guid: neighbour.toString() }], "a neighbour that a double cannot tell apart is not matched");
  });

  it("returns aggregate results as strings that toBigInt converts", async () => {
    const row = await db.queryOne<{ total: string }>("SELECT COUNT(*) AS total FROM wide");
    assert.ok(row);
    assert.equal(typeof row.total, "string");
    assert.ok(toBigInt(row.total) >= 4n);
  });

  it("rejects undefined parameters before sending anything", async () => {
    const params = [undefined] as unknown as string[];
    await assert.rejects(
      db.queryRows("SELECT * FROM wide WHERE label = ?", params),
      (error: unknown) =>
        error instanceof StorageParameterError &&
        error.code === "TC9_ERR_STORAGE_PARAMETER" &&
        /Parameter 1 .* is undefined; pass null/.test(error.message),
    );
  });

  it("rejects integral numbers beyond 2^53 and asks for a bigint", async () => {
    await assert.rejects(db.execute("INSERT INTO wide (guid) VALUES (?)", [2 ** 60]), /pass it as a bigint/);
  });

  it("translates server errors into StorageQueryError with MariaDB's code and errno", async () => {
    await assert.rejects(
      db.execute("INSERT INTO wide (guid) VALUES (?)", [5n]),
      (error: unknown) =>
        error instanceof StorageQueryError &&
        error.code === "TC9_ERR_STORAGE_QUERY" &&
        error.sqlCode === "ER_DUP_ENTRY" &&
        error.errno === 1062,
    );
  });

  it("keeps execute() and queryRows() to their result shapes", async () => {
    await assert.rejects(db.execute("SELECT 1"), StorageResultError);
    await assert.rejects(db.queryRows("UPDATE wide SET label = label WHERE 1 = 0"), StorageResultError);
  });

  it("queryOne returns undefined for no row and refuses more than one", async () => {
    assert.equal(await db.queryOne("SELECT id FROM wide WHERE guid = ?", [123n]), undefined);
    await assert.rejects(db.queryOne("SELECT id FROM wide"), /at most one was expected/);
  });

  it("answers ping()", async () => {
    await db.ping();
  });
});

describe("Database without a server", () => {
  it("constructs lazily while nothing listens, and ping() fails fast with StorageUnavailableError", async () => {
    const port = await closedPort();
    const db = new Database({ url: `mysql://root@127.0.0.1:${port}/acore_characters`, connectTimeoutMs: 2000 });
    const started = Date.now();
    await assert.rejects(db.ping(), (error: unknown) => {
      assert.ok(error instanceof StorageUnavailableError, String(error));
      assert.equal(error.code, "TC9_ERR_STORAGE_UNAVAILABLE");
      assert.equal(error.target, `127.0.0.1:${port}/acore_characters`);
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
    assert.ok(Date.now() - started < 1500, "a refused connection is reported at once");
    await assert.rejects(db.queryRows("SELECT 1"), StorageUnavailableError);
    await db.close();
  });

  it("reports an unknown database as unavailable", async () => {
    const db = new Database("mysql://root@127.0.0.1:3306/tc9_test_does_not_exist");
    await assert.rejects(db.ping(), (error: unknown) => error instanceof StorageUnavailableError && /Unknown database/.test(error.message));
    await db.close();
  });

  it("refuses a URL without a database name", () => {
    assert.throws(() => new Database("mysql://root@127.0.0.1:3306"), StorageConfigError);
  });

  it("refuses statements after close()", async () => {
    const scratch = await createScratchDatabase();
    await scratch.db.close();
    await assert.rejects(scratch.db.queryRows("SELECT 1"), /was closed with close\(\)/);
    await scratch.drop();
  });
});

import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import {
  Database,
  MigrationChangedError,
  MigrationFailedError,
  MigrationFileError,
  migrationStatus,
  runMigrations,
} from "../../src/storage/index.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/storage/testing.js";
import { migrationFolder, type MigrationFolder } from "./support/migration-folder.js";

const createLedger = `-- a table and a first row
CREATE TABLE IF NOT EXISTS ledger (id INT UNSIGNED PRIMARY KEY, note VARCHAR(32) NOT NULL) ENGINE=InnoDB;
INSERT INTO ledger (id, note) VALUES (1, 'first');
`;
const secondRow = "INSERT INTO ledger (id, note) VALUES (2, 'second');\n";

describe("runMigrations / migrationStatus (real MariaDB)", () => {
  let scratch: ScratchDatabase;
  let folder: MigrationFolder;

  beforeEach(async () => {
    scratch = await createScratchDatabase();
    folder = await migrationFolder({ "0001_create_ledger.sql": createLedger, "0002_second_row.sql": secondRow });
  });

  afterEach(async () => {
    await scratch.drop();
    await folder.remove();
  });

  async function ledgerIds(): Promise<number[]> {
    const rows = await scratch.db.queryRows<{ id: number }>("SELECT id FROM ledger ORDER BY id");
    return rows.map((row) => row.id);
  }

  it("applies pending files in order and records name, checksum and time", async () => {
    const result = await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    assert.deepEqual(result, { applied: ["0001_create_ledger.sql", "0002_second_row.sql"], alreadyApplied: [] });
    assert.deepEqual(await ledgerIds(), [1, 2]);
    const recorded = await scratch.db.queryRows<{ kind: string; name: string; checksum: string; applied_at: string }>(
      "SELECT kind, name, checksum, applied_at FROM tc9_schema_migrations ORDER BY name",
    );
    assert.deepEqual(
      recorded.map((row) => [row.kind, row.name]),
      [
        ["characters", "0001_create_ledger.sql"],
        ["characters", "0002_second_row.sql"],
      ],
    );
    assert.ok(recorded.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && /^\d{4}-\d\d-\d\d /.test(row.applied_at)));
  });

  it("is a no-op when run again, and applies only files added since", async () => {
    await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    const again = await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    assert.deepEqual(again.applied, []);
    assert.deepEqual(await ledgerIds(), [1, 2], "the INSERTs did not run twice");
    await folder.write("0003_third_row.sql", "INSERT INTO ledger (id, note) VALUES (3, 'third');");
    const third = await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    assert.deepEqual(third.applied, ["0003_third_row.sql"]);
    assert.deepEqual(await ledgerIds(), [1, 2, 3]);
  });

  it("refuses to run when an applied file has changed, naming the file and the fix", async () => {
    await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    await folder.write("0002_second_row.sql", "INSERT INTO ledger (id, note) VALUES (2, 'edited');\n");
    await folder.write("0003_third_row.sql", "INSERT INTO ledger (id, note) VALUES (3, 'third');");
    await assert.rejects(runMigrations(scratch.db, { kind: "characters", dir: folder.dir }), (error: unknown) => {
      assert.ok(error instanceof MigrationChangedError, String(error));
      assert.equal(error.code, "TC9_ERR_STORAGE_MIGRATION_CHANGED");
      assert.equal(error.file, "0002_second_row.sql");
      assert.match(error.message, /restore the file .* new migration with the next number/);
      return true;
    });
    assert.deepEqual(await ledgerIds(), [1, 2], "nothing ran, not even the new file");
  });

  it("treats CRLF and LF checkouts of a file as the same content", async () => {
    await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    await folder.write("0001_create_ledger.sql", createLedger.replace(/\n/g, "\r\n"));
    const again = await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    assert.equal(again.applied.length, 0);
  });

  it("reports applied, pending, changed and unknown files in status()", async () => {
    const empty = await migrationStatus(scratch.db, { kind: "characters", dir: folder.dir });
    assert.deepEqual(empty.pending, ["0001_create_ledger.sql", "0002_second_row.sql"]);
    assert.deepEqual(empty.applied, []);

    await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    await folder.write("0001_create_ledger.sql", `${createLedger}-- edited\n`);
    await folder.write("0003_third_row.sql", "INSERT INTO ledger (id, note) VALUES (3, 'third');");
    const other = await migrationFolder({ "0001_create_ledger.sql": createLedger });
    try {
      const status = await migrationStatus(scratch.db, { kind: "characters", dir: folder.dir });
      assert.deepEqual(status.applied.map((row) => row.name), ["0002_second_row.sql"]);
      assert.deepEqual(status.pending, ["0003_third_row.sql"]);
      assert.deepEqual(status.changed.map((row) => row.name), ["0001_create_ledger.sql"]);
      assert.notEqual(status.changed[0]?.recordedChecksum, status.changed[0]?.fileChecksum);
      assert.deepEqual(status.unknown, []);

      const otherStatus = await migrationStatus(scratch.db, { kind: "characters", dir: other.dir });
      assert.deepEqual(otherStatus.unknown.map((row) => row.name), ["0002_second_row.sql"]);
      const authStatus = await migrationStatus(scratch.db, { kind: "auth", dir: other.dir });
      assert.deepEqual(authStatus.pending, ["0001_create_ledger.sql"], "kinds are recorded apart");
    } finally {
      await other.remove();
    }
  });

  it("rolls back a failing data-only migration as a whole and does not record it", async () => {
    await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    await folder.write(
      "0003_half_broken.sql",
      "INSERT INTO ledger (id, note) VALUES (3, 'third');\nINSERT INTO missing_table VALUES (1);\n",
    );
    await assert.rejects(runMigrations(scratch.db, { kind: "characters", dir: folder.dir }), (error: unknown) => {
      assert.ok(error instanceof MigrationFailedError, String(error));
      assert.equal(error.code, "TC9_ERR_STORAGE_MIGRATION_FAILED");
      assert.equal(error.file, "0003_half_broken.sql");
      assert.match(error.message, /missing_table/);
      return true;
    });
    assert.deepEqual(await ledgerIds(), [1, 2], "the first INSERT of the failed file was rolled back");
    const status = await migrationStatus(scratch.db, { kind: "characters", dir: folder.dir });
    assert.deepEqual(status.pending, ["0003_half_broken.sql"]);
  });

  it("records a file that holds only comments", async () => {
    await folder.write("0003_nothing_yet.sql", "-- intentionally empty\n\n");
    const result = await runMigrations(scratch.db, { kind: "characters", dir: folder.dir });
    assert.ok(result.applied.includes("0003_nothing_yet.sql"));
  });

  it("refuses badly named files, reused numbers and missing folders", async () => {
    await folder.write("3_Bad-Name.sql", "SELECT 1;");
    await assert.rejects(runMigrations(scratch.db, { kind: "characters", dir: folder.dir }), MigrationFileError);
    const clash = await migrationFolder({ "0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 1;" });
    try {
      await assert.rejects(runMigrations(scratch.db, { kind: "characters", dir: clash.dir }), /share the number 0001/);
    } finally {
      await clash.remove();
    }
    await assert.rejects(
      runMigrations(scratch.db, { kind: "characters", dir: `${folder.dir}-missing` }),
      (error: unknown) => error instanceof MigrationFileError && error.code === "TC9_ERR_STORAGE_MIGRATION_FILE",
    );
  });
});

describe("concurrent migration runners (real MariaDB)", () => {
  let scratch: ScratchDatabase;
  let folder: MigrationFolder;
  const nodes: Database[] = [];

  after(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await scratch.drop();
    await folder.remove();
  });

  it("apply each file exactly once across several nodes", async () => {
    scratch = await createScratchDatabase();
    folder = await migrationFolder({
      "0001_create_ledger.sql": createLedger,
      "0002_second_row.sql": secondRow,
      "0003_slow_third_row.sql": "DO SLEEP(0.2);\nINSERT INTO ledger (id, note) VALUES (3, 'third');\n",
    });
    for (let i = 0; i < 5; i++) nodes.push(new Database(scratch.url));
    const results = await Promise.all(nodes.map((node) => runMigrations(node, { kind: "characters", dir: folder.dir })));
    const appliedBy = results.filter((result) => result.applied.length > 0);
    assert.equal(appliedBy.length, 1, "one runner applied everything, the others waited and found nothing pending");
    assert.equal(appliedBy[0]?.applied.length, 3);
    const rows = await scratch.db.queryRows<{ id: number }>("SELECT id FROM ledger ORDER BY id");
    assert.deepEqual(rows.map((row) => row.id), [1, 2, 3]);
  });
});

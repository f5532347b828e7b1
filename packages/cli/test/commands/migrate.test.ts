import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createScratchDatabase, fixturesAvailable, type ScratchDatabase } from "@tc9/sdk/testing";
import { runInProcess, spawnCli } from "../cli-harness.js";

interface StatusJson {
  ok: boolean;
  databases: { kind: string; database: string; origin: string; status: { applied: { name: string }[]; pending: string[]; changed: { name: string }[] } }[];
}
interface RunJson {
  ok: boolean;
  databases: { kind: string; run?: { applied: string[]; alreadyApplied: string[] }; error?: { code: string; message: string } }[];
}

describe("tc9 migrate", () => {
  let auth: ScratchDatabase;
  let characters: ScratchDatabase;
  let migrationsRoot: string;

  before(async () => {
    [auth, characters] = await Promise.all([createScratchDatabase({ schema: "auth" }), createScratchDatabase({ schema: "characters" })]);
    migrationsRoot = await mkdtemp(join(tmpdir(), "tc9-cli-migrations-"));
  });
  after(async () => {
    await Promise.all([auth?.drop(), characters?.drop(), rm(migrationsRoot, { recursive: true, force: true })]);
  });

  it("reports tc9's pending migrations with --status and changes nothing", async () => {
    const run = await runInProcess(["migrate", "--status", "--json", "--auth-db", auth.url, "--characters-db", characters.url]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as StatusJson;
    assert.equal(result.ok, true);
    assert.deepEqual(result.databases.map((db) => [db.kind, db.origin, db.database]), [
      ["auth", "--auth-db", `127.0.0.1:3306/${auth.name}`],
      ["characters", "--characters-db", `127.0.0.1:3306/${characters.name}`],
    ]);
    const pending = result.databases[1]?.status.pending ?? [];
    assert.ok(pending.includes("0001_create_guild_invites.sql"), pending.join());
    assert.equal((await characters.db.queryRows("SHOW TABLES LIKE 'guild_invites'")).length, 0);
  });

  it("applies them once, then finds nothing to do", async () => {
    const first = await runInProcess(["migrate", "--characters-db", characters.url]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^✔ characters 127\\.0\\.0\\.1:3306/${characters.name}: applied \\d+\\n    0001_create_guild_invites\\.sql\\n`));
    assert.equal((await characters.db.queryRows("SHOW TABLES LIKE 'guild_invites'")).length, 1);

    const second = JSON.parse((await runInProcess(["migrate", "--json"], { env: { TC9_CHARACTERS_DB: characters.url } })).stdout) as RunJson;
    assert.equal(second.ok, true);
    assert.deepEqual(second.databases[0]?.run?.applied, []);
    assert.ok((second.databases[0]?.run?.alreadyApplied.length ?? 0) >= 5);

    const status = await runInProcess(["migrate", "--status", "--characters-db", characters.url]);
    assert.match(status.stdout, /: up to date \(\d+ applied\)\n  ✔ 0001_create_guild_invites\.sql  applied \d{4}-/);
  });

  it("reads another migrations folder, and fails --status and migrate when an applied file changed", async () => {
    const dir = join(migrationsRoot, "auth");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "0001_create_cli_probe.sql"), "CREATE TABLE IF NOT EXISTS cli_probe (id INT PRIMARY KEY);\n");
    const args = ["--auth-db", auth.url, "--migrations-dir", migrationsRoot, "--json"];
    const applied = JSON.parse((await runInProcess(["migrate", ...args])).stdout) as RunJson;
    assert.deepEqual(applied.databases[0]?.run?.applied, ["0001_create_cli_probe.sql"]);

    await writeFile(join(dir, "0001_create_cli_probe.sql"), "CREATE TABLE IF NOT EXISTS cli_probe (id BIGINT PRIMARY KEY);\n");
    const status = await runInProcess(["migrate", "--status", ...args]);
    assert.equal(status.code, 1);
    assert.deepEqual((JSON.parse(status.stdout) as StatusJson).databases[0]?.status.changed.map((row) => row.name), ["0001_create_cli_probe.sql"]);
    const refused = await runInProcess(["migrate", "--auth-db", auth.url, "--migrations-dir", migrationsRoot]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /^✖ auth .*0001_create_cli_probe\.sql.*\(TC9_ERR_STORAGE_MIGRATION_CHANGED\)\n$/);
  });

  it("migrates the reachable databases and exits 1 for the one that is not", async () => {
    const run = await runInProcess(["migrate", "--json", "--characters-db", characters.url, "mysql://root@127.0.0.1:1/acore_characters"]);
    assert.equal(run.code, 1);
    const result = JSON.parse(run.stdout) as RunJson;
    assert.equal(result.ok, false);
    assert.ok(result.databases[0]?.run);
    assert.equal(result.databases[1]?.error?.code, "TC9_ERR_STORAGE_UNAVAILABLE");
  });

  it("says which databases it needs when given none", async () => {
    const run = await runInProcess(["migrate"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no database to migrate is configured; pass --auth-db <url> and\/or --characters-db <url\.\.\.>, or set TC9_AUTH_DB \/ TC9_CHARACTERS_DB/);
  });

  it("runs as a process on AzerothCore's own characters schema", { skip: !fixturesAvailable() && "AzerothCore fixtures not found" }, async () => {
    const acore = await createScratchDatabase({ schema: "characters", source: "azerothcore-fixtures" });
    try {
      const run = await spawnCli(["migrate", "--characters-db", acore.url]);
      assert.equal(run.code, 0, run.stderr + run.stdout);
      assert.match(run.stdout, /^✔ characters .*: applied \d+\n/);
      assert.equal((await acore.db.queryRows("SHOW TABLES LIKE 'guild_invites'")).length, 1);
    } finally {
      await acore.drop();
    }
  });
});

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { connectionSettingsOf, type Database } from "./database.js";
import { schemaDir, type AzerothCoreSchema } from "./package-paths.js";
import { ScriptSession } from "./script-session.js";

/**
 * tc9's declarations of the AzerothCore tables it reads or writes, in
 * `packages/sdk/schema/azerothcore/<schema>/<table>.sql`: each a `CREATE TABLE IF NOT EXISTS` with
 * AzerothCore's columns, types, defaults and keys, plus the few seed rows tc9 relies on.
 */

/** The tables tc9 declares for `schema`, by name, ascending. */
export async function azerothCoreSchemaTables(schema: AzerothCoreSchema): Promise<string[]> {
  const files = await readdir(schemaDir(schema));
  return files
    .filter((file) => file.endsWith(".sql"))
    .map((file) => file.slice(0, -".sql".length))
    .sort();
}

/**
 * Creates the tables tc9 declares for `schema` in `db` where they do not exist yet, and inserts
 * their seed rows where missing. Existing tables and rows are left as they are, so this is safe on
 * a database AzerothCore already created (it then only fills gaps).
 */
export async function installAzerothCoreSchema(db: Database, schema: AzerothCoreSchema): Promise<void> {
  const session = await ScriptSession.open(connectionSettingsOf(db));
  try {
    for (const table of await azerothCoreSchemaTables(schema)) {
      const sql = await readFile(join(schemaDir(schema), `${table}.sql`), "utf8");
      await session.runScript(sql, `schema file ${schema}/${table}.sql`);
    }
  } finally {
    await session.close();
  }
}

/** Rows the guid tests put into AzerothCore's tables: only the id columns matter, the rest is minimal. */
import type { Database } from "@tc9/sdk";

/** Characters with these GUIDs (account 1, names made from the GUID). */
export async function seedCharacters(db: Database, guids: readonly number[]): Promise<void> {
  for (const guid of guids) {
    await db.execute("INSERT INTO characters (guid, account, name, taximask, innTriggerId) VALUES (?, 1, ?, '', 0)", [
      guid,
      `Guid${guid}`,
    ]);
  }
}

/** Item instances with these GUIDs. */
export async function seedItems(db: Database, guids: readonly number[]): Promise<void> {
  for (const guid of guids) {
    await db.execute("INSERT INTO item_instance (guid, itemEntry, enchantments) VALUES (?, 25, '')", [guid]);
  }
}

/** Dungeon instances with these ids. */
export async function seedInstances(db: Database, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    await db.execute("INSERT INTO instance (id, map, data) VALUES (?, 33, '')", [id]);
  }
}

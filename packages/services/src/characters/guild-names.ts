/** Guild names by id, for /who (the online index knows guild ids only). */
import type { Queryable } from "@tc9/sdk";

/** The names of the given guilds; ids without a guild row are absent. */
export async function guildNames(characters: Queryable, guildIds: Iterable<number>): Promise<Map<number, string>> {
  const ids = [...new Set(guildIds)].filter((id) => id !== 0);
  if (ids.length === 0) return new Map();
  const rows = await characters.queryRows<{ guildid: number; name: string }>(
    `SELECT guildid, name FROM guild WHERE guildid IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  return new Map(rows.map((row) => [row.guildid, row.name]));
}

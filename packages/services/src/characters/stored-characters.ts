/**
 * Characters read from the characters database for name and GUID lookups, as ToCloud9's
 * charserver reads them (`StmtSelectCharacterWithName`, `StmtSelectCharacterWithGUID`).
 */
import type { Queryable } from "@tc9/sdk";

/** What a lookup tells about a character, online or not. */
export interface CharacterSummary {
  readonly guid: bigint;
  readonly name: string;
  readonly accountId: number;
  readonly race: number;
  readonly class: number;
  readonly gender: number;
  readonly level: number;
  readonly zone: number;
  readonly map: number;
  readonly guildId: number;
}

const selectSummary = `
  SELECT c.guid, c.name, c.account AS accountId, c.race, c.class, c.gender, c.level, c.zone, c.map,
         gm.guildid AS guildId
    FROM characters AS c LEFT JOIN guild_member AS gm ON gm.guid = c.guid`;

type SummaryRow = Omit<CharacterSummary, "guid" | "guildId"> & { guid: number; guildId: number | null };

const toSummary = (row: SummaryRow): CharacterSummary => ({ ...row, guid: BigInt(row.guid), guildId: row.guildId ?? 0 });

/** The character with exactly this (normalized) name; deleted characters have none. */
export async function storedCharacterByName(characters: Queryable, name: string): Promise<CharacterSummary | undefined> {
  const row = await characters.queryOne<SummaryRow>(`${selectSummary} WHERE c.name = ? LIMIT 1`, [name]);
  return row && toSummary(row);
}

/** The character with this GUID, unless it was deleted. */
export async function storedCharacterByGuid(characters: Queryable, guid: bigint): Promise<CharacterSummary | undefined> {
  const row = await characters.queryOne<SummaryRow>(`${selectSummary} WHERE c.guid = ? AND c.deleteInfos_Name IS NULL`, [guid]);
  return row && toSummary(row);
}

/** Rows the characters tests put into AzerothCore's tables, written as plain SQL. */
import type { Database } from "@tc9/sdk";

/** A `characters` row; unset columns get the values of an ordinary level-10 human warrior. */
export interface CharacterSeed {
  readonly guid: number;
  readonly account: number;
  readonly name: string;
  readonly race?: number;
  readonly class?: number;
  readonly gender?: number;
  readonly level?: number;
  readonly skin?: number;
  readonly face?: number;
  readonly hairStyle?: number;
  readonly hairColor?: number;
  readonly facialStyle?: number;
  readonly zone?: number;
  readonly map?: number;
  readonly position?: readonly [number, number, number];
  readonly playerFlags?: number;
  readonly atLogin?: number;
  readonly extraFlags?: number;
  readonly equipmentCache?: string | null;
  readonly order?: number | null;
}

export async function seedCharacter(db: Database, seed: CharacterSeed): Promise<void> {
  const [x, y, z] = seed.position ?? [-8949.95, -132.49, 83.53];
  await db.execute(
    `INSERT INTO characters (guid, account, name, race, class, gender, level, skin, face, hairStyle, hairColor,
       facialStyle, zone, map, position_x, position_y, position_z, playerFlags, at_login, extra_flags,
       equipmentCache, \`order\`, taximask, innTriggerId)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)`,
    [
      seed.guid,
      seed.account,
      seed.name,
      seed.race ?? 1,
      seed.class ?? 1,
      seed.gender ?? 0,
      seed.level ?? 10,
      seed.skin ?? 1,
      seed.face ?? 2,
      seed.hairStyle ?? 3,
      seed.hairColor ?? 4,
      seed.facialStyle ?? 5,
      seed.zone ?? 12,
      seed.map ?? 0,
      x,
      y,
      z,
      seed.playerFlags ?? 0,
      seed.atLogin ?? 0,
      seed.extraFlags ?? 0,
      seed.equipmentCache === undefined ? null : seed.equipmentCache,
      seed.order ?? null,
    ],
  );
}

export async function seedItemTemplate(world: Database, entry: number, displayId: number, inventoryType: number): Promise<void> {
  await world.execute("INSERT INTO item_template (entry, name, displayid, InventoryType) VALUES (?, ?, ?, ?)", [
    entry,
    `Item ${entry}`,
    displayId,
    inventoryType,
  ]);
}

export async function seedGuild(db: Database, guildId: number, name: string, leaderGuid: number): Promise<void> {
  await db.execute("INSERT INTO guild (guildid, name, leaderguid) VALUES (?, ?, ?)", [guildId, name, leaderGuid]);
}

export async function seedGuildMember(db: Database, guildId: number, guid: number, rank = 4): Promise<void> {
  await db.execute("INSERT INTO guild_member (guildid, guid, `rank`) VALUES (?, ?, ?)", [guildId, guid, rank]);
}

/** A starting position (world `playercreateinfo`). */
export async function seedPlayerCreateInfo(
  world: Database,
  race: number,
  classId: number,
  start: { map: number; zone: number; x: number; y: number; z: number; orientation: number },
): Promise<void> {
  await world.execute(
    "INSERT INTO playercreateinfo (race, class, map, zone, position_x, position_y, position_z, orientation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [race, classId, start.map, start.zone, start.x, start.y, start.z, start.orientation],
  );
}

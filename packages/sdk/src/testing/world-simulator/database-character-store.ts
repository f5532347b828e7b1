import type { Database } from "../../storage/database.js";
import { POWER_COLUMNS, type CharacterSave, type CharacterStore, type SimulatedCharacter, type StoredItem } from "./character-store.js";

interface CharacterRow {
  guid: number;
  account: number;
  name: string;
  race: number;
  class: number;
  gender: number;
  level: number;
  money: number;
  position_x: number;
  position_y: number;
  position_z: number;
  orientation: number;
  map: number;
  zone: number;
  health: number;
  power1: number;
  power2: number;
  power3: number;
  power4: number;
  power5: number;
  power6: number;
  power7: number;
}

interface ItemRow {
  guid: number;
  itemEntry: number | null;
  count: number;
  flags: number | null;
  durability: number;
  randomPropertyId: number;
  text: string | null;
  bag: number;
  slot: number;
  bagSlot: number | null;
}

/** `INVENTORY_SLOT_BAG_0`: the "bag slot" of the backpack, the equipment and the bank. */
const BACKPACK_BAG_SLOT = 255;

/**
 * Characters in an AzerothCore `characters` database, read and written with the columns
 * AzerothCore's login and `Player::SaveToDB` use for position, map, zone, money and `online`.
 */
export class DatabaseCharacterStore implements CharacterStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async load(guid: bigint): Promise<SimulatedCharacter | undefined> {
    const row = await this.#db.queryOne<CharacterRow>(
      "SELECT guid, account, name, race, class, gender, level, money, position_x, position_y, position_z, orientation, map, zone, " +
        "health, power1, power2, power3, power4, power5, power6, power7 FROM characters WHERE guid = ?",
      [guid],
    );
    if (row === undefined) return undefined;
    const powers = [row.power1, row.power2, row.power3, row.power4, row.power5, row.power6, row.power7].slice(0, POWER_COLUMNS);
    return {
      guid: BigInt(row.guid),
      account: row.account,
      name: row.name,
      race: row.race,
      classId: row.class,
      gender: row.gender,
      level: row.level,
      money: row.money,
      map: row.map,
      zone: row.zone,
      position: { x: row.position_x, y: row.position_y, z: row.position_z },
      orientation: row.orientation,
      health: row.health,
      powers,
    };
  }

  async setOnline(guid: bigint): Promise<void> {
    await this.#db.execute("UPDATE characters SET online = 1 WHERE guid = ?", [guid]);
  }

  async save(save: CharacterSave): Promise<void> {
    await this.#db.execute(
      "UPDATE characters SET position_x = ?, position_y = ?, position_z = ?, orientation = ?, map = ?, zone = ?, money = ?, " +
        "online = ?, logout_time = ? WHERE guid = ?",
      [
        save.position.x, save.position.y, save.position.z, save.orientation, save.map, save.zone, save.money,
        save.online ? 1 : 0, Math.floor(Date.now() / 1000), save.guid,
      ],
    );
  }

  async findItems(owner: bigint, itemGuids: readonly bigint[]): Promise<StoredItem[]> {
    if (itemGuids.length === 0) return [];
    const placeholders = itemGuids.map(() => "?").join(", ");
    const rows = await this.#db.queryRows<ItemRow>(
      "SELECT ii.guid, ii.itemEntry, ii.count, ii.flags, ii.durability, ii.randomPropertyId, ii.text, ci.bag, ci.slot, " +
        "bag.slot AS bagSlot FROM character_inventory ci JOIN item_instance ii ON ii.guid = ci.item " +
        "LEFT JOIN character_inventory bag ON bag.item = ci.bag AND ci.bag <> 0 " +
        `WHERE ci.guid = ? AND ci.item IN (${placeholders}) ORDER BY ci.item`,
      [owner, ...itemGuids],
    );
    return rows.map((row) => ({
      guid: BigInt(row.guid),
      entry: row.itemEntry ?? 0,
      owner,
      bagSlot: row.bag === 0 ? BACKPACK_BAG_SLOT : (row.bagSlot ?? BACKPACK_BAG_SLOT),
      slot: row.slot,
      count: row.count,
      flags: row.flags ?? 0,
      durability: row.durability,
      randomPropertyId: row.randomPropertyId,
      text: row.text ?? "",
    }));
  }
}

import type { Position } from "../../wow/world/messages/wire-helpers.js";

/** Number of power types, hence of `powerN` columns in `characters`. */
export const POWER_COLUMNS = 7;

/** What the simulator needs of a `characters` row to put the player in the world. */
export interface SimulatedCharacter {
  /** The GUID's counter (`characters.guid`); a player's full GUID has no high bits. */
  readonly guid: bigint;
  readonly account: number;
  readonly name: string;
  readonly race: number;
  readonly classId: number;
  readonly gender: number;
  readonly level: number;
  /** Copper. */
  readonly money: number;
  readonly map: number;
  readonly zone: number;
  readonly position: Position;
  readonly orientation: number;
  /** Saved health; 0 when never saved. */
  readonly health: number;
  /** Saved current power per power type (`power1` … `power7`). */
  readonly powers: readonly number[];
}

/** What a save writes back, as AzerothCore's `Player::SaveToDB` would for these columns. */
export interface CharacterSave {
  readonly guid: bigint;
  readonly map: number;
  readonly zone: number;
  readonly position: Position;
  readonly orientation: number;
  readonly money: number;
  readonly online: boolean;
}

/** An item in a character's bags, as WorldServerService reports it. */
export interface StoredItem {
  /** `item_instance.guid` (the counter of the item GUID). */
  readonly guid: bigint;
  readonly entry: number;
  readonly owner: bigint;
  /** 255 for the backpack and equipment, else the inventory slot of the bag holding it. */
  readonly bagSlot: number;
  readonly slot: number;
  readonly count: number;
  readonly flags: number;
  readonly durability: number;
  readonly randomPropertyId: number;
  readonly text: string;
}

/** Where the simulator loads and saves characters. */
export interface CharacterStore {
  load(guid: bigint): Promise<SimulatedCharacter | undefined>;
  /** Marks the character online (`characters.online = 1`), as a login does. */
  setOnline(guid: bigint): Promise<void>;
  save(save: CharacterSave): Promise<void>;
  /** The owner's items among `itemGuids` (item GUID counters); unknown ones are left out. */
  findItems(owner: bigint, itemGuids: readonly bigint[]): Promise<StoredItem[]>;
}

/**
 * A character made up for a GUID that no database knows: a level 1 human warrior at Northshire
 * Abbey, named after the GUID.
 */
export function defaultCharacter(guid: bigint): SimulatedCharacter {
  return {
    guid,
    account: 0,
    name: `Sim${guid}`,
    race: 1,
    classId: 1,
    gender: 0,
    level: 1,
    money: 0,
    map: 0,
    zone: 12,
    position: { x: -8949.95, y: -132.493, z: 83.5312 },
    orientation: 0,
    health: 0,
    powers: new Array<number>(POWER_COLUMNS).fill(0),
  };
}

/** A store kept in memory (used without a characters database): any GUID logs in as {@link defaultCharacter}. */
export class MemoryCharacterStore implements CharacterStore {
  readonly #characters = new Map<bigint, SimulatedCharacter>();
  readonly #online = new Set<bigint>();

  async load(guid: bigint): Promise<SimulatedCharacter | undefined> {
    return this.#characters.get(guid) ?? defaultCharacter(guid);
  }

  async setOnline(guid: bigint): Promise<void> {
    this.#online.add(guid);
  }

  async save(save: CharacterSave): Promise<void> {
    const current = this.#characters.get(save.guid) ?? defaultCharacter(save.guid);
    const { guid, online, ...saved } = save;
    this.#characters.set(guid, { ...current, ...saved });
    if (online) this.#online.add(guid);
    else this.#online.delete(guid);
  }

  async findItems(): Promise<StoredItem[]> {
    return [];
  }
}

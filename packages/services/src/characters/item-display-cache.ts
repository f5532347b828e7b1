/**
 * The character screen's view of item templates (world `item_template`): display id and inventory
 * type by entry, read in batches and kept in memory, as ToCloud9's charserver does.
 */
import type { Queryable } from "@tc9/sdk";

/** How an item looks on the character screen. */
export interface ItemDisplay {
  readonly displayId: number;
  readonly inventoryType: number;
}

/** Entries per `IN (...)` query. */
const batchSize = 500;

/** Item templates by entry; entries the world database does not have are remembered as absent. */
export class ItemDisplayCache {
  readonly #world: Queryable;
  readonly #maxEntries: number;
  readonly #known = new Map<number, ItemDisplay | null>();

  /** `maxEntries` bounds the memory: the cache starts over when it would hold more. */
  constructor(world: Queryable, maxEntries = 100_000) {
    this.#world = world;
    this.#maxEntries = maxEntries;
  }

  /** The display of each non-zero entry; absent from the map when the template does not exist. */
  async lookup(entries: Iterable<number>): Promise<Map<number, ItemDisplay>> {
    const wanted = new Set([...entries].filter((entry) => entry !== 0));
    const missing = [...wanted].filter((entry) => !this.#known.has(entry));
    if (this.#known.size + missing.length > this.#maxEntries) this.#known.clear();
    for (let start = 0; start < missing.length; start += batchSize) await this.#load(missing.slice(start, start + batchSize));
    const found = new Map<number, ItemDisplay>();
    for (const entry of wanted) {
      const display = this.#known.get(entry);
      if (display) found.set(entry, display);
    }
    return found;
  }

  async #load(entries: readonly number[]): Promise<void> {
    const rows = await this.#world.queryRows<{ entry: number; displayId: number; inventoryType: number }>(
      `SELECT entry, displayid AS displayId, InventoryType AS inventoryType FROM item_template
        WHERE entry IN (${entries.map(() => "?").join(", ")})`,
      entries,
    );
    for (const entry of entries) this.#known.set(entry, null);
    for (const row of rows) this.#known.set(row.entry, { displayId: row.displayId, inventoryType: row.inventoryType });
  }
}

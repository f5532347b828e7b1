/**
 * The persisted high-water marks in a realm's characters database (`tc9_guid_high_water`): the
 * highest GUID of each kind ever handed out. Marks only rise, and a range is handed out only after
 * the transaction that raised the mark above it has committed.
 */
import { toBigInt, type Database } from "@tc9/sdk";
import { GuidError } from "./errors.js";
import type { GuidKind } from "./guid-kinds.js";
import type { GuidRange } from "./guid-stock.js";

/** Reserves GUIDs of one kind for one realm; `undefined` once the kind's column is used up. */
export interface GuidSource {
  reserve(amount: bigint): Promise<GuidRange | undefined>;
}

/** A realm's high-water marks. */
export class HighWaterStore {
  readonly #db: Database;
  readonly #realmId: number;

  constructor(db: Database, realmId: number) {
    this.#db = db;
    this.#realmId = realmId;
  }

  /**
   * Makes sure the kind's mark exists and is at least the largest id in its AzerothCore table:
   * the first time it is seeded from that maximum (as ToCloud9 seeds its Redis counters); later
   * it only rises if something wrote ids above it outside the cluster. Returns the mark.
   */
  async seed(kind: GuidKind): Promise<bigint> {
    await this.#db.execute(
      `INSERT INTO tc9_guid_high_water (realm_id, guid_type, high)
       SELECT ?, ?, seed.top FROM (SELECT COALESCE(MAX(\`${kind.column}\`), 0) AS top FROM \`${kind.table}\`) AS seed
       ON DUPLICATE KEY UPDATE high = GREATEST(high, seed.top)`,
      [this.#realmId, kind.type],
    );
    return this.#current(kind);
  }

  /**
   * Raises the kind's mark by `amount` (less when that would pass the column's ceiling) in one
   * transaction and returns the GUIDs between the old and the new mark, or `undefined` when the
   * mark already sits at the ceiling.
   */
  async reserve(kind: GuidKind, amount: bigint): Promise<GuidRange | undefined> {
    return this.#db.transaction(async (tx) => {
      const row = await tx.queryOne<{ high: string }>(
        "SELECT high FROM tc9_guid_high_water WHERE realm_id = ? AND guid_type = ? FOR UPDATE",
        [this.#realmId, kind.type],
      );
      if (row === undefined) throw this.#missing(kind);
      const high = toBigInt(row.high);
      if (high >= kind.ceiling) return undefined;
      const end = high + amount < kind.ceiling ? high + amount : kind.ceiling;
      await tx.execute("UPDATE tc9_guid_high_water SET high = ? WHERE realm_id = ? AND guid_type = ?", [
        end,
        this.#realmId,
        kind.type,
      ]);
      return { start: high + 1n, end };
    });
  }

  /** The reservation function of one kind, as a pool consumes it. */
  sourceFor(kind: GuidKind): GuidSource {
    return { reserve: (amount) => this.reserve(kind, amount) };
  }

  async #current(kind: GuidKind): Promise<bigint> {
    const row = await this.#db.queryOne<{ high: string }>(
      "SELECT high FROM tc9_guid_high_water WHERE realm_id = ? AND guid_type = ?",
      [this.#realmId, kind.type],
    );
    if (row === undefined) throw this.#missing(kind);
    return toBigInt(row.high);
  }

  #missing(kind: GuidKind): GuidError {
    return new GuidError(
      "TC9_ERR_GUID_HIGH_WATER_MISSING",
      `realm ${this.#realmId} has no ${kind.label} high-water mark in ${this.#db.target}.tc9_guid_high_water; ` +
        "restart the guid module to seed it again (never delete those rows while GUIDs are in use)",
    );
  }
}

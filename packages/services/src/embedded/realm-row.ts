import type { Database } from "@tc9/sdk";
import { EMBEDDED_REALM_ERROR_CODES, EmbeddedRealmError } from "./errors.js";

/** The realm's `realmlist` entry as the embedded realm writes it when there is none. */
export interface RealmRow {
  readonly id: number;
  readonly name: string;
  /** The address the realm list falls back to when no gateway is registered. */
  readonly address: string;
  /** The gateway's port. */
  readonly port: number;
}

/** What `realmlist` holds for the realm after {@link ensureRealmRow}. */
export interface StoredRealmRow {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** False when the row was there before (and left as it was). */
  readonly inserted: boolean;
}

/**
 * Inserts the realm's `realmlist` row when the id is not there yet, with AzerothCore's defaults
 * for the other columns (normal realm, offline flag until a gateway registers, timezone 1, build
 * 12340). An existing row is the operator's and is left unchanged.
 */
export async function ensureRealmRow(auth: Database, realm: RealmRow): Promise<StoredRealmRow> {
  const inserted = await auth.execute(
    "INSERT IGNORE INTO realmlist (id, name, address, localAddress, localSubnetMask, port, icon, flag, timezone, allowedSecurityLevel, population, gamebuild) " +
      "VALUES (?, ?, ?, '127.0.0.1', '255.255.255.0', ?, 0, 2, 1, 0, 0, 12340)",
    [realm.id, realm.name, realm.address, realm.port],
  );
  const row = await auth.queryOne<{ name: string; address: string; port: number }>("SELECT name, address, port FROM realmlist WHERE id = ?", [realm.id]);
  if (!row) {
    throw new EmbeddedRealmError(
      EMBEDDED_REALM_ERROR_CODES.options,
      `realmlist already has a realm named "${realm.name}" under another id; pass realm.name with another name or realm.id with that realm's id`,
    );
  }
  return { ...row, inserted: inserted.affectedRows > 0 };
}

/**
 * `characters.equipmentCache`: what the character wears, as AzerothCore's `Player::SaveToDB`
 * writes it: for each of the 19 equipment slots and 4 bag slots, the item entry then its
 * enchantments, all separated by spaces.
 */
import { CHAR_ENUM_EQUIPMENT_SLOTS } from "@tc9/sdk/wow";

const uint32Pattern = /^\d{1,10}$/;

/**
 * The item entry of each of the 23 slots; 0 for an empty slot and, as AzerothCore reads the
 * cache, for a missing or malformed token.
 */
export function equippedItemEntries(cache: string | null): number[] {
  const tokens = (cache ?? "").split(" ").filter((token) => token !== "");
  return Array.from({ length: CHAR_ENUM_EQUIPMENT_SLOTS }, (_, slot) => {
    const token = tokens[slot * 2] ?? "";
    const entry = uint32Pattern.test(token) ? Number(token) : 0;
    return entry <= 0xffff_ffff ? entry : 0;
  });
}

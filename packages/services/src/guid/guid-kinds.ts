/** The three GUID counters ToCloud9's GuidService keeps per realm, and where each lives in AzerothCore. */
import { GuidType } from "@tc9/sdk/contracts";

/** One kind of GUID: the AzerothCore column it numbers and the largest value that column holds. */
export interface GuidKind {
  /** The contract's `GuidType` value, also `guid_type` in `tc9_guid_high_water`. */
  readonly type: GuidType;
  /** Lower-case name for logs and metric labels. */
  readonly label: "character" | "item" | "instance";
  /** The AzerothCore table whose ids these GUIDs become. */
  readonly table: "characters" | "item_instance" | "instance";
  readonly column: "guid" | "id";
  /** The column's largest value (all three are INT UNSIGNED); no GUID above it is handed out. */
  readonly ceiling: bigint;
}

const INT_UNSIGNED_MAX = 0xffff_ffffn;

/** Every kind, in `GuidType` order. */
export const GUID_KINDS: readonly GuidKind[] = [
  { type: GuidType.Character, label: "character", table: "characters", column: "guid", ceiling: INT_UNSIGNED_MAX },
  { type: GuidType.Item, label: "item", table: "item_instance", column: "guid", ceiling: INT_UNSIGNED_MAX },
  { type: GuidType.Instance, label: "instance", table: "instance", column: "id", ceiling: INT_UNSIGNED_MAX },
];


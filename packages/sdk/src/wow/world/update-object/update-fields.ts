/*
 * The 3.3.5a (build 12340) update-field indices the group frames need, in u32 units from the
 * start of the object's value array. Source: gtker/wow_messages `wrath_fields.rs` (the 3.3.5
 * `UpdateFields.h` table), cross-checked with ToCloud9 `apps/gateway/packet/update-object.go`
 * and the 3.3.5 `SMSG_UPDATE_OBJECT` test vector in wow_messages (UNIT_FIELD_FACTIONTEMPLATE = 0x37,
 * UNIT_FIELD_DISPLAYID = 0x43). (The azerothcore/azerothcore-wotlk snapshot in the search index
 * holds a converted Cataclysm table, so it was not used for these numbers.)
 *
 * 3.3.5a has no zone, area or map field in the unit/player values (zone travels in
 * SMSG_PARTY_MEMBER_STATS and CMSG_ZONEUPDATE), and no aura-slot fields: since 3.0 auras travel
 * in SMSG_AURA_UPDATE(_ALL). UNIT_FIELD_AURASTATE is the only aura-related update field.
 */

/** `OBJECT_END`: the first unit field. */
export const OBJECT_END = 0x0006;

/** Object field indices (`EObjectFields`), the first fields of every object. */
export const ObjectField = {
  /** Two fields: the low, then the high 32 bits of the GUID. */
  GUID: 0x0000,
  /** A {@link TypeMask} combination. */
  TYPE: 0x0002,
  ENTRY: 0x0003,
  /** f32 (1.0 for players). */
  SCALE_X: 0x0004,
} as const;

/** `TypeMask` bits of OBJECT_FIELD_TYPE (AzerothCore `ObjectGuid.h`); a player is OBJECT | UNIT | PLAYER. */
export const TypeMask = {
  OBJECT: 0x0001,
  ITEM: 0x0002,
  CONTAINER: 0x0004,
  UNIT: 0x0008,
  PLAYER: 0x0010,
  GAMEOBJECT: 0x0020,
  DYNAMICOBJECT: 0x0040,
  CORPSE: 0x0080,
} as const;

/**
 * `PLAYER_END` (UNIT_END 0x94 + 0x49A): a player's value count. AzerothCore sends a player's
 * create block with a mask of `ceil(PLAYER_END / 32)` = 42 blocks.
 */
export const PLAYER_END = 0x052e;

/** Unit field indices (`EUnitFields`, 3.3.5a) read and written by this module. */
export const UnitField = {
  /** Race, class, gender and power type, one byte each (least significant first). */
  BYTES_0: OBJECT_END + 0x0011,
  HEALTH: OBJECT_END + 0x0012,
  /** First of seven current-power fields, one per power type. */
  POWER1: OBJECT_END + 0x0013,
  MAXHEALTH: OBJECT_END + 0x001a,
  /** First of seven maximum-power fields. */
  MAXPOWER1: OBJECT_END + 0x001b,
  LEVEL: OBJECT_END + 0x0030,
  AURASTATE: OBJECT_END + 0x0037,
} as const;

/** Power types, each with one POWERn / MAXPOWERn field (mana, rage, focus, energy, happiness, runes, runic power). */
export const POWER_TYPE_COUNT = 7;

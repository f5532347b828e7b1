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

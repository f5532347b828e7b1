import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode, readUntilEnd } from "./wire-helpers.js";

/*
 * Visible auras (3.3.5a): auras are not update fields; the client learns them from
 * SMSG_AURA_UPDATE (one slot changed, AzerothCore `AuraApplication::ClientUpdate`) and
 * SMSG_AURA_UPDATE_ALL (every visible aura of a unit, `Player::GetAurasForTarget`). Both start with
 * the unit's packed GUID; each slot entry is written by `AuraApplication::BuildUpdatePacket`:
 *
 *   u8 slot | u32 spell id (0: the slot was cleared, nothing follows)
 *   | u8 flags | u8 caster level | u8 stack amount or charges
 *   | packed caster GUID        unless flags has CASTER_NOT_SENT (AFLAG_CASTER)
 *   | i32 max duration, i32 remaining duration (ms)   when flags has DURATION
 *
 * gtker/wow_messages (`smsg_aura_update.wowm`) disagrees twice; AzerothCore wins: wowm reads the
 * caster GUID when flag 0x08 is SET (AzerothCore and ToCloud9's gateway read it when it is CLEAR),
 * and wowm has no removal form (AzerothCore stops after a zero spell id).
 */

/**
 * Aura flags of a slot entry (AzerothCore `AURA_FLAGS`, `SpellAuraDefines.h`). wowm names 0x10
 * CANCELLABLE and 0x40 HIDE; AzerothCore's names are used.
 */
export const AuraFlag = {
  NONE: 0x00,
  /** The aura's effect 0 is applied. */
  EFFECT_INDEX_0: 0x01,
  /** The aura's effect 1 is applied. */
  EFFECT_INDEX_1: 0x02,
  /** The aura's effect 2 is applied. */
  EFFECT_INDEX_2: 0x04,
  /** `AFLAG_CASTER`: the caster is the unit itself, so no caster GUID is sent. */
  CASTER_NOT_SENT: 0x08,
  POSITIVE: 0x10,
  /** Max and remaining duration follow (the aura has a finite, displayed duration). */
  DURATION: 0x20,
  /** `AFLAG_ANY_EFFECT_AMOUNT_SENT`; in 3.3.5a no extra bytes follow for it. */
  ANY_EFFECT_AMOUNT_SENT: 0x40,
  NEGATIVE: 0x80,
} as const;

/** The duration block of a timed aura, in milliseconds. */
export interface AuraDuration {
  /** The full duration the aura was applied with. */
  readonly maxMs: number;
  /** What is left of it. */
  readonly remainingMs: number;
}

/** The aura now shown in a slot. */
export interface VisibleAura {
  /** Spell id; never 0 (0 on the wire means the slot was cleared). */
  readonly spellId: number;
  /** {@link AuraFlag} bits. */
  readonly flags: number;
  readonly casterLevel: number;
  /** Stack amount for stacking spells, otherwise the remaining charges. */
  readonly stackCount: number;
  /** The caster; present exactly when `flags` lacks {@link AuraFlag.CASTER_NOT_SENT}. */
  readonly casterGuid?: bigint;
  /** Present exactly when `flags` has {@link AuraFlag.DURATION}. */
  readonly duration?: AuraDuration;
}

/** One slot entry: the aura now in `slot`, or no `aura` when the slot was cleared. */
export interface AuraSlotUpdate {
  /** Visible-aura slot (u8). */
  readonly slot: number;
  /** Absent when the aura in `slot` was removed. */
  readonly aura?: VisibleAura;
}

/** SMSG_AURA_UPDATE: one slot of one unit changed. */
export interface SmsgAuraUpdate {
  /** The unit wearing the aura. */
  readonly targetGuid: bigint;
  readonly update: AuraSlotUpdate;
}

/** SMSG_AURA_UPDATE_ALL: every visible aura of one unit (sent when the unit comes into view). */
export interface SmsgAuraUpdateAll {
  /** The unit wearing the auras. */
  readonly targetGuid: bigint;
  /** The entries in wire order; AzerothCore sends applied auras only, in slot order. */
  readonly updates: readonly AuraSlotUpdate[];
}

function writeSlotUpdate(writer: PacketWriter, opcode: number, update: AuraSlotUpdate): void {
  writer.writeU8(update.slot);
  const { aura } = update;
  if (aura === undefined) {
    writer.writeU32(0);
    return;
  }
  if (aura.spellId === 0) {
    failEncode(writer, opcode, "an applied aura needs a non-zero spell id (0 means removed; omit `aura` instead)");
  }
  const casterSent = (aura.flags & AuraFlag.CASTER_NOT_SENT) === 0;
  if (casterSent !== (aura.casterGuid !== undefined)) {
    const flags = `0x${aura.flags.toString(16)}`;
    failEncode(writer, opcode, `casterGuid must be given exactly when flags ${flags} lack CASTER_NOT_SENT (0x08)`);
  }
  const durationSent = (aura.flags & AuraFlag.DURATION) !== 0;
  if (durationSent !== (aura.duration !== undefined)) {
    const flags = `0x${aura.flags.toString(16)}`;
    failEncode(writer, opcode, `duration must be given exactly when flags ${flags} have DURATION (0x20)`);
  }
  writer.writeU32(aura.spellId).writeU8(aura.flags).writeU8(aura.casterLevel).writeU8(aura.stackCount);
  if (aura.casterGuid !== undefined) writer.writePackedGuid(aura.casterGuid);
  if (aura.duration !== undefined) writer.writeI32(aura.duration.maxMs).writeI32(aura.duration.remainingMs);
}

function readSlotUpdate(reader: PacketReader): AuraSlotUpdate {
  const slot = reader.readU8();
  const spellId = reader.readU32();
  if (spellId === 0) return { slot };
  const flags = reader.readU8();
  const casterLevel = reader.readU8();
  const stackCount = reader.readU8();
  const aura: { -readonly [K in keyof VisibleAura]: VisibleAura[K] } = { spellId, flags, casterLevel, stackCount };
  if ((flags & AuraFlag.CASTER_NOT_SENT) === 0) aura.casterGuid = reader.readPackedGuid();
  if ((flags & AuraFlag.DURATION) !== 0) aura.duration = { maxMs: reader.readI32(), remainingMs: reader.readI32() };
  return { slot, aura };
}

/** SMSG_AURA_UPDATE: `packed target GUID | one slot entry`; nothing may follow the entry. */
export const smsgAuraUpdateCodec: MessageCodec<SmsgAuraUpdate> = defineMessageCodec({
  opcode: Opcode.SMSG_AURA_UPDATE,
  write(writer, message) {
    writer.writePackedGuid(message.targetGuid);
    writeSlotUpdate(writer, Opcode.SMSG_AURA_UPDATE, message.update);
  },
  read(reader) {
    return { targetGuid: reader.readPackedGuid(), update: readSlotUpdate(reader) };
  },
});

/**
 * SMSG_AURA_UPDATE_ALL: `packed target GUID | slot entries until the end of the payload` (no
 * count; an empty list is valid). Removal entries are read too, although AzerothCore sends none.
 */
export const smsgAuraUpdateAllCodec: MessageCodec<SmsgAuraUpdateAll> = defineMessageCodec({
  opcode: Opcode.SMSG_AURA_UPDATE_ALL,
  write(writer, message) {
    writer.writePackedGuid(message.targetGuid);
    for (const update of message.updates) writeSlotUpdate(writer, Opcode.SMSG_AURA_UPDATE_ALL, update);
  },
  read(reader) {
    return { targetGuid: reader.readPackedGuid(), updates: readUntilEnd(reader, readSlotUpdate) };
  },
});

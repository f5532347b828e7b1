// SMSG_AURA_UPDATE and SMSG_AURA_UPDATE_ALL. gtker/wow_messages @ e1c9e15a has no test block for
// either message (and no capture in metal0/wlink holds one), so every vector is an AzerothCore
// layout written out by hand from `AuraApplication::BuildUpdatePacket` / `ClientUpdate`
// (SpellAuras.cpp) and `Player::GetAurasForTarget` (Player.cpp); ToCloud9's gateway
// (`apps/gateway/session/aura-player-state.go`, PR #37) reads the same layout.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  AuraFlag,
  smsgAuraUpdateAllCodec,
  smsgAuraUpdateCodec,
  type AuraSlotUpdate,
  type SmsgAuraUpdate,
} from "../../../src/wow/world/messages/aura-update.js";
import { assertFuzzSafe, assertVector, hex, u32 } from "./helpers.js";

const PLAYER = 0x2an;
const CASTER = 0x07n;
/** A creature GUID (high 0xF130, entry 0xC7D, low 0x123): packed mask 0xDB, six bytes. */
const CREATURE = 0xf130000c7d000123n;

/** Rejuvenation cast by another player: caster GUID and duration follow. */
const rejuvenation: AuraSlotUpdate = {
  slot: 3,
  aura: {
    spellId: 48441,
    flags: AuraFlag.EFFECT_INDEX_0 | AuraFlag.POSITIVE | AuraFlag.DURATION,
    casterLevel: 80,
    stackCount: 0,
    casterGuid: CASTER,
    duration: { maxMs: 15000, remainingMs: 12000 },
  },
};
const rejuvenationHex = "03" + u32(48441) + "31" + "50" + "00" + "0107" + u32(15000) + u32(12000);

/** Devotion Aura on its own caster, no displayed duration: nothing follows the stack byte. */
const devotionAura: AuraSlotUpdate = {
  slot: 0,
  aura: {
    spellId: 48942,
    flags: AuraFlag.EFFECT_INDEX_0 | AuraFlag.CASTER_NOT_SENT | AuraFlag.POSITIVE,
    casterLevel: 80,
    stackCount: 0,
  },
};
const devotionAuraHex = "00" + u32(48942) + "19" + "50" + "00";

describe("SMSG_AURA_UPDATE", () => {
  test("an aura from another caster carries the caster's packed GUID and both durations", () => {
    assertVector(smsgAuraUpdateCodec, hex("012a" + rejuvenationHex), { targetGuid: PLAYER, update: rejuvenation });
  });

  test("flag 0x08 (AFLAG_CASTER) means no caster GUID — wowm reads one here, AzerothCore does not", () => {
    assertVector(smsgAuraUpdateCodec, hex("012a" + devotionAuraHex), { targetGuid: PLAYER, update: devotionAura });
  });

  test("a removal is the slot and a zero spell id, nothing more", () => {
    const bytes = hex("012a" + "05" + u32(0));
    assertVector(smsgAuraUpdateCodec, bytes, { targetGuid: PLAYER, update: { slot: 5 } });
  });

  test("a stacked debuff on a creature: six-byte packed GUID, negative flag, stack count", () => {
    const message: SmsgAuraUpdate = {
      targetGuid: CREATURE,
      update: {
        slot: 17,
        aura: {
          spellId: 7386,
          flags: AuraFlag.EFFECT_INDEX_0 | AuraFlag.DURATION | AuraFlag.NEGATIVE,
          casterLevel: 80,
          stackCount: 5,
          casterGuid: PLAYER,
          duration: { maxMs: 30000, remainingMs: 29500 },
        },
      },
    };
    const bytes = hex(
      "db 23 01 7d 0c 30 f1" + "11" + u32(7386) + "a1" + "50" + "05" + "012a" + u32(30000) + u32(29500),
    );
    assertVector(smsgAuraUpdateCodec, bytes, message);
  });

  test("durations are signed: AzerothCore casts int32 milliseconds to uint32", () => {
    const bytes = hex("012a" + "02" + u32(1) + "28" + "01" + "01" + "ffffffff" + "00000080");
    const decoded = smsgAuraUpdateCodec.decode(bytes);
    assert.deepEqual(decoded.update.aura?.duration, { maxMs: -1, remainingMs: -0x80000000 });
    assert.deepEqual(smsgAuraUpdateCodec.encode(decoded), bytes);
  });

  test("carries exactly one entry: a second one, or a cut entry, is refused", () => {
    assert.throws(() => smsgAuraUpdateCodec.decode(hex("012a" + devotionAuraHex + devotionAuraHex)), ProtocolError);
    assert.throws(() => smsgAuraUpdateCodec.decode(hex("012a" + rejuvenationHex.slice(0, -2))), ProtocolError);
    assert.throws(() => smsgAuraUpdateCodec.decode(hex("012a")), ProtocolError);
  });

  test("the encoder refuses optional blocks that disagree with the flags, and spell id 0", () => {
    const encodeError = (update: AuraSlotUpdate): void => {
      assert.throws(
        () => smsgAuraUpdateCodec.encode({ targetGuid: PLAYER, update }),
        (error: unknown) => error instanceof ProtocolError && error.kind === "encode",
      );
    };
    const aura = rejuvenation.aura;
    assert.ok(aura !== undefined);
    encodeError({ slot: 3, aura: { ...aura, casterGuid: undefined } });
    encodeError({ slot: 3, aura: { ...aura, duration: undefined } });
    encodeError({ slot: 3, aura: { ...aura, flags: aura.flags | AuraFlag.CASTER_NOT_SENT } });
    encodeError({ slot: 3, aura: { ...aura, spellId: 0 } });
    encodeError({ slot: 256 });
  });

  test("every mutation decodes or throws ProtocolError", () => {
    assertFuzzSafe(smsgAuraUpdateCodec, hex("012a" + rejuvenationHex));
    assertFuzzSafe(smsgAuraUpdateCodec, hex("012a" + devotionAuraHex), 11);
  });
});

describe("SMSG_AURA_UPDATE_ALL", () => {
  const allHex = "012a" + devotionAuraHex + rejuvenationHex;

  test("the entries follow the target GUID until the payload ends, in slot order", () => {
    assertVector(smsgAuraUpdateAllCodec, hex(allHex), { targetGuid: PLAYER, updates: [devotionAura, rejuvenation] });
  });

  test("GetAurasForTarget with force and no visible aura sends only the GUID", () => {
    assertVector(smsgAuraUpdateAllCodec, hex("012a"), { targetGuid: PLAYER, updates: [] });
  });

  test("a removal entry in the list is read too", () => {
    assertVector(smsgAuraUpdateAllCodec, hex("012a" + "07" + u32(0) + devotionAuraHex), {
      targetGuid: PLAYER,
      updates: [{ slot: 7 }, devotionAura],
    });
  });

  test("a cut last entry is refused", () => {
    assert.throws(() => smsgAuraUpdateAllCodec.decode(hex(allHex + "09" + u32(1))), ProtocolError);
    assert.throws(() => smsgAuraUpdateAllCodec.decode(hex(allHex + "09")), ProtocolError);
  });

  test("every mutation decodes or throws ProtocolError", () => {
    assertFuzzSafe(smsgAuraUpdateAllCodec, hex(allHex));
    const withRemoval = hex("db 23 01 7d 0c 30 f1" + rejuvenationHex + "07" + u32(0) + devotionAuraHex);
    assertFuzzSafe(smsgAuraUpdateAllCodec, withRemoval, 5);
  });
});

// SMSG_UPDATE_OBJECT / SMSG_COMPRESSED_UPDATE_OBJECT. The first vector is the 3.3.5 test block of
// gtker/wow_messages `smsg_update_object_3_3_5.wowm` (a CREATE_OBJECT2 of player 8, payload after
// the 4-byte server header); the others are written out by hand from AzerothCore's
// Object::BuildMovementUpdate / Unit::BuildMovementPacket / PacketBuilder::WriteCreate and
// UpdateData::BuildPacket, one movement branch each, each followed by a block that must still decode.
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { describe, test } from "node:test";
import { ProtocolError } from "../../../src/wow/codec/protocol-error.js";
import {
  MovementFlag,
  MovementFlag2,
  SplineFlag,
  UpdateFlag,
  UnitField,
  collectUnitStats,
  readUnitStats,
  smsgCompressedUpdateObjectCodec,
  smsgUpdateObjectCodec,
  unitStatsValuesBlock,
  type SmsgUpdateObject,
  type UpdateBlock,
} from "../../../src/wow/world/update-object/index.js";
import { assertOnlyProtocolErrors, mutations } from "../fuzz.js";

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s/g, ""), "hex"));
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** Little-endian u16 / u32 / f32 hex, for writing movement blocks out by hand. */
const u16 = (value: number): string => toHex(Uint8Array.of(value & 0xff, value >>> 8));
const u32 = (value: number): string => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes.toString("hex");
};
const f32 = (value: number): string => {
  const bytes = Buffer.alloc(4);
  bytes.writeFloatLE(value);
  return bytes.toString("hex");
};
const floats = (...values: number[]): string => values.map(f32).join("");

// gtker/wow_messages smsg_update_object_3_3_5.wowm, test SMSG_UPDATE_OBJECT (header 00 73 a9 00 removed).
const WOWM_CREATE_PLAYER = hex(`
  01 00 00 00
  03 01 08 04
  21 00 00 00 00 00 00 00 00 00 00 00
  cd d7 0b c6 35 7e 04 c3 f9 0f a7 42 00 00 00 00
  00 00 00 00
  00 00 80 3f 00 00 8c 42 00 00 90 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 d0 0f 49 40 00 00 00 00
  03 07 00 00 00 00 00 80 00 18 00 00 00
  08 00 00 00 00 00 00 00 19 00 00 00 01 00 00 00 0c 4d 00 00 0c 4d 00 00
`);

/** A VALUES block for player 0x2A setting health 1500 / max 2000: proves the reader is in step. */
const VALUES_AFTER = "00 01 2a 02" + u32(1 << UnitField.HEALTH) + u32(0) + u32(1500);

describe("SMSG_UPDATE_OBJECT", () => {
  test("the wowm 3.3.5 vector: a living, self player created with five fields", () => {
    const message = smsgUpdateObjectCodec.decode(WOWM_CREATE_PLAYER);
    assert.equal(message.blocks.length, 1);
    const [block] = message.blocks;
    assert.ok(block?.kind === "create-object2");
    assert.equal(block.guid, 8n);
    assert.equal(block.objectType, 4);
    assert.equal(block.movement.updateFlags, UpdateFlag.LIVING | UpdateFlag.SELF);
    assert.equal(block.values.maskBlockCount, 3);
    assert.deepEqual(
      block.values.fields,
      new Map([
        [0, 8],
        [1, 0],
        [2, 0x19],
        [0x37, 1],
        [0x43, 0x4d0c],
        [0x44, 0x4d0c],
      ]),
    );
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(WOWM_CREATE_PLAYER));
  });

  test("living movement with every optional part (transport, pitch, fall, elevation, spline) is stepped over", () => {
    const movementFlags = MovementFlag.ON_TRANSPORT | MovementFlag.SWIMMING | MovementFlag.FALLING | MovementFlag.SPLINE_ELEVATION | MovementFlag.SPLINE_ENABLED;
    const updateFlags =
      UpdateFlag.LIVING | UpdateFlag.UNKNOWN | UpdateFlag.LOW_GUID | UpdateFlag.HAS_TARGET | UpdateFlag.TRANSPORT | UpdateFlag.VEHICLE | UpdateFlag.ROTATION;
    const movement =
      u16(updateFlags) + u32(movementFlags) + u16(MovementFlag2.INTERPOLATED_MOVEMENT) + u32(123456) + floats(1, 2, 3, 0.5) +
      "01 77" + floats(0.1, 0.2, 0.3, 0.4) + u32(99) + "02" + u32(98) + // transport: packed guid, offsets, time, seat, time2
      f32(0.25) + u32(700) + floats(-9, 0.5, 0.5, 7) + f32(1.5) + // pitch, fall time, jump, spline elevation
      floats(2.5, 7, 4.5, 4.72, 2.5, 7, 4.5, 3.14, 3.14) + // nine speeds
      u32(SplineFlag.FINAL_POINT) + floats(10, 20, 30) + u32(100) + u32(2000) + u32(5) + floats(1, 1, 0) + u32(0) +
      u32(2) + floats(1, 2, 3, 4, 5, 6) + "00" + floats(10, 20, 30) + // two nodes, mode, destination
      u32(0) + u32(0x2f) + "01 05" + u32(386273) + u32(312) + f32(1) + "0000000000000000";
    const payload = hex(u32(2) + "01 01 2a" + movement + VALUES_AFTER);
    const message = smsgUpdateObjectCodec.decode(payload);
    const [moved, values] = message.blocks;
    assert.ok(moved?.kind === "movement" && values?.kind === "values");
    assert.equal(moved.movement.updateFlags, updateFlags);
    assert.equal(toHex(moved.movement.raw), movement.replace(/\s/g, ""));
    assert.deepEqual(readUnitStats(values.values), { health: 1500 });
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(payload));
  });

  test("spline end forms: final angle and final target", () => {
    for (const [flag, tail] of [
      [SplineFlag.FINAL_ANGLE, f32(1.5)],
      [SplineFlag.FINAL_TARGET, "2a00000000000000"],
    ] as const) {
      const movement =
        u16(UpdateFlag.LIVING) + u32(MovementFlag.SPLINE_ENABLED) + u16(0) + u32(1) + floats(1, 2, 3, 0) + u32(0) +
        floats(2.5, 7, 4.5, 4.72, 2.5, 7, 4.5, 3.14, 3.14) + u32(flag) + tail + u32(0).repeat(7) + u32(0) + "01" + floats(0, 0, 0);
      const message = smsgUpdateObjectCodec.decode(hex(u32(2) + "01 01 2b" + movement + VALUES_AFTER));
      assert.equal(message.blocks[1]?.kind, "values");
    }
  });

  test("position (game object on a transport) and stationary (creature) branches, and the GUID lists", () => {
    const position = u16(UpdateFlag.POSITION | UpdateFlag.LOW_GUID) + "01 05" + floats(1, 2, 3, 0.1, 0.2, 0.3, 1.57, 0) + u32(5);
    const stationary = u16(UpdateFlag.STATIONARY_POSITION | UpdateFlag.HAS_TARGET) + floats(1, 2, 3, 4) + "00";
    const payload = hex(
      u32(5) +
        "02 07 11 22 33 05" + position + "00" + // CREATE_OBJECT of a game object, empty mask
        "03 01 44 03" + stationary + "01" + u32(1 << 3) + f32(1) + // CREATE_OBJECT2 of a unit, OBJECT_SCALE_X
        "04" + u32(2) + "01 45 01 46" + // OUT_OF_RANGE_OBJECTS
        "05" + u32(1) + "01 47" + // NEAR_OBJECTS
        VALUES_AFTER,
    );
    const message = smsgUpdateObjectCodec.decode(payload);
    assert.deepEqual(
      message.blocks.map((block) => block.kind),
      ["create-object", "create-object2", "out-of-range-objects", "near-objects", "values"],
    );
    const [gameObject, creature, outOfRange, near] = message.blocks;
    assert.ok(gameObject?.kind === "create-object" && creature?.kind === "create-object2");
    assert.equal(gameObject.guid, 0x332211n);
    assert.deepEqual(creature.values.fields, new Map([[3, 0x3f800000]]));
    assert.deepEqual(outOfRange, { kind: "out-of-range-objects", guids: [0x45n, 0x46n] });
    assert.deepEqual(near, { kind: "near-objects", guids: [0x47n] });
    assert.equal(toHex(smsgUpdateObjectCodec.encode(message)), toHex(payload));
  });

  test("an unknown object type passes through; an unknown update type is refused", () => {
    const unknownObject = hex(u32(1) + "02 01 09 1f" + u16(0) + "00");
    const [block] = smsgUpdateObjectCodec.decode(unknownObject).blocks;
    assert.ok(block?.kind === "create-object");
    assert.equal(block.objectType, 0x1f);
    assert.throws(() => smsgUpdateObjectCodec.decode(hex(u32(1) + "06 01 09")), ProtocolError);
  });

  test("fuzz: every mutation decodes or is refused with ProtocolError", () => {
    for (const valid of [WOWM_CREATE_PLAYER, hex(u32(1) + VALUES_AFTER)]) {
      const outcome = assertOnlyProtocolErrors((bytes) => smsgUpdateObjectCodec.decode(bytes), mutations(valid, { seed: 3, randomCount: 200 }));
      assert.ok(outcome.rejected > 0);
    }
  });
});

describe("SMSG_COMPRESSED_UPDATE_OBJECT", () => {
  test("a zlib stream written by node:zlib decodes to the same blocks; encode round-trips", () => {
    const compressed = hex(u32(WOWM_CREATE_PLAYER.length) + toHex(deflateSync(WOWM_CREATE_PLAYER)));
    const message = smsgCompressedUpdateObjectCodec.decode(compressed);
    assert.deepEqual(message, smsgUpdateObjectCodec.decode(WOWM_CREATE_PLAYER));
    assert.deepEqual(smsgCompressedUpdateObjectCodec.decode(smsgCompressedUpdateObjectCodec.encode(message)), message);
  });

  test("a declared size above the limit or a lying size is refused", () => {
    assert.throws(() => smsgCompressedUpdateObjectCodec.decode(hex(u32(0x7fffffff) + toHex(deflateSync(WOWM_CREATE_PLAYER)))), ProtocolError);
    assert.throws(() => smsgCompressedUpdateObjectCodec.decode(hex(u32(10) + toHex(deflateSync(WOWM_CREATE_PLAYER)))), ProtocolError);
    const valid = smsgCompressedUpdateObjectCodec.encode(smsgUpdateObjectCodec.decode(WOWM_CREATE_PLAYER));
    const outcome = assertOnlyProtocolErrors((bytes) => smsgCompressedUpdateObjectCodec.decode(bytes), mutations(valid, { seed: 5, randomCount: 100 }));
    assert.ok(outcome.rejected > 0);
  });
});

describe("party-frame unit stats", () => {
  const JAINA = 0x2an;

  test("reading the 3.3.5a fields: bytes 0, health, powers, max values, level, aura state", () => {
    const fields = new Map<number, number>([
      [UnitField.BYTES_0, 0x00_00_08_01 | (0 << 24)], // human (1) mage (8), female 0, mana
      [UnitField.HEALTH, 5000],
      [UnitField.POWER1, 9000],
      [UnitField.POWER1 + 3, 100],
      [UnitField.MAXHEALTH, 6000],
      [UnitField.MAXPOWER1, 12000],
      [UnitField.LEVEL, 80],
      [UnitField.AURASTATE, 0x20],
      [0x40, 7], // UNIT_FIELD_RANGEDATTACKTIME: not a party-frame field
    ]);
    assert.deepEqual(readUnitStats({ maskBlockCount: 3, fields }), {
      bytes0: { race: 1, classId: 8, gender: 0, powerType: 0 },
      health: 5000,
      powers: new Map([
        [0, 9000],
        [3, 100],
      ]),
      maxHealth: 6000,
      maxPowers: new Map([[0, 12000]]),
      level: 80,
      auraState: 0x20,
    });
  });

  test("the VALUES encoder writes what the decoder reads back, and later blocks win", () => {
    const first = { health: 100, maxHealth: 200, level: 10, powers: new Map([[1, 50]]) };
    const second = { health: 90, bytes0: { race: 2, classId: 1, gender: 1, powerType: 1 }, maxPowers: new Map([[1, 1000]]), auraState: 4 };
    const blocks: UpdateBlock[] = [unitStatsValuesBlock(JAINA, first), unitStatsValuesBlock(0x2bn, { health: 1 }), unitStatsValuesBlock(JAINA, second)];
    const message: SmsgUpdateObject = { blocks };
    const decoded = smsgUpdateObjectCodec.decode(smsgUpdateObjectCodec.encode(message));
    assert.deepEqual(decoded, message);
    assert.deepEqual(collectUnitStats(decoded, JAINA), {
      health: 90,
      maxHealth: 200,
      level: 10,
      powers: new Map([[1, 50]]),
      bytes0: { race: 2, classId: 1, gender: 1, powerType: 1 },
      maxPowers: new Map([[1, 1000]]),
      auraState: 4,
    });
    assert.deepEqual(collectUnitStats(decoded, 0x99n), {});
  });

  test("an encoded health update uses the shortest mask (AzerothCore sends the full one; both decode alike)", () => {
    const bytes = smsgUpdateObjectCodec.encode({ blocks: [unitStatsValuesBlock(JAINA, { health: 1500 })] });
    assert.equal(toHex(bytes), u32(1) + "00012a01" + u32(1 << UnitField.HEALTH) + u32(1500));
    const fullMask = smsgUpdateObjectCodec.decode(hex(u32(1) + VALUES_AFTER));
    assert.deepEqual(collectUnitStats(fullMask, JAINA), collectUnitStats(smsgUpdateObjectCodec.decode(bytes), JAINA));
  });

  test("the encoder refuses a mask shorter than its fields and a power index out of range", () => {
    assert.throws(
      () => smsgUpdateObjectCodec.encode({ blocks: [{ kind: "values", guid: 1n, values: { maskBlockCount: 0, fields: new Map([[UnitField.HEALTH, 1]]) } }] }),
      ProtocolError,
    );
    assert.throws(() => unitStatsValuesBlock(1n, { powers: new Map([[7, 1]]) }), RangeError);
  });
});

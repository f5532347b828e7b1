import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Opcode, PacketReader, PacketWriter, ProtocolError } from "@tc9/sdk/wow";
import { assertOnlyProtocolErrors, mutations } from "./fuzz.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** Asserts that `action` throws a ProtocolError matching `expected`. */
function assertProtocolError(action: () => unknown, expected: Partial<ProtocolError>): ProtocolError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ProtocolError, `expected ProtocolError, got ${String(caught)}`);
  assert.equal(caught.code, "TC9_ERR_PROTOCOL");
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(caught[key as keyof ProtocolError], value, `ProtocolError.${key}`);
  }
  return caught;
}

/*
 * SMSG_UPDATE_OBJECT payload from gtker/wow_messages
 * wow_message_parser/wowm/world/gameobject/smsg_update_object_3_3_5.wowm (3.3.5 test block; the
 * 4-byte header 00 73 a9 00 is left out here and covered in framing.test.ts): one CREATE_OBJECT2 of
 * player GUID 8 with a living movement block and a 3-block update mask.
 */
const UPDATE_OBJECT_PAYLOAD = hex(`
  01000000 03 0108 04
  2100 00000000 0000 00000000
  cdd70bc6 357e04c3 f90fa742 00000000 00000000
  0000803f 00008c42 00009040 00000000 00000000 00000000 00000000 d00f4940 00000000
  03 07000000 00008000 18000000
  08000000 00000000 19000000 01000000 0c4d0000 0c4d0000`);

interface UpdateObjectSample {
  objectCount: number;
  updateType: number;
  guid: bigint;
  objectType: number;
  updateFlags: number;
  position: [number, number, number];
  runSpeed: number;
  turnRate: number;
  fieldIndices: number[];
  fieldValues: number[];
}

/** Decodes the sample above with the reader, field by field (layout from the same .wowm file). */
function decodeUpdateObjectSample(payload: Uint8Array): UpdateObjectSample {
  const reader = new PacketReader(payload, { opcode: Opcode.SMSG_UPDATE_OBJECT });
  const objectCount = reader.readCount(1, { minElementSize: 3 });
  const updateType = reader.readU8();
  const guid = reader.readPackedGuid();
  const objectType = reader.readU8();
  const updateFlags = reader.readU16();
  reader.readU32(); // movement flags
  reader.readU16(); // extra movement flags
  reader.readU32(); // timestamp
  const position: [number, number, number] = [reader.readF32(), reader.readF32(), reader.readF32()];
  reader.readF32(); // orientation
  reader.readU32(); // fall time
  reader.readF32(); // walk speed
  const runSpeed = reader.readF32();
  reader.skip(4 * 5); // run back, swim, swim back, flight, flight back speeds
  const turnRate = reader.readF32();
  reader.readF32(); // pitch rate
  const mask = reader.readUpdateMask();
  const fieldIndices = mask.setBitIndices();
  const fieldValues = fieldIndices.map(() => reader.readU32());
  reader.expectEnd();
  return { objectCount, updateType, guid, objectType, updateFlags, position, runSpeed, turnRate, fieldIndices, fieldValues };
}

describe("PacketReader and PacketWriter primitives", () => {
  it("writes integers little-endian (and big-endian where asked) byte-exact", () => {
    const bytes = new PacketWriter()
      .writeU8(0xab)
      .writeI8(-2)
      .writeU16(0x1234)
      .writeI16(-2)
      .writeU32(0x12345678)
      .writeI32(-2)
      .writeU64(0x0102030405060708n)
      .writeI64(-2n)
      .writeU16BE(0x1234)
      .writeU32BE(0x12345678)
      .toBytes();
    assert.equal(
      toHex(bytes),
      "ab" + "fe" + "3412" + "feff" + "78563412" + "feffffff" + "0807060504030201" + "feffffffffffffff" + "1234" + "12345678",
    );
    const reader = new PacketReader(bytes);
    assert.equal(reader.readU8(), 0xab);
    assert.equal(reader.readI8(), -2);
    assert.equal(reader.readU16(), 0x1234);
    assert.equal(reader.readI16(), -2);
    assert.equal(reader.readU32(), 0x12345678);
    assert.equal(reader.readI32(), -2);
    assert.equal(reader.readU64(), 0x0102030405060708n);
    assert.equal(reader.readI64(), -2n);
    assert.equal(reader.readU16BE(), 0x1234);
    assert.equal(reader.readU32BE(), 0x12345678);
    reader.expectEnd();
  });

  it("round-trips the extremes of every integer type and floats", () => {
    const writer = new PacketWriter({ initialCapacity: 1 });
    writer.writeU8(255).writeU16(65535).writeU32(0xffffffff).writeU64((1n << 64n) - 1n);
    writer.writeI8(-128).writeI16(-32768).writeI32(-0x80000000).writeI64(-(1n << 63n));
    writer.writeF32(-8949.95).writeF64(Math.PI);
    const reader = new PacketReader(writer.toBytes());
    assert.deepEqual(
      [reader.readU8(), reader.readU16(), reader.readU32(), reader.readU64()],
      [255, 65535, 0xffffffff, (1n << 64n) - 1n],
    );
    assert.deepEqual(
      [reader.readI8(), reader.readI16(), reader.readI32(), reader.readI64()],
      [-128, -32768, -0x80000000, -(1n << 63n)],
    );
    assert.equal(reader.readF32(), Math.fround(-8949.95));
    assert.equal(reader.readF64(), Math.PI);
    assert.equal(reader.remaining, 0);
  });

  it("refuses values that do not fit their wire type instead of truncating them", () => {
    const writer = new PacketWriter({ opcode: Opcode.CMSG_PING });
    const cases: [string, () => unknown][] = [
      ["u8 256", () => writer.writeU8(256)],
      ["u8 -1", () => writer.writeU8(-1)],
      ["u8 1.5", () => writer.writeU8(1.5)],
      ["i8 128", () => writer.writeI8(128)],
      ["u16 65536", () => writer.writeU16(65536)],
      ["i16 -32769", () => writer.writeI16(-32769)],
      ["u32 2^32", () => writer.writeU32(2 ** 32)],
      ["u32 NaN", () => writer.writeU32(Number.NaN)],
      ["i32 2^31", () => writer.writeI32(2 ** 31)],
      ["u64 2^64", () => writer.writeU64(1n << 64n)],
      ["i64 2^63", () => writer.writeI64(1n << 63n)],
      ["packed GUID -1", () => writer.writePackedGuid(-1n)],
    ];
    for (const [label, write] of cases) {
      const error = assertProtocolError(write, { kind: "encode", opcode: Opcode.CMSG_PING });
      assert.match(error.message, /CMSG_PING \(0x1DC\)/, label);
    }
    assert.equal(writer.length, 0, "a refused write leaves nothing behind");
  });

  it("throws ProtocolError naming the opcode and offset when a read runs past the end", () => {
    const reader = new PacketReader(hex("010203"), { opcode: Opcode.SMSG_PONG });
    reader.readU8();
    const error = assertProtocolError(() => reader.readU32(), {
      offset: 1,
      opcode: Opcode.SMSG_PONG,
      opcodeName: "SMSG_PONG",
      kind: "decode",
    });
    assert.match(error.message, /^SMSG_PONG \(0x1DD\): u32 needs 4 byte\(s\), only 2 remain at byte offset 1/);
    assert.equal(reader.offset, 1, "a failed read does not move the reader");
    assertProtocolError(() => reader.readBytes(3), { offset: 1 });
    assertProtocolError(() => reader.skip(3), { offset: 1 });
    assertProtocolError(() => reader.expectEnd(), { offset: 1 });
    assert.equal(new PacketReader(hex("00")).readU8(), 0);
  });

  it("copies with readBytes and shares memory with readView", () => {
    const payload = hex("0a0b0c0d");
    const reader = new PacketReader(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    const copied = reader.readBytes(2);
    const view = reader.readView(2);
    payload[0] = 0xff;
    payload[2] = 0xee;
    assert.deepEqual([...copied], [0x0a, 0x0b]);
    assert.deepEqual([...view], [0xee, 0x0d]);
    assert.equal(copied.constructor, Uint8Array);
  });

  it("reads and writes NUL-terminated UTF-8 strings", () => {
    const bytes = new PacketWriter().writeCString("Asdf").writeCString("").writeCString("Ærøsk ✓").toBytes();
    assert.equal(toHex(bytes.subarray(0, 6)), "417364660000");
    const reader = new PacketReader(bytes);
    assert.equal(reader.readCString(), "Asdf");
    assert.equal(reader.readCString(), "");
    assert.equal(reader.readCString({ maxLength: 11 }), "Ærøsk ✓");
    reader.expectEnd();
  });

  it("refuses C strings without a terminator, over the limit, or with invalid UTF-8", () => {
    assertProtocolError(() => new PacketReader(hex("41424344")).readCString(), { reason: "C string has no NUL terminator", offset: 0 });
    const limited = new PacketReader(hex("0000 41424300"));
    limited.skip(2);
    assertProtocolError(() => limited.readCString({ maxLength: 2 }), {
      reason: "C string is 3 bytes, more than the limit of 2",
      offset: 2,
    });
    assertProtocolError(() => new PacketReader(hex("c32800")).readCString(), { reason: "C string is not valid UTF-8", offset: 0 });
    assertProtocolError(() => new PacketWriter().writeCString("a\0b"), { kind: "encode" });
  });

  it("encodes packed GUIDs as a mask byte plus the non-zero bytes", () => {
    const vectors: [bigint, string][] = [
      [0n, "00"],
      [8n, "0108"], // wow_messages smsg_update_object_3_3_5.wowm
      [23n, "0117"], // wow_messages smsg_attackstop.wowm (player = 23)
      [100n, "0164"], // wow_messages smsg_attackstop.wowm (enemy = 100)
      [0xdeadbeefn, "0fefbeadde"],
      [0xf130000000000001n, "c10130f1"],
      [(1n << 64n) - 1n, "ffffffffffffffffff"],
    ];
    for (const [guid, encoded] of vectors) {
      assert.equal(toHex(new PacketWriter().writePackedGuid(guid).toBytes()), encoded, `write ${guid}`);
      const reader = new PacketReader(hex(encoded));
      assert.equal(reader.readPackedGuid(), guid, `read ${encoded}`);
      reader.expectEnd();
    }
    assertProtocolError(() => new PacketReader(hex("0f0102")).readPackedGuid(), {
      reason: "packed GUID mask 0xf needs 4 byte(s), only 2 remain",
      offset: 0,
    });
  });

  it("validates counts against the limit and against the bytes left", () => {
    assert.equal(new PacketReader(hex("03000000 aabbcc")).readCount(10), 3);
    assert.equal(new PacketReader(hex("02 aabbccdd")).readCount(2, { width: "u8", minElementSize: 2 }), 2);
    assertProtocolError(() => new PacketReader(hex("0b000000")).readCount(10), { reason: "count 11 exceeds the limit of 10" });
    assertProtocolError(() => new PacketReader(hex("0300 aabbcc")).readCount(100, { width: "u16", minElementSize: 2 }), {
      reason: "count 3 needs at least 6 bytes (2 per element), only 3 remain",
      offset: 0,
    });
    assertProtocolError(() => new PacketReader(hex("ffffffff")).readCount(0xffffffff), { offset: 0 });
  });

  it("back-patches fields already written", () => {
    const writer = new PacketWriter();
    writer.writeU8(0).writeU16(0).writeU32(0).writeCString("x");
    writer.setU8At(0, 7).setU16At(1, 0x0102).setU32At(3, 0x0a0b0c0d);
    assert.equal(toHex(writer.toBytes()), "07" + "0201" + "0d0c0b0a" + "7800");
    assertProtocolError(() => writer.setU32At(7, 1), { kind: "encode" });
  });

  it("decodes the wow_messages 3.3.5 SMSG_UPDATE_OBJECT sample and re-encodes it byte-exact", () => {
    const sample = decodeUpdateObjectSample(UPDATE_OBJECT_PAYLOAD);
    assert.equal(sample.objectCount, 1);
    assert.equal(sample.updateType, 3);
    assert.equal(sample.guid, 8n);
    assert.equal(sample.objectType, 4);
    assert.equal(sample.updateFlags, 0x21);
    assert.deepEqual(sample.position, [Math.fround(-8949.95), Math.fround(-132.493), Math.fround(83.5312)]);
    assert.equal(sample.runSpeed, 70);
    assert.equal(sample.turnRate, Math.fround(3.14159));
    // OBJECT_GUID (2 fields), OBJECT_TYPE, UNIT_FACTIONTEMPLATE (0x37), UNIT_DISPLAYID (0x43), UNIT_NATIVEDISPLAYID
    assert.deepEqual(sample.fieldIndices, [0, 1, 2, 0x37, 0x43, 0x44]);
    assert.deepEqual(sample.fieldValues, [8, 0, 0x19, 1, 0x4d0c, 0x4d0c]);

    const writer = new PacketWriter({ opcode: Opcode.SMSG_UPDATE_OBJECT });
    writer.writeU32(1).writeU8(3).writePackedGuid(8n).writeU8(4).writeU16(0x21).writeU32(0).writeU16(0).writeU32(0);
    for (const value of sample.position) writer.writeF32(value);
    writer.writeF32(0).writeU32(0).writeF32(1).writeF32(70).writeF32(4.5);
    for (let i = 0; i < 4; i++) writer.writeF32(0);
    writer.writeF32(3.14159).writeF32(0);
    writer.writeBytes(hex("03 07000000 00008000 18000000"));
    for (const value of sample.fieldValues) writer.writeU32(value);
    assert.equal(toHex(writer.toBytes()), toHex(UPDATE_OBJECT_PAYLOAD));
  });

  it("survives fuzzing: mutated update objects only ever raise ProtocolError", () => {
    const outcome = assertOnlyProtocolErrors(decodeUpdateObjectSample, mutations(UPDATE_OBJECT_PAYLOAD, { seed: 4 }));
    assert.ok(outcome.rejected > 200, `rejected ${outcome.rejected}`);
    assert.ok(outcome.decoded > 0, "bit flips inside float fields still decode");
  });
});

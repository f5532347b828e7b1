import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BitReader, BitWriter, Opcode, PacketReader, PacketWriter, ProtocolError } from "@tc9/sdk/wow";
import { assertOnlyProtocolErrors, mutations } from "./fuzz.js";

/*
 * The update mask of gtker/wow_messages smsg_update_object_3_3_5.wowm (3.3.5 test block): 3 u32
 * blocks marking OBJECT_GUID (fields 0-1), OBJECT_TYPE (2), UNIT_FACTIONTEMPLATE (0x37),
 * UNIT_DISPLAYID (0x43) and UNIT_NATIVEDISPLAYID (0x44).
 */
const UPDATE_MASK = Uint8Array.from(Buffer.from("03" + "07000000" + "00008000" + "18000000", "hex"));
const UPDATE_MASK_FIELDS = [0, 1, 2, 0x37, 0x43, 0x44];

describe("bit fields", () => {
  it("reads the wow_messages 3.3.5 update mask", () => {
    const reader = new PacketReader(UPDATE_MASK, { opcode: Opcode.SMSG_UPDATE_OBJECT });
    const mask = reader.readUpdateMask();
    reader.expectEnd();
    assert.equal(mask.bitLength, 96);
    assert.deepEqual(mask.setBitIndices(), UPDATE_MASK_FIELDS);
    assert.equal(mask.isSet(0x37), true);
    assert.equal(mask.isSet(0x36), false);
    assert.equal(mask.isSet(96), false, "bits past the mask are not set");
    assert.equal(mask.isSet(-1), false);
  });

  it("writes the same update mask from field indices", () => {
    const bits = new BitWriter();
    for (const field of UPDATE_MASK_FIELDS) bits.setBit(field);
    assert.equal(bits.bitLength, 0x45);
    const bytes = new PacketWriter().writeUpdateMask(bits).toBytes();
    assert.equal(Buffer.from(bytes).toString("hex"), Buffer.from(UPDATE_MASK).toString("hex"));
    assert.deepEqual([...new PacketWriter().writeUpdateMask(new BitWriter()).toBytes()], [0], "an empty mask has 0 blocks");
  });

  it("reads and writes bits sequentially, least significant bit first", () => {
    const bits = new BitWriter().writeBit(true).writeBits(0b101, 3).writeBit(false).writeBits(0xdeadbeef, 32);
    assert.equal(bits.bitLength, 37);
    const bytes = new PacketWriter().writeBitField(bits).toBytes();
    assert.equal(bytes.length, 5);
    assert.equal((bytes[0] ?? 0) & 0x1f, 0b01011);
    const reader = new PacketReader(bytes).readBitField(5);
    assert.equal(reader.readBit(), true);
    assert.equal(reader.readBits(3), 0b101);
    assert.equal(reader.readBit(), false);
    assert.equal(reader.readBits(32), 0xdeadbeef);
    assert.equal(reader.bitsRemaining, 3);
    assert.equal(reader.readBits(3), 0, "padding bits are zero");
  });

  it("throws ProtocolError pointing into the packet when bits run out", () => {
    const packet = Uint8Array.of(0xaa, 0xff);
    const reader = new PacketReader(packet, { opcode: Opcode.SMSG_UPDATE_OBJECT });
    reader.skip(1);
    const bits = reader.readBitField(1);
    bits.readBits(6);
    let caught: unknown;
    try {
      bits.readBits(3);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ProtocolError);
    assert.equal(caught.offset, 1);
    assert.equal(caught.opcodeName, "SMSG_UPDATE_OBJECT");
    assert.equal(caught.reason, "bit field needs 3 more bit(s), only 2 remain");
    assert.equal(bits.readBits(2), 3, "a failed read consumes nothing");
    assert.throws(() => new BitReader(packet).readBits(33), RangeError);
  });

  it("refuses update masks whose block count outruns the packet", () => {
    const outcome = assertOnlyProtocolErrors((bytes) => {
      const reader = new PacketReader(bytes);
      const mask = reader.readUpdateMask();
      reader.expectEnd();
      return mask.setBitIndices();
    }, mutations(UPDATE_MASK, { seed: 11 }));
    assert.ok(outcome.rejected > 50, `rejected ${outcome.rejected}`);
  });
});

import { PacketReader } from "../../codec/packet-reader.js";
import { PacketWriter } from "../../codec/packet-writer.js";
import { ProtocolError } from "../../codec/protocol-error.js";
import { BitWriter } from "../../codec/bit-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import type { MessageCodec } from "../message-codec.js";
import { skipMovementBlock } from "./movement-block.js";

/*
 * SMSG_UPDATE_OBJECT and SMSG_COMPRESSED_UPDATE_OBJECT (3.3.5a): `u32 n | n × block`, a block
 * being `u8 update_type` then
 *  - VALUES: `packed guid | values`;
 *  - MOVEMENT: `packed guid | movement`;
 *  - CREATE_OBJECT / CREATE_OBJECT2: `packed guid | u8 object_type | movement | values`;
 *  - OUT_OF_RANGE_OBJECTS / NEAR_OBJECTS: `u32 n | n × packed guid`;
 * and values being `u8 mask_blocks | mask_blocks × u32 mask | u32 per set bit, in bit order`
 * (AzerothCore `UpdateData::BuildPacket`, `Object::BuildValuesUpdate`; wowm agrees). The
 * compressed form is `u32 inflated_size | zlib(SMSG_UPDATE_OBJECT payload)`.
 *
 * Movement blocks are stepped over (see `movement-block.ts`) and kept as raw bytes, so an update
 * re-encodes byte for byte; object types are not interpreted, so unknown ones pass through.
 */

/** `ObjectUpdateType` (AzerothCore `UpdateData.h`). */
export const UpdateType = {
  VALUES: 0,
  MOVEMENT: 1,
  CREATE_OBJECT: 2,
  CREATE_OBJECT2: 3,
  OUT_OF_RANGE_OBJECTS: 4,
  NEAR_OBJECTS: 5,
} as const;

/** `TypeID` of a created object (AzerothCore `ObjectGuid.h`). */
export const ObjectTypeId = {
  OBJECT: 0,
  ITEM: 1,
  CONTAINER: 2,
  UNIT: 3,
  PLAYER: 4,
  GAMEOBJECT: 5,
  DYNAMICOBJECT: 6,
  CORPSE: 7,
} as const;

/** Largest inflated SMSG_COMPRESSED_UPDATE_OBJECT accepted (declared sizes above it are refused). */
export const MAX_INFLATED_UPDATE_SIZE = 4 * 1024 * 1024;

/** The changed (or, on create, non-zero) update fields of one object. */
export interface UpdateValues {
  /** u32 blocks of the mask on the wire; AzerothCore sends the object's full mask length. */
  readonly maskBlockCount: number;
  /** Field index → raw u32 value (floats and GUID halves as their bit patterns). */
  readonly fields: ReadonlyMap<number, number>;
}

/** The movement part of a block, kept verbatim. */
export interface MovementBlock {
  /** `ObjectUpdateFlags` of the block. */
  readonly updateFlags: number;
  /** The block's bytes, starting with the u16 update flags. */
  readonly raw: Uint8Array;
}

/** One block of an update packet. */
export type UpdateBlock =
  | { readonly kind: "values"; readonly guid: bigint; readonly values: UpdateValues }
  | { readonly kind: "movement"; readonly guid: bigint; readonly movement: MovementBlock }
  | {
      readonly kind: "create-object" | "create-object2";
      readonly guid: bigint;
      /** An {@link ObjectTypeId} value (others are kept as they are). */
      readonly objectType: number;
      readonly movement: MovementBlock;
      readonly values: UpdateValues;
    }
  | { readonly kind: "out-of-range-objects" | "near-objects"; readonly guids: readonly bigint[] };

/** SMSG_UPDATE_OBJECT / SMSG_COMPRESSED_UPDATE_OBJECT: the blocks, in wire order. */
export interface SmsgUpdateObject {
  readonly blocks: readonly UpdateBlock[];
}

/** Smallest block: type, empty packed GUID, empty mask. */
const MIN_BLOCK_SIZE = 3;
/** Mask blocks a u8 can count. */
const MAX_MASK_BLOCKS = 0xff;

function readValues(reader: PacketReader): UpdateValues {
  const mask = reader.readUpdateMask();
  const fields = new Map<number, number>();
  for (const index of mask.setBitIndices()) fields.set(index, reader.readU32());
  return { maskBlockCount: mask.bitLength / 32, fields };
}

function readMovement(reader: PacketReader, payload: Uint8Array): MovementBlock {
  const start = reader.offset;
  const updateFlags = skipMovementBlock(reader);
  // Copied into a plain Uint8Array (Buffer#slice would share memory with the packet).
  return { updateFlags, raw: new Uint8Array(payload.subarray(start, reader.offset)) };
}

function readBlock(reader: PacketReader, payload: Uint8Array): UpdateBlock {
  const updateType = reader.readU8();
  switch (updateType) {
    case UpdateType.VALUES:
      return { kind: "values", guid: reader.readPackedGuid(), values: readValues(reader) };
    case UpdateType.MOVEMENT:
      return { kind: "movement", guid: reader.readPackedGuid(), movement: readMovement(reader, payload) };
    case UpdateType.CREATE_OBJECT:
    case UpdateType.CREATE_OBJECT2: {
      const guid = reader.readPackedGuid();
      const objectType = reader.readU8();
      const movement = readMovement(reader, payload);
      const values = readValues(reader);
      return { kind: updateType === UpdateType.CREATE_OBJECT ? "create-object" : "create-object2", guid, objectType, movement, values };
    }
    case UpdateType.OUT_OF_RANGE_OBJECTS:
    case UpdateType.NEAR_OBJECTS: {
      const count = reader.readCount(0x7fffffff, { minElementSize: 1 });
      const guids: bigint[] = [];
      for (let index = 0; index < count; index++) guids.push(reader.readPackedGuid());
      return { kind: updateType === UpdateType.OUT_OF_RANGE_OBJECTS ? "out-of-range-objects" : "near-objects", guids };
    }
    default:
      throw new ProtocolError({
        reason: `update type ${updateType} is not one of 0..5; the following blocks cannot be located`,
        offset: reader.offset - 1,
        opcode: reader.opcode,
      });
  }
}

/** Decodes an uncompressed update payload; `opcode` only labels errors. */
function decodeUpdatePayload(payload: Uint8Array, opcode: number): SmsgUpdateObject {
  const reader = new PacketReader(payload, { opcode });
  const count = reader.readCount(0x7fffffff, { minElementSize: MIN_BLOCK_SIZE });
  const blocks: UpdateBlock[] = [];
  for (let index = 0; index < count; index++) blocks.push(readBlock(reader, payload));
  reader.expectEnd();
  return { blocks };
}

function writeValues(writer: PacketWriter, opcode: number, values: UpdateValues): void {
  const mask = new BitWriter();
  const indices = [...values.fields.keys()].sort((a, b) => a - b);
  for (const index of indices) mask.setBit(index);
  const neededBlocks = Math.ceil(mask.bitLength / 32);
  if (!Number.isInteger(values.maskBlockCount) || values.maskBlockCount < neededBlocks || values.maskBlockCount > MAX_MASK_BLOCKS) {
    throw new ProtocolError({
      reason: `maskBlockCount ${values.maskBlockCount} must be an integer from ${neededBlocks} (the highest field) to ${MAX_MASK_BLOCKS}`,
      offset: writer.length,
      opcode,
      kind: "encode",
    });
  }
  const blocks = new Uint8Array(values.maskBlockCount * 4);
  blocks.set(mask.toBytes(4));
  writer.writeU8(values.maskBlockCount).writeBytes(blocks);
  for (const index of indices) writer.writeU32(values.fields.get(index) ?? 0);
}

function writeBlock(writer: PacketWriter, opcode: number, block: UpdateBlock): void {
  switch (block.kind) {
    case "values":
      writer.writeU8(UpdateType.VALUES).writePackedGuid(block.guid);
      writeValues(writer, opcode, block.values);
      break;
    case "movement":
      writer.writeU8(UpdateType.MOVEMENT).writePackedGuid(block.guid).writeBytes(block.movement.raw);
      break;
    case "create-object":
    case "create-object2":
      writer.writeU8(block.kind === "create-object" ? UpdateType.CREATE_OBJECT : UpdateType.CREATE_OBJECT2);
      writer.writePackedGuid(block.guid).writeU8(block.objectType).writeBytes(block.movement.raw);
      writeValues(writer, opcode, block.values);
      break;
    case "out-of-range-objects":
    case "near-objects":
      writer.writeU8(block.kind === "out-of-range-objects" ? UpdateType.OUT_OF_RANGE_OBJECTS : UpdateType.NEAR_OBJECTS);
      writer.writeU32(block.guids.length);
      for (const guid of block.guids) writer.writePackedGuid(guid);
      break;
  }
}

function encodeUpdatePayload(message: SmsgUpdateObject, opcode: number): Uint8Array {
  const writer = new PacketWriter({ opcode, initialCapacity: 256 });
  writer.writeU32(message.blocks.length);
  for (const block of message.blocks) writeBlock(writer, opcode, block);
  return writer.toBytes();
}

/** SMSG_UPDATE_OBJECT (see the file comment for the layout). */
export const smsgUpdateObjectCodec: MessageCodec<SmsgUpdateObject> = {
  opcode: Opcode.SMSG_UPDATE_OBJECT,
  encode: (message) => encodeUpdatePayload(message, Opcode.SMSG_UPDATE_OBJECT),
  decode: (payload) => decodeUpdatePayload(payload, Opcode.SMSG_UPDATE_OBJECT),
};

/**
 * SMSG_COMPRESSED_UPDATE_OBJECT: `u32 inflated size | zlib`. The declared size is checked against
 * {@link MAX_INFLATED_UPDATE_SIZE} before inflating; the inflated bytes are an SMSG_UPDATE_OBJECT payload.
 */
export const smsgCompressedUpdateObjectCodec: MessageCodec<SmsgUpdateObject> = {
  opcode: Opcode.SMSG_COMPRESSED_UPDATE_OBJECT,
  encode(message) {
    const inflated = encodeUpdatePayload(message, Opcode.SMSG_COMPRESSED_UPDATE_OBJECT);
    return new PacketWriter({ opcode: Opcode.SMSG_COMPRESSED_UPDATE_OBJECT }).writeZlibBlock(inflated).toBytes();
  },
  decode(payload) {
    const reader = new PacketReader(payload, { opcode: Opcode.SMSG_COMPRESSED_UPDATE_OBJECT });
    const inflated = reader.readZlibBlock({ maxSize: MAX_INFLATED_UPDATE_SIZE });
    return decodeUpdatePayload(inflated, Opcode.SMSG_COMPRESSED_UPDATE_OBJECT);
  },
};

import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type EmptyMessage, type MessageCodec } from "../message-codec.js";
import { failEncode, readPosition, writePosition, type Position } from "./wire-helpers.js";

/** Equipment entries per character: 19 equipment slots and 4 bags (AzerothCore `INVENTORY_SLOT_BAG_END`). */
export const CHAR_ENUM_EQUIPMENT_SLOTS = 23;

/** What the character screen shows for one inventory slot. */
export interface CharacterGear {
  /** The item template's `DisplayInfoID`, 0 for an empty slot. */
  readonly displayId: number;
  readonly inventoryType: number;
  /** `aura_id` of the first permanent/temporary enchantment, 0 if none. */
  readonly enchantAuraId: number;
}

/** The pet a hunter, warlock or death knight shows on the character screen (zeros for none). */
export interface CharacterPet {
  readonly displayId: number;
  readonly level: number;
  readonly family: number;
}

/** One character of SMSG_CHAR_ENUM, as AzerothCore's `Player::BuildEnumData` writes it. */
export interface CharacterEnumEntry {
  readonly guid: bigint;
  readonly name: string;
  readonly race: number;
  readonly classId: number;
  readonly gender: number;
  readonly skin: number;
  readonly face: number;
  readonly hairStyle: number;
  readonly hairColor: number;
  readonly facialHair: number;
  readonly level: number;
  readonly zone: number;
  readonly map: number;
  readonly position: Position;
  readonly guildId: number;
  /** AzerothCore `CharacterFlags` (hide helm/cloak, ghost, rename, locked by billing, declined). */
  readonly characterFlags: number;
  /** AzerothCore `CharCustomizeFlags` (customize, faction change, race change). */
  readonly customizeFlags: number;
  readonly firstLogin: boolean;
  readonly pet: CharacterPet;
  /** Exactly {@link CHAR_ENUM_EQUIPMENT_SLOTS} entries. */
  readonly equipment: readonly CharacterGear[];
}

/** SMSG_CHAR_ENUM: the account's characters on this realm. */
export interface CharacterEnum {
  readonly characters: readonly CharacterEnumEntry[];
}

/** Smallest encoded character: empty name, fixed fields, 23 gear entries of 9 bytes. */
const MIN_CHARACTER_SIZE = 8 + 1 + 9 + 8 + 12 + 12 + 1 + 12 + CHAR_ENUM_EQUIPMENT_SLOTS * 9;

/** CMSG_CHAR_ENUM: empty. */
export const charEnumRequestCodec: MessageCodec<EmptyMessage> = emptyMessageCodec(Opcode.CMSG_CHAR_ENUM);

function writeCharacter(writer: PacketWriter, character: CharacterEnumEntry): void {
  writer.writeU64(character.guid).writeCString(character.name);
  writer.writeU8(character.race).writeU8(character.classId).writeU8(character.gender);
  writer.writeU8(character.skin).writeU8(character.face).writeU8(character.hairStyle).writeU8(character.hairColor);
  writer.writeU8(character.facialHair).writeU8(character.level);
  writer.writeU32(character.zone).writeU32(character.map);
  writePosition(writer, character.position);
  writer.writeU32(character.guildId).writeU32(character.characterFlags).writeU32(character.customizeFlags);
  writer.writeU8(character.firstLogin ? 1 : 0);
  writer.writeU32(character.pet.displayId).writeU32(character.pet.level).writeU32(character.pet.family);
  if (character.equipment.length !== CHAR_ENUM_EQUIPMENT_SLOTS) {
    failEncode(writer, Opcode.SMSG_CHAR_ENUM, `${character.name} has ${character.equipment.length} gear entries, the client reads ${CHAR_ENUM_EQUIPMENT_SLOTS}`);
  }
  for (const gear of character.equipment) writer.writeU32(gear.displayId).writeU8(gear.inventoryType).writeU32(gear.enchantAuraId);
}

function readCharacter(reader: PacketReader): CharacterEnumEntry {
  const guid = reader.readU64();
  const name = reader.readCString();
  const race = reader.readU8();
  const classId = reader.readU8();
  const gender = reader.readU8();
  const skin = reader.readU8();
  const face = reader.readU8();
  const hairStyle = reader.readU8();
  const hairColor = reader.readU8();
  const facialHair = reader.readU8();
  const level = reader.readU8();
  const zone = reader.readU32();
  const map = reader.readU32();
  const position = readPosition(reader);
  const guildId = reader.readU32();
  const characterFlags = reader.readU32();
  const customizeFlags = reader.readU32();
  const firstLogin = reader.readU8() !== 0;
  const pet = { displayId: reader.readU32(), level: reader.readU32(), family: reader.readU32() };
  const equipment: CharacterGear[] = [];
  for (let slot = 0; slot < CHAR_ENUM_EQUIPMENT_SLOTS; slot++) {
    equipment.push({ displayId: reader.readU32(), inventoryType: reader.readU8(), enchantAuraId: reader.readU32() });
  }
  return {
    guid, name, race, classId, gender, skin, face, hairStyle, hairColor, facialHair, level, zone, map, position,
    guildId, characterFlags, customizeFlags, firstLogin, pet, equipment,
  };
}

/** Codec of {@link CharacterEnum} (SMSG_CHAR_ENUM: u8 count, then the characters). */
export const charEnumCodec: MessageCodec<CharacterEnum> = defineMessageCodec({
  opcode: Opcode.SMSG_CHAR_ENUM,
  write(writer, message) {
    if (message.characters.length > 0xff) {
      failEncode(writer, Opcode.SMSG_CHAR_ENUM, `${message.characters.length} characters do not fit the u8 count`);
    }
    writer.writeU8(message.characters.length);
    for (const character of message.characters) writeCharacter(writer, character);
  },
  read(reader) {
    const count = reader.readCount(0xff, { width: "u8", minElementSize: MIN_CHARACTER_SIZE });
    const characters: CharacterEnumEntry[] = [];
    for (let index = 0; index < count; index++) characters.push(readCharacter(reader));
    return { characters };
  },
});

import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { guidMessageCodec, type GuidMessage } from "./char-delete.js";
import { failEncode } from "./wire-helpers.js";

/** Number of declined name forms (Russian cases), AzerothCore `MAX_DECLINED_NAME_CASES`. */
export const DECLINED_NAME_CASES = 5;

/** The character part of a found SMSG_NAME_QUERY_RESPONSE. */
export interface NameQueryCharacter {
  readonly name: string;
  /** Empty for a character of the same realm (AzerothCore always writes it empty). */
  readonly realmName: string;
  readonly race: number;
  readonly gender: number;
  readonly classId: number;
  /** The {@link DECLINED_NAME_CASES} declined forms, when the realm uses them. */
  readonly declinedNames?: readonly string[];
}

/**
 * SMSG_NAME_QUERY_RESPONSE (AzerothCore `QueryPackets.cpp`): a packed GUID and a "not found" byte;
 * when found, the name, realm name, race, gender, class and optional declined names.
 */
export interface NameQueryResponse {
  readonly guid: bigint;
  /** Absent when the character is unknown (the "name unknown" byte is 1 and nothing follows). */
  readonly character?: NameQueryCharacter;
}

/** CMSG_NAME_QUERY: the u64 GUID to look up. */
export const nameQueryCodec: MessageCodec<GuidMessage> = guidMessageCodec(Opcode.CMSG_NAME_QUERY);

/** Codec of {@link NameQueryResponse}. */
export const nameQueryResponseCodec: MessageCodec<NameQueryResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_NAME_QUERY_RESPONSE,
  write(writer, message) {
    writer.writePackedGuid(message.guid);
    const character = message.character;
    writer.writeU8(character ? 0 : 1);
    if (!character) return;
    writer.writeCString(character.name).writeCString(character.realmName);
    writer.writeU8(character.race).writeU8(character.gender).writeU8(character.classId);
    writer.writeU8(character.declinedNames ? 1 : 0);
    if (!character.declinedNames) return;
    if (character.declinedNames.length !== DECLINED_NAME_CASES) {
      failEncode(writer, Opcode.SMSG_NAME_QUERY_RESPONSE, `${character.declinedNames.length} declined names given, the client reads ${DECLINED_NAME_CASES}`);
    }
    for (const declined of character.declinedNames) writer.writeCString(declined);
  },
  read(reader) {
    const guid = reader.readPackedGuid();
    if (reader.readU8() !== 0) return { guid };
    const name = reader.readCString();
    const realmName = reader.readCString();
    const race = reader.readU8();
    const gender = reader.readU8();
    const classId = reader.readU8();
    const base = { name, realmName, race, gender, classId };
    if (reader.readU8() === 0) return { guid, character: base };
    const declinedNames: string[] = [];
    for (let index = 0; index < DECLINED_NAME_CASES; index++) declinedNames.push(reader.readCString());
    return { guid, character: { ...base, declinedNames } };
  },
});

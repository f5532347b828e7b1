import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode } from "./wire-helpers.js";

/** Most zone ids a CMSG_WHO may carry (client limit; AzerothCore ignores bigger requests). */
export const MAX_WHO_ZONES = 10;
/** Most search strings a CMSG_WHO may carry. */
export const MAX_WHO_STRINGS = 4;

/** CMSG_WHO, as AzerothCore's `HandleWhoOpcode` reads it. */
export interface WhoRequest {
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly playerName: string;
  readonly guildName: string;
  /** Bit `1 << race`. */
  readonly raceMask: number;
  /** Bit `1 << class`. */
  readonly classMask: number;
  /** At most {@link MAX_WHO_ZONES}. */
  readonly zones: readonly number[];
  /** At most {@link MAX_WHO_STRINGS}. */
  readonly searchStrings: readonly string[];
}

/** One SMSG_WHO row. AzerothCore writes class and race as u32 (wow_messages: u8); the cores win. */
export interface WhoEntry {
  readonly name: string;
  readonly guildName: string;
  readonly level: number;
  readonly classId: number;
  readonly race: number;
  readonly gender: number;
  readonly zone: number;
}

/** SMSG_WHO: `u32 listed | u32 matched | listed × entry`. */
export interface WhoResponse {
  /** Players matching the query; may exceed `players.length` (AzerothCore lists at most 49). */
  readonly matchCount: number;
  readonly players: readonly WhoEntry[];
}

/** Codec of {@link WhoRequest}. */
export const whoRequestCodec: MessageCodec<WhoRequest> = defineMessageCodec({
  opcode: Opcode.CMSG_WHO,
  write(writer, message) {
    if (message.zones.length > MAX_WHO_ZONES || message.searchStrings.length > MAX_WHO_STRINGS) {
      failEncode(writer, Opcode.CMSG_WHO, `at most ${MAX_WHO_ZONES} zones and ${MAX_WHO_STRINGS} search strings fit`);
    }
    writer.writeU32(message.minLevel).writeU32(message.maxLevel).writeCString(message.playerName).writeCString(message.guildName);
    writer.writeU32(message.raceMask).writeU32(message.classMask).writeU32(message.zones.length);
    for (const zone of message.zones) writer.writeU32(zone);
    writer.writeU32(message.searchStrings.length);
    for (const text of message.searchStrings) writer.writeCString(text);
  },
  read(reader) {
    const minLevel = reader.readU32();
    const maxLevel = reader.readU32();
    const playerName = reader.readCString();
    const guildName = reader.readCString();
    const raceMask = reader.readU32();
    const classMask = reader.readU32();
    const zoneCount = reader.readCount(MAX_WHO_ZONES, { minElementSize: 4 });
    const zones: number[] = [];
    for (let index = 0; index < zoneCount; index++) zones.push(reader.readU32());
    const stringCount = reader.readCount(MAX_WHO_STRINGS, { minElementSize: 1 });
    const searchStrings: string[] = [];
    for (let index = 0; index < stringCount; index++) searchStrings.push(reader.readCString());
    return { minLevel, maxLevel, playerName, guildName, raceMask, classMask, zones, searchStrings };
  },
});

/** Smallest SMSG_WHO row: two empty strings, three u32, a u8, a u32. */
const MIN_WHO_ENTRY_SIZE = 2 + 12 + 1 + 4;

/** Codec of {@link WhoResponse}. */
export const whoResponseCodec: MessageCodec<WhoResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_WHO,
  write(writer, message) {
    writer.writeU32(message.players.length).writeU32(message.matchCount);
    for (const player of message.players) {
      writer.writeCString(player.name).writeCString(player.guildName);
      writer.writeU32(player.level).writeU32(player.classId).writeU32(player.race).writeU8(player.gender).writeU32(player.zone);
    }
  },
  read(reader) {
    // The bound also counts the 4 bytes of matchCount; it only has to keep a lying count from allocating.
    const listed = reader.readCount(0xffff, { minElementSize: MIN_WHO_ENTRY_SIZE });
    const matchCount = reader.readU32();
    const players: WhoEntry[] = [];
    for (let index = 0; index < listed; index++) {
      players.push({
        name: reader.readCString(),
        guildName: reader.readCString(),
        level: reader.readU32(),
        classId: reader.readU32(),
        race: reader.readU32(),
        gender: reader.readU8(),
        zone: reader.readU32(),
      });
    }
    return { matchCount, players };
  },
});

import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { readList } from "./wire-helpers.js";

/*
 * Guild and arena team charters (3.3.5a): buying, querying, turning in and renaming, as AzerothCore
 * `PetitionsHandler.cpp` reads and writes them (signing is in `petition-signing.ts`). Fields every
 * source marks as unknown and AzerothCore skips (client side) or writes as 0 (server side) are
 * written as zero and not exposed, except where a value varies.
 */

/** Choice strings of a petition (always empty in practice). */
const PETITION_CHOICES = 10;

/** CMSG_PETITION_SHOWLIST: `u64 npc`. */
export interface CmsgPetitionShowlist {
  readonly npc: bigint;
}

/** CMSG_PETITION_SHOWLIST: `u64 npc`. */
export const cmsgPetitionShowlistCodec: MessageCodec<CmsgPetitionShowlist> = defineMessageCodec({
  opcode: Opcode.CMSG_PETITION_SHOWLIST,
  write(writer, message) {
    writer.writeU64(message.npc);
  },
  read(reader) {
    return { npc: reader.readU64() };
  },
});

/** One charter a petitioner sells. */
export interface PetitionShowlistEntry {
  /** 1 for guild charters; 1, 2, 3 for 2v2, 3v3, 5v5 arena charters. */
  readonly index: number;
  readonly charterEntry: number;
  readonly charterDisplayId: number;
  /** Copper. */
  readonly cost: number;
  /** Meaning unknown; AzerothCore writes 0 for guilds and the team size for arena charters. */
  readonly unknown: number;
  readonly requiredSignatures: number;
}

/** SMSG_PETITION_SHOWLIST: the charters a petitioner sells. */
export interface SmsgPetitionShowlist {
  readonly npc: bigint;
  readonly entries: readonly PetitionShowlistEntry[];
}

/** SMSG_PETITION_SHOWLIST: `u64 npc | u8 n | n × (u32 index, entry, display, cost, unknown, signatures)`. */
export const smsgPetitionShowlistCodec: MessageCodec<SmsgPetitionShowlist> = defineMessageCodec({
  opcode: Opcode.SMSG_PETITION_SHOWLIST,
  write(writer, message) {
    writer.writeU64(message.npc).writeU8(message.entries.length);
    for (const entry of message.entries) {
      writer.writeU32(entry.index).writeU32(entry.charterEntry).writeU32(entry.charterDisplayId);
      writer.writeU32(entry.cost).writeU32(entry.unknown).writeU32(entry.requiredSignatures);
    }
  },
  read(reader) {
    const npc = reader.readU64();
    const count = reader.readCount(0xff, { width: "u8", minElementSize: 24 });
    const entries = readList(reader, count, (r) => ({
      index: r.readU32(),
      charterEntry: r.readU32(),
      charterDisplayId: r.readU32(),
      cost: r.readU32(),
      unknown: r.readU32(),
      requiredSignatures: r.readU32(),
    }));
    return { npc, entries };
  },
});

/** CMSG_PETITION_BUY: buy a charter with a guild or team name. */
export interface CmsgPetitionBuy {
  readonly npc: bigint;
  readonly name: string;
  /** 1 for a guild; arena slot + 1 (1, 2, 3) for 2v2, 3v3, 5v5. */
  readonly index: number;
}

/**
 * CMSG_PETITION_BUY: `u64 npc | u32 | u64 | name\0 | text\0 | 7 × u32 | u16 | 3 × u32 |
 * 10 × choice\0 | u32 index | u32` (AzerothCore `HandlePetitionBuyOpcode`, wowm agrees). The
 * unnamed fields are written as zero / empty and skipped on decode, as AzerothCore does.
 */
export const cmsgPetitionBuyCodec: MessageCodec<CmsgPetitionBuy> = defineMessageCodec({
  opcode: Opcode.CMSG_PETITION_BUY,
  write(writer, message) {
    writer.writeU64(message.npc).writeU32(0).writeU64(0n).writeCString(message.name).writeCString("");
    for (let field = 0; field < 7; field++) writer.writeU32(0);
    writer.writeU16(0).writeU32(0).writeU32(0).writeU32(0);
    for (let choice = 0; choice < PETITION_CHOICES; choice++) writer.writeCString("");
    writer.writeU32(message.index).writeU32(0);
  },
  read(reader) {
    const npc = reader.readU64();
    reader.skip(4 + 8);
    const name = reader.readCString();
    reader.readCString();
    reader.skip(7 * 4 + 2 + 3 * 4);
    for (let choice = 0; choice < PETITION_CHOICES; choice++) reader.readCString();
    const index = reader.readU32();
    reader.skip(4);
    return { npc, name, index };
  },
});

/** CMSG_PETITION_QUERY: ask for a charter's text. */
export interface CmsgPetitionQuery {
  /** AzerothCore: always the petition's low GUID. */
  readonly petitionId: number;
  readonly petitionGuid: bigint;
}

/** CMSG_PETITION_QUERY: `u32 id | u64 petition`. */
export const cmsgPetitionQueryCodec: MessageCodec<CmsgPetitionQuery> = defineMessageCodec({
  opcode: Opcode.CMSG_PETITION_QUERY,
  write(writer, message) {
    writer.writeU32(message.petitionId).writeU64(message.petitionGuid);
  },
  read(reader) {
    return { petitionId: reader.readU32(), petitionGuid: reader.readU64() };
  },
});

/** SMSG_PETITION_QUERY_RESPONSE: a charter's details. */
export interface SmsgPetitionQueryResponse {
  readonly petitionId: number;
  readonly ownerGuid: bigint;
  readonly name: string;
  readonly bodyText: string;
  readonly minSignatures: number;
  readonly maxSignatures: number;
  /** 0 for guild charters, the charter type for arena ones ("bypass client-side limitation"). */
  readonly unknown: number;
  /** 0 guild charter, 1 arena team charter. */
  readonly charterType: number;
}

/**
 * SMSG_PETITION_QUERY_RESPONSE: `u32 id | u64 owner | name\0 | body\0 | u32 min | u32 max | u32 |
 * 4 × u32 | u16 | 3 × u32 | 10 × choice\0 | u32 | u32 type` (AzerothCore `SendPetitionQueryOpcode`;
 * wowm has the same sizes, with the ten choices as bytes). The zero fields are not exposed.
 */
export const smsgPetitionQueryResponseCodec: MessageCodec<SmsgPetitionQueryResponse> = defineMessageCodec({
  opcode: Opcode.SMSG_PETITION_QUERY_RESPONSE,
  write(writer, message) {
    writer.writeU32(message.petitionId).writeU64(message.ownerGuid).writeCString(message.name).writeCString(message.bodyText);
    writer.writeU32(message.minSignatures).writeU32(message.maxSignatures).writeU32(message.unknown);
    for (let field = 0; field < 4; field++) writer.writeU32(0);
    writer.writeU16(0).writeU32(0).writeU32(0).writeU32(0);
    for (let choice = 0; choice < PETITION_CHOICES; choice++) writer.writeCString("");
    writer.writeU32(0).writeU32(message.charterType);
  },
  read(reader) {
    const petitionId = reader.readU32();
    const ownerGuid = reader.readU64();
    const name = reader.readCString();
    const bodyText = reader.readCString();
    const minSignatures = reader.readU32();
    const maxSignatures = reader.readU32();
    const unknown = reader.readU32();
    reader.skip(4 * 4 + 2 + 3 * 4);
    for (let choice = 0; choice < PETITION_CHOICES; choice++) reader.readCString();
    reader.skip(4);
    return { petitionId, ownerGuid, name, bodyText, minSignatures, maxSignatures, unknown, charterType: reader.readU32() };
  },
});

/** The tabard an arena team charter is turned in with. */
export interface ArenaTeamEmblem {
  readonly backgroundColor: number;
  readonly emblemStyle: number;
  readonly emblemColor: number;
  readonly borderStyle: number;
  readonly borderColor: number;
}

/** CMSG_TURN_IN_PETITION: found the guild or team; arena charters add the team emblem. */
export interface CmsgTurnInPetition {
  readonly petitionGuid: bigint;
  readonly emblem?: ArenaTeamEmblem;
}

function writeEmblem(writer: PacketWriter, emblem: ArenaTeamEmblem): void {
  writer.writeU32(emblem.backgroundColor).writeU32(emblem.emblemStyle).writeU32(emblem.emblemColor);
  writer.writeU32(emblem.borderStyle).writeU32(emblem.borderColor);
}

function readEmblem(reader: PacketReader): ArenaTeamEmblem {
  return {
    backgroundColor: reader.readU32(),
    emblemStyle: reader.readU32(),
    emblemColor: reader.readU32(),
    borderStyle: reader.readU32(),
    borderColor: reader.readU32(),
  };
}

/**
 * CMSG_TURN_IN_PETITION: `u64 petition`, then for arena charters `u32 background | u32 icon |
 * u32 icon_color | u32 border | u32 border_color` (AzerothCore reads these only for arena teams;
 * wowm stops after the GUID). The decoder reads the emblem when bytes follow the GUID.
 */
export const cmsgTurnInPetitionCodec: MessageCodec<CmsgTurnInPetition> = defineMessageCodec({
  opcode: Opcode.CMSG_TURN_IN_PETITION,
  write(writer, message) {
    writer.writeU64(message.petitionGuid);
    if (message.emblem !== undefined) writeEmblem(writer, message.emblem);
  },
  read(reader) {
    const petitionGuid = reader.readU64();
    return reader.remaining === 0 ? { petitionGuid } : { petitionGuid, emblem: readEmblem(reader) };
  },
});

/** `PetitionTurns` of SMSG_TURN_IN_PETITION_RESULTS (AzerothCore `Guild.h`). */
export const PetitionTurnInResult = {
  OK: 0,
  ALREADY_IN_GUILD: 2,
  NEED_MORE_SIGNATURES: 4,
} as const;

/** SMSG_TURN_IN_PETITION_RESULTS: the outcome of a turn-in. */
export interface SmsgTurnInPetitionResults {
  /** A {@link PetitionTurnInResult} value. */
  readonly result: number;
}

/** SMSG_TURN_IN_PETITION_RESULTS: `u32 result`. */
export const smsgTurnInPetitionResultsCodec: MessageCodec<SmsgTurnInPetitionResults> = defineMessageCodec({
  opcode: Opcode.SMSG_TURN_IN_PETITION_RESULTS,
  write(writer, message) {
    writer.writeU32(message.result);
  },
  read(reader) {
    return { result: reader.readU32() };
  },
});

/** MSG_PETITION_RENAME: rename a charter (client) / the confirmation (server). */
export interface MsgPetitionRename {
  readonly petitionGuid: bigint;
  readonly newName: string;
}

/** MSG_PETITION_RENAME: `u64 petition | name\0`, the same in both directions. */
export const msgPetitionRenameCodec: MessageCodec<MsgPetitionRename> = defineMessageCodec({
  opcode: Opcode.MSG_PETITION_RENAME,
  write(writer, message) {
    writer.writeU64(message.petitionGuid).writeCString(message.newName);
  },
  read(reader) {
    return { petitionGuid: reader.readU64(), newName: reader.readCString() };
  },
});

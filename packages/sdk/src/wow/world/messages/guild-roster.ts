import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, emptyMessageCodec, type MessageCodec } from "../message-codec.js";
import { GUILD_BANK_TAB_SLOTS, type GuildBankTabRights } from "./guild-management.js";
import { decodeError, failEncode, readList } from "./wire-helpers.js";

/*
 * The guild roster (3.3.5a) as AzerothCore `GuildPackets.cpp` (`GuildRoster::Write`,
 * `operator<<(GuildRosterMemberData)`, `operator<<(GuildRankData)`) writes it. wowm inserts a
 * `u32` after each member GUID; AzerothCore does not, and wins.
 */

/** Bytes of one rank entry: two u32 and six (u32, u32) tab pairs. */
const RANK_SIZE = 8 + GUILD_BANK_TAB_SLOTS * 8;
/** Smallest member entry: guid, status, empty name, rank, level, class, gender, zone, two empty notes. */
const MIN_MEMBER_SIZE = 8 + 1 + 1 + 4 + 3 + 4 + 2;
/** Ranks a guild can have (`GUILD_RANKS_MAX_COUNT`). */
const MAX_RANKS = 10;

/** CMSG_GUILD_ROSTER: empty. */
export const cmsgGuildRosterCodec = emptyMessageCodec(Opcode.CMSG_GUILD_ROSTER);

/** The rights of one rank, as the roster lists them. */
export interface GuildRosterRank {
  /** `GuildRankRights` flags. */
  readonly rights: number;
  readonly withdrawGoldLimit: number;
  /** Exactly six entries. */
  readonly tabs: readonly GuildBankTabRights[];
}

/** One guild member. */
export interface GuildRosterMember {
  readonly guid: bigint;
  /** `GuildMemberFlags` (1 online, 2 AFK, 4 DND); 0 means offline. */
  readonly status: number;
  readonly name: string;
  readonly rankId: number;
  readonly level: number;
  readonly classId: number;
  readonly gender: number;
  readonly zoneId: number;
  /** Days since the last logout; present exactly when `status` is 0 (offline). */
  readonly daysOffline?: number;
  readonly publicNote: string;
  readonly officerNote: string;
}

/** SMSG_GUILD_ROSTER: the member list, texts and rank rights. */
export interface SmsgGuildRoster {
  readonly motd: string;
  readonly info: string;
  readonly ranks: readonly GuildRosterRank[];
  readonly members: readonly GuildRosterMember[];
}

function writeRank(writer: PacketWriter, rank: GuildRosterRank): void {
  if (rank.tabs.length !== GUILD_BANK_TAB_SLOTS) {
    failEncode(writer, Opcode.SMSG_GUILD_ROSTER, `each rank needs ${GUILD_BANK_TAB_SLOTS} tab entries, got ${rank.tabs.length}`);
  }
  writer.writeU32(rank.rights).writeU32(rank.withdrawGoldLimit);
  for (const tab of rank.tabs) writer.writeU32(tab.flags).writeU32(tab.withdrawItemLimit);
}

function readRank(reader: PacketReader): GuildRosterRank {
  const rights = reader.readU32();
  const withdrawGoldLimit = reader.readU32();
  const tabs = readList(reader, GUILD_BANK_TAB_SLOTS, (r) => ({ flags: r.readU32(), withdrawItemLimit: r.readU32() }));
  return { rights, withdrawGoldLimit, tabs };
}

function writeMember(writer: PacketWriter, member: GuildRosterMember): void {
  if ((member.status === 0) !== (member.daysOffline !== undefined)) {
    failEncode(writer, Opcode.SMSG_GUILD_ROSTER, `member ${member.name}: daysOffline must be given exactly when status is 0 (offline)`);
  }
  writer.writeU64(member.guid).writeU8(member.status).writeCString(member.name).writeI32(member.rankId);
  writer.writeU8(member.level).writeU8(member.classId).writeU8(member.gender).writeI32(member.zoneId);
  if (member.daysOffline !== undefined) writer.writeF32(member.daysOffline);
  writer.writeCString(member.publicNote).writeCString(member.officerNote);
}

function readMember(reader: PacketReader): GuildRosterMember {
  const guid = reader.readU64();
  const status = reader.readU8();
  const name = reader.readCString();
  const rankId = reader.readI32();
  const level = reader.readU8();
  const classId = reader.readU8();
  const gender = reader.readU8();
  const zoneId = reader.readI32();
  const daysOffline = status === 0 ? reader.readF32() : undefined;
  const publicNote = reader.readCString();
  const officerNote = reader.readCString();
  return {
    guid,
    status,
    name,
    rankId,
    level,
    classId,
    gender,
    zoneId,
    ...(daysOffline === undefined ? {} : { daysOffline }),
    publicNote,
    officerNote,
  };
}

/**
 * SMSG_GUILD_ROSTER: `u32 members | motd\0 | info\0 | u32 ranks | ranks × rank | members × member`,
 * where a member is `u64 guid | u8 status | name\0 | i32 rank | u8 level | u8 class | u8 gender |
 * i32 zone | (f32 days offline if status is 0) | note\0 | officer_note\0`.
 */
export const smsgGuildRosterCodec: MessageCodec<SmsgGuildRoster> = defineMessageCodec({
  opcode: Opcode.SMSG_GUILD_ROSTER,
  write(writer, message) {
    writer.writeU32(message.members.length).writeCString(message.motd).writeCString(message.info);
    writer.writeU32(message.ranks.length);
    for (const rank of message.ranks) writeRank(writer, rank);
    for (const member of message.members) writeMember(writer, member);
  },
  read(reader) {
    const memberCount = reader.readU32();
    const motd = reader.readCString();
    const info = reader.readCString();
    const rankCount = reader.readCount(MAX_RANKS, { minElementSize: RANK_SIZE });
    const ranks = readList(reader, rankCount, readRank);
    // The member count comes first but the members last: check it once the texts and ranks are read.
    if (memberCount * MIN_MEMBER_SIZE > reader.remaining) {
      decodeError(reader, `member count ${memberCount} needs at least ${memberCount * MIN_MEMBER_SIZE} bytes, only ${reader.remaining} remain`);
    }
    const members = readList(reader, memberCount, readMember);
    return { motd, info, ranks, members };
  },
});

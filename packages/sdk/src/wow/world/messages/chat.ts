import type { PacketReader } from "../../codec/packet-reader.js";
import type { PacketWriter } from "../../codec/packet-writer.js";
import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { ChatMsg } from "./chat-types.js";
import { failEncode, readSizedCString, writeSizedCString } from "./wire-helpers.js";

/** Types whose CMSG_MESSAGECHAT body is only the text (AzerothCore `HandleMessagechatOpcode`). */
const CLIENT_TEXT_ONLY_TYPES: ReadonlySet<number> = new Set([
  ChatMsg.SAY, ChatMsg.EMOTE, ChatMsg.YELL, ChatMsg.PARTY, ChatMsg.PARTY_LEADER, ChatMsg.GUILD, ChatMsg.OFFICER,
  ChatMsg.RAID, ChatMsg.RAID_LEADER, ChatMsg.RAID_WARNING, ChatMsg.BATTLEGROUND, ChatMsg.BATTLEGROUND_LEADER,
  ChatMsg.AFK, ChatMsg.DND,
]);

/**
 * CMSG_MESSAGECHAT: `u32 type | u32 language | (target\0 if WHISPER) (channel\0 if CHANNEL) |
 * text\0`. Only the types AzerothCore reads a body for are accepted.
 */
export interface ClientChatMessage {
  /** A `ChatMsg` a client may send. */
  readonly type: number;
  /** A `Language`. */
  readonly language: number;
  /** The whisper target's name (WHISPER only). */
  readonly target?: string;
  /** The channel name (CHANNEL only). */
  readonly channel?: string;
  readonly message: string;
}

function clientLayout(type: number): "text" | "whisper" | "channel" | undefined {
  if (type === ChatMsg.WHISPER) return "whisper";
  if (type === ChatMsg.CHANNEL) return "channel";
  return CLIENT_TEXT_ONLY_TYPES.has(type) ? "text" : undefined;
}

/** Codec of {@link ClientChatMessage}. */
export const clientChatMessageCodec: MessageCodec<ClientChatMessage> = defineMessageCodec({
  opcode: Opcode.CMSG_MESSAGECHAT,
  write(writer, message) {
    const opcode = Opcode.CMSG_MESSAGECHAT;
    const layout = clientLayout(message.type);
    if (!layout) failEncode(writer, opcode, `chat type ${message.type} cannot be sent by a client`);
    if ((layout === "whisper") !== (message.target !== undefined)) failEncode(writer, opcode, "target is given exactly for WHISPER");
    if ((layout === "channel") !== (message.channel !== undefined)) failEncode(writer, opcode, "channel is given exactly for CHANNEL");
    writer.writeU32(message.type).writeU32(message.language);
    if (message.target !== undefined) writer.writeCString(message.target);
    if (message.channel !== undefined) writer.writeCString(message.channel);
    writer.writeCString(message.message);
  },
  read(reader) {
    const typeOffset = reader.offset;
    const type = reader.readU32();
    const language = reader.readU32();
    const layout = clientLayout(type);
    if (!layout) {
      throw new ProtocolError({ reason: `chat type ${type} has no client layout`, offset: typeOffset, opcode: Opcode.CMSG_MESSAGECHAT });
    }
    const target = layout === "whisper" ? reader.readCString() : undefined;
    const channel = layout === "channel" ? reader.readCString() : undefined;
    const message = reader.readCString();
    return { type, language, ...(target !== undefined && { target }), ...(channel !== undefined && { channel }), message };
  },
});

/**
 * SMSG_MESSAGECHAT / SMSG_GM_MESSAGECHAT as AzerothCore's `ChatHandler::BuildChatPacket` writes
 * them: `u8 type | u32 language | u64 sender | u32 flags | <type-specific> | u32 len | text\0 |
 * u8 chat tag | (u32 achievement for achievement types)`. Which optional fields a type carries:
 * - monster/raid-boss/BattleNet types: `senderName`, then `receiverGuid`, then `receiverName` when
 *   the receiver is set and is neither a player nor a pet;
 * - WHISPER_FOREIGN: `senderName`, `receiverGuid`;
 * - BG_SYSTEM_*: `receiverGuid`, then `receiverName` when the receiver is set and not a player;
 * - ACHIEVEMENT, GUILD_ACHIEVEMENT: `receiverGuid`, and `achievementId` after the tag;
 * - every other type: (`senderName` in SMSG_GM_MESSAGECHAT), `channelName` for CHANNEL, `receiverGuid`.
 */
export interface ServerChatMessage {
  /** A `ChatMsg` (u8 on the wire). */
  readonly type: number;
  /** A `Language` (AzerothCore writes it as i32; `ADDON` is 0xFFFFFFFF). */
  readonly language: number;
  readonly senderGuid: bigint;
  /** A u32 AzerothCore writes as 0. */
  readonly flags: number;
  readonly senderName?: string;
  readonly channelName?: string;
  readonly receiverGuid: bigint;
  readonly receiverName?: string;
  readonly message: string;
  /** `ChatTag` bits. */
  readonly chatTag: number;
  readonly achievementId?: number;
}

const NAMED_SENDER_TYPES: ReadonlySet<number> = new Set([
  ChatMsg.MONSTER_SAY, ChatMsg.MONSTER_PARTY, ChatMsg.MONSTER_YELL, ChatMsg.MONSTER_WHISPER, ChatMsg.MONSTER_EMOTE,
  ChatMsg.RAID_BOSS_EMOTE, ChatMsg.RAID_BOSS_WHISPER, ChatMsg.BATTLENET,
]);
const BG_SYSTEM_TYPES: ReadonlySet<number> = new Set([ChatMsg.BG_SYSTEM_NEUTRAL, ChatMsg.BG_SYSTEM_ALLIANCE, ChatMsg.BG_SYSTEM_HORDE]);
const ACHIEVEMENT_TYPES: ReadonlySet<number> = new Set([ChatMsg.ACHIEVEMENT, ChatMsg.GUILD_ACHIEVEMENT]);

/** High 16 bits of a player GUID (AzerothCore `HighGuid::Player`). */
const HIGH_GUID_PLAYER = 0x0000n;
/** High 16 bits of a pet GUID (AzerothCore `HighGuid::Pet`). */
const HIGH_GUID_PET = 0xf140n;

/** Which optional fields a server chat packet of `type` carries. */
interface ServerLayout {
  readonly senderName: boolean;
  readonly channelName: boolean;
  readonly achievement: boolean;
  receiverName(receiverGuid: bigint): boolean;
}

function serverLayout(type: number, gmMessage: boolean): ServerLayout {
  const high = (guid: bigint): bigint => (guid >> 48n) & 0xffffn;
  if (NAMED_SENDER_TYPES.has(type)) {
    return {
      senderName: true, channelName: false, achievement: false,
      receiverName: (guid) => guid !== 0n && high(guid) !== HIGH_GUID_PLAYER && high(guid) !== HIGH_GUID_PET,
    };
  }
  if (type === ChatMsg.WHISPER_FOREIGN) return { senderName: true, channelName: false, achievement: false, receiverName: () => false };
  if (BG_SYSTEM_TYPES.has(type)) {
    return { senderName: false, channelName: false, achievement: false, receiverName: (guid) => guid !== 0n && high(guid) !== HIGH_GUID_PLAYER };
  }
  if (ACHIEVEMENT_TYPES.has(type)) return { senderName: false, channelName: false, achievement: true, receiverName: () => false };
  return { senderName: gmMessage, channelName: type === ChatMsg.CHANNEL, achievement: false, receiverName: () => false };
}

function requirePresence(writer: PacketWriter, opcode: number, field: string, expected: boolean, value: unknown): void {
  if (expected !== (value !== undefined)) {
    failEncode(writer, opcode, `${field} must be ${expected ? "given" : "absent"} for this chat type`);
  }
}

function writeServerChat(writer: PacketWriter, message: ServerChatMessage, opcode: number, gmMessage: boolean): void {
  const layout = serverLayout(message.type, gmMessage);
  requirePresence(writer, opcode, "senderName", layout.senderName, message.senderName);
  requirePresence(writer, opcode, "channelName", layout.channelName, message.channelName);
  requirePresence(writer, opcode, "receiverName", layout.receiverName(message.receiverGuid), message.receiverName);
  requirePresence(writer, opcode, "achievementId", layout.achievement, message.achievementId);
  writer.writeU8(message.type).writeU32(message.language).writeU64(message.senderGuid).writeU32(message.flags);
  if (message.senderName !== undefined) writeSizedCString(writer, message.senderName);
  if (message.channelName !== undefined) writer.writeCString(message.channelName);
  writer.writeU64(message.receiverGuid);
  if (message.receiverName !== undefined) writeSizedCString(writer, message.receiverName);
  writeSizedCString(writer, message.message);
  writer.writeU8(message.chatTag);
  if (message.achievementId !== undefined) writer.writeU32(message.achievementId);
}

function readServerChat(reader: PacketReader, gmMessage: boolean): ServerChatMessage {
  const type = reader.readU8();
  const language = reader.readU32();
  const senderGuid = reader.readU64();
  const flags = reader.readU32();
  const layout = serverLayout(type, gmMessage);
  const senderName = layout.senderName ? readSizedCString(reader) : undefined;
  const channelName = layout.channelName ? reader.readCString() : undefined;
  const receiverGuid = reader.readU64();
  const receiverName = layout.receiverName(receiverGuid) ? readSizedCString(reader) : undefined;
  const message = readSizedCString(reader);
  const chatTag = reader.readU8();
  const achievementId = layout.achievement ? reader.readU32() : undefined;
  return {
    type, language, senderGuid, flags,
    ...(senderName !== undefined && { senderName }),
    ...(channelName !== undefined && { channelName }),
    receiverGuid,
    ...(receiverName !== undefined && { receiverName }),
    message, chatTag,
    ...(achievementId !== undefined && { achievementId }),
  };
}

/** Codec of SMSG_MESSAGECHAT. */
export const serverChatMessageCodec: MessageCodec<ServerChatMessage> = defineMessageCodec({
  opcode: Opcode.SMSG_MESSAGECHAT,
  write: (writer, message) => writeServerChat(writer, message, Opcode.SMSG_MESSAGECHAT, false),
  read: (reader) => readServerChat(reader, false),
});

/** Codec of SMSG_GM_MESSAGECHAT (a GM sender: the default layout also carries `senderName`). */
export const gmChatMessageCodec: MessageCodec<ServerChatMessage> = defineMessageCodec({
  opcode: Opcode.SMSG_GM_MESSAGECHAT,
  write: (writer, message) => writeServerChat(writer, message, Opcode.SMSG_GM_MESSAGECHAT, true),
  read: (reader) => readServerChat(reader, true),
});

/** SMSG_CHAT_PLAYER_NOT_FOUND: the name a whisper could not reach. */
export interface ChatPlayerNotFound {
  readonly name: string;
}

/** Codec of {@link ChatPlayerNotFound}. */
export const chatPlayerNotFoundCodec: MessageCodec<ChatPlayerNotFound> = defineMessageCodec({
  opcode: Opcode.SMSG_CHAT_PLAYER_NOT_FOUND,
  write: (writer, message) => void writer.writeCString(message.name),
  read: (reader) => ({ name: reader.readCString() }),
});

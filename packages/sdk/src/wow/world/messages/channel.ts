import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";

/** Channel flags (AzerothCore `ChannelFlags`): SMSG_CHANNEL_LIST, the "you joined" notify. */
export const ChannelFlag = {
  NONE: 0x00,
  CUSTOM: 0x01,
  TRADE: 0x04,
  NOT_LFG: 0x08,
  GENERAL: 0x10,
  CITY: 0x20,
  LFG: 0x40,
  VOICE: 0x80,
} as const;

/**
 * Channel member flags (AzerothCore `ChannelMemberFlags`). gtker/wow_messages puts MODERATOR at
 * 0x04 and shifts the rest; AzerothCore's values are used.
 */
export const ChannelMemberFlag = {
  NONE: 0x00,
  OWNER: 0x01,
  MODERATOR: 0x02,
  VOICED: 0x04,
  MUTED: 0x08,
  CUSTOM: 0x10,
  MIC_MUTED: 0x20,
} as const;

/** CMSG_JOIN_CHANNEL (AzerothCore `HandleJoinChannel`). */
export interface JoinChannel {
  /** `ChatChannels.dbc` id for built-in channels (General, Trade, …), 0 for a custom channel. */
  readonly channelId: number;
  /** Read and ignored by AzerothCore. */
  readonly unknown1: number;
  /** Read and ignored by AzerothCore. */
  readonly unknown2: number;
  readonly channelName: string;
  readonly password: string;
}

/** CMSG_LEAVE_CHANNEL (AzerothCore `HandleLeaveChannel`). */
export interface LeaveChannel {
  /** Read and ignored by AzerothCore (wow_messages: the channel id). */
  readonly channelId: number;
  readonly channelName: string;
}

/** A channel command that names only the channel (CMSG_CHANNEL_LIST, _OWNER, _ANNOUNCEMENTS, _MODERATE). */
export interface ChannelCommand {
  readonly channelName: string;
}

/** A channel command about a player (set owner, (un)moderator, (un)mute, invite, kick, (un)ban). */
export interface ChannelPlayerCommand {
  readonly channelName: string;
  readonly playerName: string;
}

/** CMSG_CHANNEL_PASSWORD. AzerothCore ignores passwords longer than 31 bytes. */
export interface ChannelPassword {
  readonly channelName: string;
  readonly password: string;
}

/** One SMSG_CHANNEL_LIST member. */
export interface ChannelListMember {
  readonly guid: bigint;
  /** `ChannelMemberFlag` bits. */
  readonly flags: number;
}

/**
 * SMSG_CHANNEL_LIST as AzerothCore's `Channel::List` writes it: `u8 1 | name\0 | u8 flags |
 * u32 count | members`. gtker/wow_messages lacks the leading byte; AzerothCore's layout is used.
 */
export interface ChannelList {
  /** AzerothCore writes 1 ("channel type?"). */
  readonly listType: number;
  readonly channelName: string;
  /** `ChannelFlag` bits. */
  readonly channelFlags: number;
  readonly members: readonly ChannelListMember[];
}

/** Codec of {@link JoinChannel}. */
export const joinChannelCodec: MessageCodec<JoinChannel> = defineMessageCodec({
  opcode: Opcode.CMSG_JOIN_CHANNEL,
  write(writer, message) {
    writer.writeU32(message.channelId).writeU8(message.unknown1).writeU8(message.unknown2);
    writer.writeCString(message.channelName).writeCString(message.password);
  },
  read: (reader) => ({
    channelId: reader.readU32(),
    unknown1: reader.readU8(),
    unknown2: reader.readU8(),
    channelName: reader.readCString(),
    password: reader.readCString(),
  }),
});

/** Codec of {@link LeaveChannel}. */
export const leaveChannelCodec: MessageCodec<LeaveChannel> = defineMessageCodec({
  opcode: Opcode.CMSG_LEAVE_CHANNEL,
  write: (writer, message) => void writer.writeU32(message.channelId).writeCString(message.channelName),
  read: (reader) => ({ channelId: reader.readU32(), channelName: reader.readCString() }),
});

/** A codec for a channel command that carries only the channel name. */
export function channelCommandCodec(opcode: number): MessageCodec<ChannelCommand> {
  return defineMessageCodec<ChannelCommand>({
    opcode,
    write: (writer, message) => void writer.writeCString(message.channelName),
    read: (reader) => ({ channelName: reader.readCString() }),
  });
}

/** A codec for a channel command that carries the channel name and a player name. */
export function channelPlayerCommandCodec(opcode: number): MessageCodec<ChannelPlayerCommand> {
  return defineMessageCodec<ChannelPlayerCommand>({
    opcode,
    write: (writer, message) => void writer.writeCString(message.channelName).writeCString(message.playerName),
    read: (reader) => ({ channelName: reader.readCString(), playerName: reader.readCString() }),
  });
}

/** CMSG_CHANNEL_LIST: asks for the member list. */
export const channelListRequestCodec = channelCommandCodec(Opcode.CMSG_CHANNEL_LIST);

/** Codec of {@link ChannelList}. */
export const channelListCodec: MessageCodec<ChannelList> = defineMessageCodec({
  opcode: Opcode.SMSG_CHANNEL_LIST,
  write(writer, message) {
    writer.writeU8(message.listType).writeCString(message.channelName).writeU8(message.channelFlags);
    writer.writeU32(message.members.length);
    for (const member of message.members) writer.writeU64(member.guid).writeU8(member.flags);
  },
  read(reader) {
    const listType = reader.readU8();
    const channelName = reader.readCString();
    const channelFlags = reader.readU8();
    const count = reader.readCount(0xffff, { minElementSize: 9 });
    const members: ChannelListMember[] = [];
    for (let index = 0; index < count; index++) members.push({ guid: reader.readU64(), flags: reader.readU8() });
    return { listType, channelName, channelFlags, members };
  },
});

/** Codec of {@link ChannelPassword} (CMSG_CHANNEL_PASSWORD). */
export const channelPasswordCodec: MessageCodec<ChannelPassword> = defineMessageCodec({
  opcode: Opcode.CMSG_CHANNEL_PASSWORD,
  write: (writer, message) => void writer.writeCString(message.channelName).writeCString(message.password),
  read: (reader) => ({ channelName: reader.readCString(), password: reader.readCString() }),
});

/** CMSG_CHANNEL_SET_OWNER: make `playerName` the owner. */
export const channelSetOwnerCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_SET_OWNER);
/** CMSG_CHANNEL_OWNER: ask who owns the channel. */
export const channelOwnerCodec = channelCommandCodec(Opcode.CMSG_CHANNEL_OWNER);
/** CMSG_CHANNEL_MODERATOR. */
export const channelModeratorCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_MODERATOR);
/** CMSG_CHANNEL_UNMODERATOR. */
export const channelUnmoderatorCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_UNMODERATOR);
/** CMSG_CHANNEL_MUTE. */
export const channelMuteCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_MUTE);
/** CMSG_CHANNEL_UNMUTE. */
export const channelUnmuteCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_UNMUTE);
/** CMSG_CHANNEL_INVITE. */
export const channelInviteCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_INVITE);
/** CMSG_CHANNEL_KICK. */
export const channelKickCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_KICK);
/** CMSG_CHANNEL_BAN. */
export const channelBanCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_BAN);
/** CMSG_CHANNEL_UNBAN. */
export const channelUnbanCodec = channelPlayerCommandCodec(Opcode.CMSG_CHANNEL_UNBAN);
/** CMSG_CHANNEL_ANNOUNCEMENTS: toggle join/leave announcements. */
export const channelAnnouncementsCodec = channelCommandCodec(Opcode.CMSG_CHANNEL_ANNOUNCEMENTS);
/** CMSG_CHANNEL_MODERATE: toggle moderation. */
export const channelModerateCodec = channelCommandCodec(Opcode.CMSG_CHANNEL_MODERATE);

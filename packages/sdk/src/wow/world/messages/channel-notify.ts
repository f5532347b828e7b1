import { ProtocolError } from "../../codec/protocol-error.js";
import { Opcode } from "../../opcodes/opcode-table.js";
import { defineMessageCodec, type MessageCodec } from "../message-codec.js";
import { failEncode } from "./wire-helpers.js";

/** SMSG_CHANNEL_NOTIFY types (AzerothCore `ChatNotify`, `Channel.h`). */
export const ChatNotify = {
  JOINED: 0x00,
  LEFT: 0x01,
  YOU_JOINED: 0x02,
  YOU_LEFT: 0x03,
  WRONG_PASSWORD: 0x04,
  NOT_MEMBER: 0x05,
  NOT_MODERATOR: 0x06,
  PASSWORD_CHANGED: 0x07,
  OWNER_CHANGED: 0x08,
  PLAYER_NOT_FOUND: 0x09,
  NOT_OWNER: 0x0a,
  CHANNEL_OWNER: 0x0b,
  MODE_CHANGE: 0x0c,
  ANNOUNCEMENTS_ON: 0x0d,
  ANNOUNCEMENTS_OFF: 0x0e,
  MODERATION_ON: 0x0f,
  MODERATION_OFF: 0x10,
  MUTED: 0x11,
  PLAYER_KICKED: 0x12,
  BANNED: 0x13,
  PLAYER_BANNED: 0x14,
  PLAYER_UNBANNED: 0x15,
  PLAYER_NOT_BANNED: 0x16,
  PLAYER_ALREADY_MEMBER: 0x17,
  INVITE: 0x18,
  INVITE_WRONG_FACTION: 0x19,
  WRONG_FACTION: 0x1a,
  INVALID_NAME: 0x1b,
  NOT_MODERATED: 0x1c,
  PLAYER_INVITED: 0x1d,
  PLAYER_INVITE_BANNED: 0x1e,
  THROTTLED: 0x1f,
  NOT_IN_AREA: 0x20,
  NOT_IN_LFG: 0x21,
  VOICE_ON: 0x22,
  VOICE_OFF: 0x23,
} as const;

/** The payload shape of each notify type, as AzerothCore's `Channel::Make*` functions write it. */
export type ChannelNotifyKind = ChannelNotify["kind"];

/** SMSG_CHANNEL_NOTIFY: `u8 type | channel\0 | payload`, the payload given by the type. */
export type ChannelNotify =
  /** No payload (wrong password, not a member, muted, throttled, …). */
  | { readonly kind: "plain"; readonly notify: number; readonly channelName: string }
  /** One u64 GUID: joined/left, password or owner changed, announcements/moderation/voice on/off, already member, invite. */
  | { readonly kind: "player"; readonly notify: number; readonly channelName: string; readonly guid: bigint }
  /** A name: player not found, channel owner ("Nobody" when none), not banned, invited, invite banned. */
  | { readonly kind: "player-name"; readonly notify: number; readonly channelName: string; readonly name: string }
  /** Kicked, banned, unbanned: the target's GUID, then the moderator's. */
  | { readonly kind: "moderation"; readonly notify: number; readonly channelName: string; readonly targetGuid: bigint; readonly actorGuid: bigint }
  /** Mode change: the member's GUID, old and new member flags. */
  | { readonly kind: "mode-change"; readonly notify: number; readonly channelName: string; readonly guid: bigint; readonly oldFlags: number; readonly newFlags: number }
  /** You joined: channel flags, channel id, and a u32 AzerothCore writes as 0. */
  | { readonly kind: "you-joined"; readonly notify: number; readonly channelName: string; readonly channelFlags: number; readonly channelId: number; readonly unknown: number }
  /** You left: channel id and whether the channel is a built-in (constant) one. */
  | { readonly kind: "you-left"; readonly notify: number; readonly channelName: string; readonly channelId: number; readonly isConstant: boolean };

const N = ChatNotify;
const KIND_BY_NOTIFY = new Map<number, ChannelNotifyKind>([
  [N.JOINED, "player"], [N.LEFT, "player"], [N.YOU_JOINED, "you-joined"], [N.YOU_LEFT, "you-left"],
  [N.WRONG_PASSWORD, "plain"], [N.NOT_MEMBER, "plain"], [N.NOT_MODERATOR, "plain"], [N.PASSWORD_CHANGED, "player"],
  [N.OWNER_CHANGED, "player"], [N.PLAYER_NOT_FOUND, "player-name"], [N.NOT_OWNER, "plain"], [N.CHANNEL_OWNER, "player-name"],
  [N.MODE_CHANGE, "mode-change"], [N.ANNOUNCEMENTS_ON, "player"], [N.ANNOUNCEMENTS_OFF, "player"], [N.MODERATION_ON, "player"],
  [N.MODERATION_OFF, "player"], [N.MUTED, "plain"], [N.PLAYER_KICKED, "moderation"], [N.BANNED, "plain"],
  [N.PLAYER_BANNED, "moderation"], [N.PLAYER_UNBANNED, "moderation"], [N.PLAYER_NOT_BANNED, "player-name"],
  [N.PLAYER_ALREADY_MEMBER, "player"], [N.INVITE, "player"], [N.INVITE_WRONG_FACTION, "plain"], [N.WRONG_FACTION, "plain"],
  [N.INVALID_NAME, "plain"], [N.NOT_MODERATED, "plain"], [N.PLAYER_INVITED, "player-name"], [N.PLAYER_INVITE_BANNED, "player-name"],
  [N.THROTTLED, "plain"], [N.NOT_IN_AREA, "plain"], [N.NOT_IN_LFG, "plain"], [N.VOICE_ON, "player"], [N.VOICE_OFF, "player"],
]);

/** The payload kind AzerothCore writes for `notify`, or `undefined` for an unknown type. */
export function channelNotifyKind(notify: number): ChannelNotifyKind | undefined {
  return KIND_BY_NOTIFY.get(notify);
}

/** Codec of {@link ChannelNotify}. */
export const channelNotifyCodec: MessageCodec<ChannelNotify> = defineMessageCodec({
  opcode: Opcode.SMSG_CHANNEL_NOTIFY,
  write(writer, message) {
    const expected = KIND_BY_NOTIFY.get(message.notify);
    if (expected !== message.kind) {
      failEncode(writer, Opcode.SMSG_CHANNEL_NOTIFY, `notify 0x${message.notify.toString(16)} carries a "${expected ?? "unknown"}" payload, not "${message.kind}"`);
    }
    writer.writeU8(message.notify).writeCString(message.channelName);
    switch (message.kind) {
      case "plain":
        return;
      case "player":
        writer.writeU64(message.guid);
        return;
      case "player-name":
        writer.writeCString(message.name);
        return;
      case "moderation":
        writer.writeU64(message.targetGuid).writeU64(message.actorGuid);
        return;
      case "mode-change":
        writer.writeU64(message.guid).writeU8(message.oldFlags).writeU8(message.newFlags);
        return;
      case "you-joined":
        writer.writeU8(message.channelFlags).writeU32(message.channelId).writeU32(message.unknown);
        return;
      case "you-left":
        writer.writeU32(message.channelId).writeU8(message.isConstant ? 1 : 0);
        return;
    }
  },
  read(reader): ChannelNotify {
    const notify = reader.readU8();
    const kind = KIND_BY_NOTIFY.get(notify);
    if (!kind) throw new ProtocolError({ reason: `unknown notify type 0x${notify.toString(16)}`, offset: 0, opcode: Opcode.SMSG_CHANNEL_NOTIFY });
    const channelName = reader.readCString();
    switch (kind) {
      case "plain":
        return { kind, notify, channelName };
      case "player":
        return { kind, notify, channelName, guid: reader.readU64() };
      case "player-name":
        return { kind, notify, channelName, name: reader.readCString() };
      case "moderation":
        return { kind, notify, channelName, targetGuid: reader.readU64(), actorGuid: reader.readU64() };
      case "mode-change":
        return { kind, notify, channelName, guid: reader.readU64(), oldFlags: reader.readU8(), newFlags: reader.readU8() };
      case "you-joined":
        return { kind, notify, channelName, channelFlags: reader.readU8(), channelId: reader.readU32(), unknown: reader.readU32() };
      case "you-left":
        return { kind, notify, channelName, channelId: reader.readU32(), isConstant: reader.readU8() !== 0 };
    }
  },
});

/**
 * Events the chat service publishes (ToCloud9 `ChatServiceEvent`, `shared/events/events-chat.go`).
 * Each subject carries a gateway id: whispers go to the receiver's gateway, channel events to
 * {@link CHAT_ALL_GATEWAYS}. Fields marked PR #37 (realms, class, gender, chat tags, channel
 * flags, team, member count, `Silent`) come from that PR.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, str, struct, u32, u64, u8 } from "../go-json/index.js";

/** The gateway id ToCloud9 puts in channel subjects: every gateway listens on it. */
export const CHAT_ALL_GATEWAYS = "ALL";

/** `chat.gw.<gatewayID>.income.whisper` #1: a whisper for a character on that gateway. */
export const chatIncomingWhisper = defineEvent({
  subject: "chat.gw.{gatewayID}.income.whisper",
  type: 1,
  payload: struct({
    SenderRealmID: u32,
    SenderGUID: u64,
    SenderName: str,
    SenderRace: u8,
    SenderClass: u8,
    SenderGender: u8,
    SenderChatTag: u8,
    ReceiverRealmID: u32,
    ReceiverGUID: u64,
    ReceiverName: str,
    Language: u32,
    Msg: str,
  }),
});

/** `chat.gw.<gatewayID>.channel.message` #2: a message in a chat channel. */
export const chatChannelMessage = defineEvent({
  subject: "chat.gw.{gatewayID}.channel.message",
  type: 2,
  payload: struct({
    RealmID: u32,
    ChannelName: str,
    ChannelID: u32,
    TeamID: u32,
    SenderGUID: u64,
    SenderName: str,
    Language: u32,
    Message: str,
    SenderChatTag: u8,
  }),
});

/** `chat.gw.<gatewayID>.channel.joined` #3: a player joined a channel. */
export const chatChannelJoined = defineEvent({
  subject: "chat.gw.{gatewayID}.channel.joined",
  type: 3,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    ChannelName: str,
    ChannelID: u32,
    ChannelFlags: u32,
    TeamID: u32,
    NumMembers: u32,
    PlayerGUID: u64,
    PlayerName: str,
    PlayerFlags: u8,
  }),
});

/** `chat.gw.<gatewayID>.channel.left` #4: a player left a channel. */
export const chatChannelLeft = defineEvent({
  subject: "chat.gw.{gatewayID}.channel.left",
  type: 4,
  payload: struct({
    ServiceID: str,
    RealmID: u32,
    ChannelName: str,
    ChannelID: u32,
    ChannelFlags: u32,
    TeamID: u32,
    NumMembers: u32,
    PlayerGUID: u64,
    PlayerName: str,
    Silent: bool,
  }),
});

/** `chat.gw.<gatewayID>.channel.notify` #5: a channel notice (kick, ban, mode change …). */
export const chatChannelNotification = defineEvent({
  subject: "chat.gw.{gatewayID}.channel.notify",
  type: 5,
  payload: struct({
    RealmID: u32,
    ChannelName: str,
    ChannelID: u32,
    ChannelFlags: u32,
    TeamID: u32,
    NumMembers: u32,
    NotifyType: u8,
    TargetGUID: u64,
    TargetName: str,
    SecondGUID: u64,
    OldFlags: u8,
    NewFlags: u8,
    ExtraData: str,
    AffectsPlayer: u64,
  }),
});

export type ChatIncomingWhisper = EventPayload<typeof chatIncomingWhisper>;
export type ChatChannelMessage = EventPayload<typeof chatChannelMessage>;
export type ChatChannelJoined = EventPayload<typeof chatChannelJoined>;
export type ChatChannelLeft = EventPayload<typeof chatChannelLeft>;
export type ChatChannelNotification = EventPayload<typeof chatChannelNotification>;

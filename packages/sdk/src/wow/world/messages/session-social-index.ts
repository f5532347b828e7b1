/**
 * Exports of the world-socket session and social messages of WoW 3.3.5a, laid out as AzerothCore
 * writes and reads them: authentication and the session set-up after it, character screen,
 * login/logout, ping and time sync, name and who queries, chat, channels, contacts. Every codec
 * is a `MessageCodec` (payload only, no header). Only these families are exported here; other
 * codecs in this folder are not.
 */
export { defineMessageCodec, emptyMessageCodec } from "../message-codec.js";
export type { EmptyMessage, MessageCodec, MessageCodecDefinition, MessageOf } from "../message-codec.js";
export type { Position } from "./wire-helpers.js";
export { ResponseCode } from "./response-code.js";
export type { ResponseCodeValue } from "./response-code.js";

export { authChallengeCodec } from "./auth-challenge.js";
export type { AuthChallenge } from "./auth-challenge.js";
export { authSessionCodec } from "./auth-session.js";
export type { AuthSession } from "./auth-session.js";
export { MAX_ADDON_INFO_SIZE } from "./client-addons.js";
export type { ClientAddon, ClientAddonList } from "./client-addons.js";
export { ADDON_PUBLIC_KEY, buildAddonInfoReply, createAddonInfoCodec, STANDARD_ADDON_CRC } from "./addon-info.js";
export type { AddonInfo, AddonInfoEntry, AddonKeyCheck, BannedAddon } from "./addon-info.js";
export { authResponseCodec, Expansion } from "./auth-response.js";
export type { AuthBilling, AuthQueue, AuthResponse } from "./auth-response.js";

export { CHAR_ENUM_EQUIPMENT_SLOTS, charEnumCodec, charEnumRequestCodec } from "./char-enum.js";
export type { CharacterEnum, CharacterEnumEntry, CharacterGear, CharacterPet } from "./char-enum.js";
export { charCreateRequestCodec, charCreateResultCodec, responseCodeCodec } from "./char-create.js";
export type { CharacterCreate, ResponseCodeMessage } from "./char-create.js";
export { charDeleteRequestCodec, charDeleteResultCodec, guidMessageCodec } from "./char-delete.js";
export type { GuidMessage } from "./char-delete.js";
export {
  characterLoginFailedCodec,
  LoginFailureReason,
  loginVerifyWorldCodec,
  mapLocationCodec,
  playerLoginCodec,
} from "./player-login.js";
export type { MapLocation } from "./player-login.js";
export { newWorldCodec, transferPendingCodec } from "./world-transfer.js";
export type { TransferPending, TransferTransport } from "./world-transfer.js";
export {
  ALL_TUTORIALS_SEEN,
  clientCacheVersionCodec,
  readyForAccountDataTimesCodec,
  realmSplitCodec,
  realmSplitRequestCodec,
  RealmSplitState,
  TUTORIAL_FLAG_WORDS,
  tutorialFlagsCodec,
} from "./session-setup.js";
export type { ClientCacheVersion, RealmSplit, RealmSplitRequest, TutorialFlags } from "./session-setup.js";

export {
  logoutCancelAckCodec,
  logoutCancelCodec,
  logoutCompleteCodec,
  logoutRequestCodec,
  LogoutResult,
  logoutResponseCodec,
} from "./logout.js";
export type { LogoutResponse } from "./logout.js";
export { pingCodec, pongCodec } from "./ping.js";
export type { Ping, Pong } from "./ping.js";
export { timeSyncRequestCodec, timeSyncResponseCodec } from "./time-sync.js";
export type { TimeSyncRequest, TimeSyncResponse } from "./time-sync.js";

export { DECLINED_NAME_CASES, nameQueryCodec, nameQueryResponseCodec } from "./name-query.js";
export type { NameQueryCharacter, NameQueryResponse } from "./name-query.js";
export { MAX_WHO_STRINGS, MAX_WHO_ZONES, whoRequestCodec, whoResponseCodec } from "./who.js";
export type { WhoEntry, WhoRequest, WhoResponse } from "./who.js";

export { ChatMsg, ChatTag, Language } from "./chat-types.js";
export { chatPlayerNotFoundCodec, clientChatMessageCodec, gmChatMessageCodec, serverChatMessageCodec } from "./chat.js";
export type { ChatPlayerNotFound, ClientChatMessage, ServerChatMessage } from "./chat.js";
export {
  channelAnnouncementsCodec,
  channelBanCodec,
  channelCommandCodec,
  ChannelFlag,
  channelInviteCodec,
  channelKickCodec,
  channelListCodec,
  channelListRequestCodec,
  ChannelMemberFlag,
  channelModerateCodec,
  channelModeratorCodec,
  channelMuteCodec,
  channelOwnerCodec,
  channelPasswordCodec,
  channelPlayerCommandCodec,
  channelSetOwnerCodec,
  channelUnbanCodec,
  channelUnmoderatorCodec,
  channelUnmuteCodec,
  joinChannelCodec,
  leaveChannelCodec,
} from "./channel.js";
export type {
  ChannelCommand,
  ChannelList,
  ChannelListMember,
  ChannelPassword,
  ChannelPlayerCommand,
  JoinChannel,
  LeaveChannel,
} from "./channel.js";
export { channelNotifyCodec, channelNotifyKind, ChatNotify } from "./channel-notify.js";
export type { ChannelNotify, ChannelNotifyKind } from "./channel-notify.js";

export { FriendsResult, FriendStatus, SocialFlag } from "./social-types.js";
export type { FriendPresence } from "./social-types.js";
export {
  addFriendCodec,
  addIgnoreCodec,
  contactListCodec,
  contactListRequestCodec,
  delFriendCodec,
  delIgnoreCodec,
  setContactNotesCodec,
} from "./contacts.js";
export type { AddFriend, AddIgnore, Contact, ContactList, ContactListRequest, SetContactNotes } from "./contacts.js";
export { friendStatusCodec } from "./friend-status.js";
export type { FriendStatusMessage } from "./friend-status.js";

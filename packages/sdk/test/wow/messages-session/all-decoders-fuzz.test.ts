import { describe, it } from "node:test";
import type { MessageCodec } from "../../../src/wow/world/message-codec.js";
import * as messages from "../../../src/wow/world/messages/session-social-index.js";
import { assertFuzz } from "./codec-check.js";

/** A codec and one valid message for it. */
interface Sample<T> {
  readonly codec: MessageCodec<T>;
  readonly message: T;
}

const sample = <T>(codec: MessageCodec<T>, message: T): Sample<unknown> => ({ codec, message }) as Sample<unknown>;
const channel = { channelName: "world" };
const channelPlayer = { channelName: "world", playerName: "Eco" };
const guid = { guid: 0x0700000000000002n };
const location = { map: 571, position: { x: 1, y: 2, z: 3 }, orientation: 0.5 };

/** Every session/social decoder, each with a valid message (layouts covered in the other files). */
const samples: Record<string, Sample<unknown>> = {
  authChallenge: sample(messages.authChallengeCodec, { unknown: 1, serverSeed: new Uint8Array(4), seed: new Uint8Array(32) }),
  authResponse: sample(messages.authResponseCodec, { result: messages.ResponseCode.AUTH_WAIT_QUEUE, queue: { position: 1, freeCharacterMigration: false } }),
  charEnumRequest: sample(messages.charEnumRequestCodec, {}),
  charCreateRequest: sample(messages.charCreateRequestCodec, {
    name: "Eco", race: 1, classId: 4, gender: 1, skin: 0, face: 0, hairStyle: 0, hairColor: 0, facialHair: 0, outfitId: 0,
  }),
  charCreateResult: sample(messages.charCreateResultCodec, { result: messages.ResponseCode.CHAR_CREATE_SUCCESS }),
  charDeleteRequest: sample(messages.charDeleteRequestCodec, guid),
  charDeleteResult: sample(messages.charDeleteResultCodec, { result: messages.ResponseCode.CHAR_DELETE_SUCCESS }),
  playerLogin: sample(messages.playerLoginCodec, guid),
  characterLoginFailed: sample(messages.characterLoginFailedCodec, { result: messages.ResponseCode.CHAR_LOGIN_FAILED }),
  loginVerifyWorld: sample(messages.loginVerifyWorldCodec, location),
  newWorld: sample(messages.newWorldCodec, location),
  transferPending: sample(messages.transferPendingCodec, { map: 1, transport: { entry: 2, previousMap: 0 } }),
  logoutRequest: sample(messages.logoutRequestCodec, {}),
  logoutResponse: sample(messages.logoutResponseCodec, { result: 0, instant: true }),
  logoutComplete: sample(messages.logoutCompleteCodec, {}),
  logoutCancel: sample(messages.logoutCancelCodec, {}),
  logoutCancelAck: sample(messages.logoutCancelAckCodec, {}),
  ping: sample(messages.pingCodec, { sequence: 1, latency: 2 }),
  pong: sample(messages.pongCodec, { sequence: 1 }),
  timeSyncRequest: sample(messages.timeSyncRequestCodec, { counter: 1 }),
  timeSyncResponse: sample(messages.timeSyncResponseCodec, { counter: 1, clientTicks: 2 }),
  nameQuery: sample(messages.nameQueryCodec, guid),
  nameQueryResponse: sample(messages.nameQueryResponseCodec, { guid: 1n, character: { name: "A", realmName: "", race: 1, gender: 0, classId: 1 } }),
  whoRequest: sample(messages.whoRequestCodec, {
    minLevel: 1, maxLevel: 80, playerName: "a", guildName: "", raceMask: 1, classMask: 1, zones: [1], searchStrings: ["x"],
  }),
  whoResponse: sample(messages.whoResponseCodec, { matchCount: 1, players: [{ name: "A", guildName: "", level: 1, classId: 1, race: 1, gender: 0, zone: 12 }] }),
  clientChat: sample(messages.clientChatMessageCodec, { type: messages.ChatMsg.WHISPER, language: 7, target: "Eco", message: "hi" }),
  serverChat: sample(messages.serverChatMessageCodec, {
    type: messages.ChatMsg.ACHIEVEMENT, language: 0, senderGuid: 2n, flags: 0, receiverGuid: 2n, message: "m", chatTag: 0, achievementId: 6,
  }),
  gmChat: sample(messages.gmChatMessageCodec, {
    type: messages.ChatMsg.SAY, language: 7, senderGuid: 2n, flags: 0, senderName: "GM", receiverGuid: 2n, message: "m", chatTag: 4,
  }),
  chatPlayerNotFound: sample(messages.chatPlayerNotFoundCodec, { name: "Eco" }),
  joinChannel: sample(messages.joinChannelCodec, { channelId: 0, unknown1: 0, unknown2: 0, channelName: "world", password: "pw" }),
  leaveChannel: sample(messages.leaveChannelCodec, { channelId: 0, channelName: "world" }),
  channelListRequest: sample(messages.channelListRequestCodec, channel),
  channelList: sample(messages.channelListCodec, { listType: 1, channelName: "world", channelFlags: 1, members: [{ guid: 2n, flags: 1 }] }),
  channelNotify: sample(messages.channelNotifyCodec, {
    kind: "you-joined", notify: messages.ChatNotify.YOU_JOINED, channelName: "world", channelFlags: 1, channelId: 0, unknown: 0,
  }),
  channelPassword: sample(messages.channelPasswordCodec, { channelName: "world", password: "pw" }),
  channelSetOwner: sample(messages.channelSetOwnerCodec, channelPlayer),
  channelOwner: sample(messages.channelOwnerCodec, channel),
  channelModerator: sample(messages.channelModeratorCodec, channelPlayer),
  channelUnmoderator: sample(messages.channelUnmoderatorCodec, channelPlayer),
  channelMute: sample(messages.channelMuteCodec, channelPlayer),
  channelUnmute: sample(messages.channelUnmuteCodec, channelPlayer),
  channelInvite: sample(messages.channelInviteCodec, channelPlayer),
  channelKick: sample(messages.channelKickCodec, channelPlayer),
  channelBan: sample(messages.channelBanCodec, channelPlayer),
  channelUnban: sample(messages.channelUnbanCodec, channelPlayer),
  channelAnnouncements: sample(messages.channelAnnouncementsCodec, channel),
  channelModerate: sample(messages.channelModerateCodec, channel),
  contactListRequest: sample(messages.contactListRequestCodec, { flags: messages.SocialFlag.ALL }),
  contactList: sample(messages.contactListCodec, {
    flags: 7, contacts: [{ guid: 2n, flags: 1, note: "n", presence: { status: 1, area: 1, level: 1, classId: 1 } }],
  }),
  addFriend: sample(messages.addFriendCodec, { name: "Eco", note: "n" }),
  delFriend: sample(messages.delFriendCodec, guid),
  setContactNotes: sample(messages.setContactNotesCodec, { guid: 2n, note: "n" }),
  addIgnore: sample(messages.addIgnoreCodec, { name: "Eco" }),
  delIgnore: sample(messages.delIgnoreCodec, guid),
  friendStatus: sample(messages.friendStatusCodec, { result: messages.FriendsResult.ADDED_OFFLINE, guid: 2n, note: "n" }),
};

describe("every session/social decoder under fuzzing", () => {
  for (const [name, { codec, message }] of Object.entries(samples)) {
    it(`${name}: only ProtocolError escapes`, () => {
      assertFuzz(codec, codec.encode(message), 60);
    });
  }
});

// The frame protocol between libsidecar (C, packages/sidecar/native/src/protocol.h) and this
// process. Every frame: u32 LE length of what follows, u8 type, u32 LE id, body. The numbers
// here must match protocol.h.

/** Bytes after the length field: type + id. */
export const FRAME_HEADER = 5;
/** Largest accepted length field; a bigger one closes the connection. */
export const FRAME_MAX = 16 * 1024 * 1024;
/** Protocol version the library sends in HELLO. */
export const PROTOCOL_VERSION = 1;

/** Frame types, library → sidecar. */
export const FromLibrary = {
  Hello: 0x01,
  Response: 0x02,
  GuidRequest: 0x03,
  MapsReady: 0x04,
  Notify: 0x05,
  NatsPublish: 0x06,
  NatsSubscribe: 0x07,
  Call: 0x08,
} as const;

/** Frame types, sidecar → library. */
export const ToLibrary = {
  Welcome: 0x81,
  Request: 0x82,
  GuidPool: 0x83,
  Hook: 0x84,
  NatsMessage: 0x85,
  CallResult: 0x86,
} as const;

/** Outcome byte of a RESPONSE. */
export const Outcome = { Done: 0, Expired: 1, Malformed: 2 } as const;

/** REQUEST kinds. */
export const RequestKind = {
  HealthProbe: 1,
  Monitoring: 2,
  GetItems: 3,
  RemoveItems: 4,
  AddExistingItem: 5,
  TakeItemByPos: 6,
  GetMoney: 7,
  ModifyMoney: 8,
  InteractNpc: 9,
  InteractGo: 10,
  BattlegroundStart: 11,
  BattlegroundAddPlayers: 12,
  BattlegroundCanJoinQueue: 13,
  BattlegroundCanTeleport: 14,
  LfgLockInfo: 15,
  LfgPlayerInfo: 16,
  LfgDungeonInfo: 17,
  LfgTeleport: 18,
  LfgBootVote: 19,
  LfgMaterialize: 20,
  GuildCreate: 21,
} as const;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];

/** HOOK kinds. */
export const HookKind = {
  GroupCreated: 1,
  GroupMemberAdded: 2,
  GroupMemberRemoved: 3,
  GroupDisbanded: 4,
  GroupLootTypeChanged: 5,
  GroupDungeonDifficultyChanged: 6,
  GroupRaidDifficultyChanged: 7,
  GroupConvertedToRaid: 8,
  GuildMemberAdded: 9,
  GuildMemberLeft: 10,
  GuildMemberRemoved: 11,
  MapsReassigned: 12,
  GroupLeaderChanged: 13,
  ReadyCheckStarted: 14,
  ReadyCheckMemberState: 15,
  ReadyCheckFinished: 16,
  MemberSubGroupChanged: 17,
  MemberFlagsChanged: 18,
  MemberStateChanged: 19,
  InstanceResetRequest: 20,
  InstanceBindExtensionRequest: 21,
} as const;
export type HookKind = (typeof HookKind)[keyof typeof HookKind];

/** NOTIFY kinds. */
export const NotifyKind = {
  PlayerLeftBattleground: 1,
  BattlegroundStatusChanged: 2,
  UpdateGroupMemberState: 3,
  LfgRouteEntered: 4,
  StartReadyCheck: 5,
  ReadyCheckMemberState: 6,
  FinishReadyCheck: 7,
  ChangeMemberSubGroup: 8,
  SetMemberFlags: 9,
  RegisterMaterializedLfgGroup: 10,
  CompleteLfgDungeon: 11,
} as const;

/** CALL kinds. */
export const CallKind = { FinishRatedArenaMatch: 1 } as const;

/** GuidService GuidType values. */
export const GuidType = { Character: 0, Item: 1, Instance: 2 } as const;

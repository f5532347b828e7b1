/**
 * Events the group service publishes (ToCloud9 `GroupServiceEvent`, `shared/events/events-group.go`).
 * `GroupID` is a Go `uint` (64-bit). Types 1–13 are in master; 13–22 were numbered by PR #37,
 * which forked before master added `group.members.updated` as 13: both keep their own number
 * (consumers dispatch by subject and never read `t`). `SenderChatTag` and `LfgDungeonEntry` are PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, omitemptyPointer, slice, str, struct, u32, u64, u8 } from "../go-json/index.js";

const header = { ServiceID: str, RealmID: u32, GroupID: u64 };

/** A member as listed in `group.created`; Go `GroupMember`. */
export const GroupMember = struct({
  MemberGUID: u64,
  MemberFlags: u8,
  MemberName: str,
  IsOnline: bool,
  SubGroup: u8,
  Roles: u8,
});

/** One member's changed stats; absent fields did not change. Go `GroupMemberStatsUpdate`. */
export const GroupMemberStatsUpdate = struct({
  MemberGUID: u64,
  IsOnline: omitemptyPointer(bool),
  Level: omitemptyPointer(u8),
  Zone: omitemptyPointer(u32),
  CurHP: omitemptyPointer(u32),
  MaxHP: omitemptyPointer(u32),
  PowerType: omitemptyPointer(u8),
  CurPower: omitemptyPointer(u32),
  MaxPower: omitemptyPointer(u32),
});

/** One aura slot of a member (PR #37); Go `GroupMemberAuraState`. */
export const GroupMemberAuraState = struct({ Slot: u8, SpellID: u32, Flags: u8 });

const memberState = {
  MemberGUID: u64,
  Online: bool,
  Level: u8,
  Class: u8,
  ZoneID: u32,
  MapID: u32,
  Health: u32,
  MaxHealth: u32,
  PowerType: u8,
  Power: u32,
  MaxPower: u32,
  AurasKnown: bool,
  Auras: slice(GroupMemberAuraState),
  DeadKnown: bool,
  Dead: bool,
  GhostKnown: bool,
  Ghost: bool,
};

/** One member's full party-frame state (PR #37); Go `GroupMemberStateUpdate`. */
export const GroupMemberStateUpdate = struct(memberState);

/** `group.invite.created` #1. */
export const groupInviteCreated = defineEvent({
  subject: "group.invite.created",
  type: 1,
  payload: struct({ ...header, InviterGUID: u64, InviterName: str, InviteeGUID: u64, InviteeName: str }),
});

/** `group.created` #2. */
export const groupCreated = defineEvent({
  subject: "group.created",
  type: 2,
  payload: struct({
    ...header,
    LeaderGUID: u64,
    LootMethod: u8,
    LooterGUID: u64,
    LootThreshold: u8,
    GroupType: u8,
    Difficulty: u8,
    RaidDifficulty: u8,
    MasterLooterGuid: u64,
    LfgDungeonEntry: u32,
    Members: slice(GroupMember),
  }),
});

/** `group.member.online.changed` #3. */
export const groupMemberOnlineChanged = defineEvent({
  subject: "group.member.online.changed",
  type: 3,
  payload: struct({ ...header, MemberGUID: u64, IsOnline: bool, OnlineMembers: slice(u64) }),
});

/** `group.member.left` #4; `NewLeaderID` is set when the leader left. */
export const groupMemberLeft = defineEvent({
  subject: "group.member.left",
  type: 4,
  payload: struct({ ...header, MemberGUID: u64, MemberName: str, NewLeaderID: u64, OnlineMembers: slice(u64) }),
});

/** `group.disband` #5. */
export const groupDisband = defineEvent({
  subject: "group.disband",
  type: 5,
  payload: struct({ ...header, OnlineMembers: slice(u64) }),
});

/** `group.member.added` #6. */
export const groupMemberAdded = defineEvent({
  subject: "group.member.added",
  type: 6,
  payload: struct({ ...header, MemberGUID: u64, MemberName: str, OnlineMembers: slice(u64) }),
});

/** `group.leader.changed` #7. */
export const groupLeaderChanged = defineEvent({
  subject: "group.leader.changed",
  type: 7,
  payload: struct({ ...header, PreviousLeader: u64, NewLeader: u64, OnlineMembers: slice(u64) }),
});

/** `group.loot.changed` #8. */
export const groupLootChanged = defineEvent({
  subject: "group.loot.changed",
  type: 8,
  payload: struct({
    ...header,
    NewLootType: u8,
    NewLooterGUID: u64,
    NewLooterThreshold: u8,
    OnlineMembers: slice(u64),
  }),
});

/** `group.converted.raid` #9. */
export const groupConvertedToRaid = defineEvent({
  subject: "group.converted.raid",
  type: 9,
  payload: struct({ ...header, Leader: u64, OnlineMembers: slice(u64) }),
});

/** `group.message.new` #10: party or raid chat. */
export const groupMessageNew = defineEvent({
  subject: "group.message.new",
  type: 10,
  payload: struct({
    ...header,
    SenderGUID: u64,
    SenderName: str,
    SenderChatTag: u8,
    Language: u32,
    Msg: str,
    MessageType: u8,
    Receivers: slice(u64),
  }),
});

/** `group.targeticons.new` #11. */
export const groupTargetIconNew = defineEvent({
  subject: "group.targeticons.new",
  type: 11,
  payload: struct({ ...header, Updater: u64, Target: u64, IconID: u8, Receivers: slice(u64) }),
});

/** `group.difficulty.changed` #12: exactly one of the two difficulties is present. */
export const groupDifficultyChanged = defineEvent({
  subject: "group.difficulty.changed",
  type: 12,
  payload: struct({
    ...header,
    Updater: u64,
    DungeonDifficulty: omitemptyPointer(u8),
    RaidDifficulty: omitemptyPointer(u8),
    Receivers: slice(u64),
  }),
});

/** `group.members.updated` #13 (master): batched member stats, every 5 s. */
export const groupMembersUpdated = defineEvent({
  subject: "group.members.updated",
  type: 13,
  payload: struct({ ...header, Updates: slice(GroupMemberStatsUpdate), Receivers: slice(u64) }),
});

/** `group.readycheck.started` #13 (PR #37). */
export const groupReadyCheckStarted = defineEvent({
  subject: "group.readycheck.started",
  type: 13,
  payload: struct({ ...header, LeaderGUID: u64, DurationMs: u32, Receivers: slice(u64) }),
});

/** `group.readycheck.member.state` #14 (PR #37): `State` 0 waiting, 1 ready, 2 not ready. */
export const groupReadyCheckMemberState = defineEvent({
  subject: "group.readycheck.member.state",
  type: 14,
  payload: struct({ ...header, MemberGUID: u64, State: u8, Receivers: slice(u64) }),
});

/** `group.readycheck.finished` #15 (PR #37). */
export const groupReadyCheckFinished = defineEvent({
  subject: "group.readycheck.finished",
  type: 15,
  payload: struct({ ...header, Receivers: slice(u64) }),
});

/** `group.member.subgroup.changed` #16 (PR #37). */
export const groupMemberSubGroupChanged = defineEvent({
  subject: "group.member.subgroup.changed",
  type: 16,
  payload: struct({ ...header, MemberGUID: u64, SubGroup: u8, Receivers: slice(u64) }),
});

/** `group.member.flags.changed` #17 (PR #37). */
export const groupMemberFlagsChanged = defineEvent({
  subject: "group.member.flags.changed",
  type: 17,
  payload: struct({ ...header, MemberGUID: u64, Flags: u8, Roles: u8, Receivers: slice(u64) }),
});

/** `group.member.state.changed` #18 (PR #37): one member's party-frame state. */
export const groupMemberStateChanged = defineEvent({
  subject: "group.member.state.changed",
  type: 18,
  payload: struct({
    ...header,
    SourceGatewayID: str,
    SourceWorldserverID: str,
    ...memberState,
    Receivers: slice(u64),
  }),
});

/** `group.instance.reset.request` #19 (PR #37). */
export const groupInstanceResetRequest = defineEvent({
  subject: "group.instance.reset.request",
  type: 19,
  payload: struct({ ...header, PlayerGUID: u64, MapID: u32, Difficulty: u8, Receivers: slice(u64) }),
});

/** `group.instance.bind.extension.request` #20 (PR #37). */
export const groupInstanceBindExtensionRequest = defineEvent({
  subject: "group.instance.bind.extension.request",
  type: 20,
  payload: struct({
    ...header,
    PlayerGUID: u64,
    MapID: u32,
    Difficulty: u8,
    Extended: bool,
    Receivers: slice(u64),
  }),
});

/** `group.invite.declined` #21 (PR #37); carries no `GroupID`. */
export const groupInviteDeclined = defineEvent({
  subject: "group.invite.declined",
  type: 21,
  payload: struct({ ServiceID: str, RealmID: u32, InviterGUID: u64, InviteeGUID: u64, InviteeName: str }),
});

/** `group.member.states.changed` #22 (PR #37): several members' party-frame states. */
export const groupMemberStatesChanged = defineEvent({
  subject: "group.member.states.changed",
  type: 22,
  payload: struct({
    ...header,
    SourceGatewayID: str,
    SourceWorldserverID: str,
    States: slice(GroupMemberStateUpdate),
    Receivers: slice(u64),
  }),
});

export type GroupInviteCreated = EventPayload<typeof groupInviteCreated>;
export type GroupCreated = EventPayload<typeof groupCreated>;
export type GroupMemberOnlineChanged = EventPayload<typeof groupMemberOnlineChanged>;
export type GroupMemberLeft = EventPayload<typeof groupMemberLeft>;
export type GroupDisband = EventPayload<typeof groupDisband>;
export type GroupMemberAdded = EventPayload<typeof groupMemberAdded>;
export type GroupLeaderChanged = EventPayload<typeof groupLeaderChanged>;
export type GroupLootChanged = EventPayload<typeof groupLootChanged>;
export type GroupConvertedToRaid = EventPayload<typeof groupConvertedToRaid>;
export type GroupMessageNew = EventPayload<typeof groupMessageNew>;
export type GroupTargetIconNew = EventPayload<typeof groupTargetIconNew>;
export type GroupDifficultyChanged = EventPayload<typeof groupDifficultyChanged>;
export type GroupMembersUpdated = EventPayload<typeof groupMembersUpdated>;
export type GroupReadyCheckStarted = EventPayload<typeof groupReadyCheckStarted>;
export type GroupReadyCheckMemberState = EventPayload<typeof groupReadyCheckMemberState>;
export type GroupReadyCheckFinished = EventPayload<typeof groupReadyCheckFinished>;
export type GroupMemberSubGroupChanged = EventPayload<typeof groupMemberSubGroupChanged>;
export type GroupMemberFlagsChanged = EventPayload<typeof groupMemberFlagsChanged>;
export type GroupMemberStateChanged = EventPayload<typeof groupMemberStateChanged>;
export type GroupInstanceResetRequest = EventPayload<typeof groupInstanceResetRequest>;
export type GroupInstanceBindExtensionRequest = EventPayload<typeof groupInstanceBindExtensionRequest>;
export type GroupInviteDeclined = EventPayload<typeof groupInviteDeclined>;
export type GroupMemberStatesChanged = EventPayload<typeof groupMemberStatesChanged>;

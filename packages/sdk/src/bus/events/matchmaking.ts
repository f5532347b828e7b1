/**
 * Events the matchmaking service publishes (ToCloud9 `MatchmakingServiceEvent`). Player GUIDs here
 * are Go `guid.LowType` (uint32 low parts); `QueueSlotByPlayer` is a `map[LowType]uint8`, written
 * with decimal-string keys. Types 4–5 (LFG) come from PR #37.
 */
import { defineEvent, type EventPayload } from "../event.js";
import { bool, mapOf, slice, str, struct, u32, u8 } from "../go-json/index.js";

/** Go `MatchmakingLfgState` (PR #37). */
export const LfgState = {
  None: 0,
  RoleCheck: 1,
  Queued: 2,
  Proposal: 3,
  Boot: 4,
  Dungeon: 5,
  FinishedDungeon: 6,
  RaidBrowser: 7,
} as const;

/** Go `MatchmakingLfgProposalState` (PR #37). */
export const LfgProposalState = { Initiating: 0, Failed: 1, Success: 2 } as const;

/** Go `MatchmakingLfgProposalFailure` (PR #37). */
export const LfgProposalFailure = { None: 0, Failed: 1, Declined: 2 } as const;

const queue = { RealmID: u32, PlayersGUID: slice(u32), QueueSlotByPlayer: mapOf(u32, u8) };
const bracket = { ArenaType: u8, IsRated: bool, PVPQueueMinLVL: u8, PVPQueueMaxLVL: u8, TypeID: u8 };

/** A queued LFG player (PR #37); Go `MatchmakingLfgMember`. */
export const LfgMember = struct({
  RealmID: u32,
  PlayerGUID: u32,
  Roles: u8,
  Leader: bool,
  QueueLeaderRealmID: u32,
  QueueLeaderGUID: u32,
});

/** A player in an LFG proposal (PR #37); Go `MatchmakingLfgProposalMember`. */
export const LfgProposalMember = struct({
  RealmID: u32,
  PlayerGUID: u32,
  SelectedRoles: u8,
  AssignedRole: u8,
  Answered: bool,
  Accepted: bool,
});

/** The LFG state shown to the listed players (PR #37); Go `MatchmakingLfgStatusPayload`. */
export const LfgStatus = struct({
  State: u8,
  ProposalID: u32,
  ProposalState: u8,
  ProposalFailure: u8,
  DungeonEntry: u32,
  SelectedDungeons: slice(u32),
  QueuedMembers: slice(LfgMember),
  ProposalMembers: slice(LfgProposalMember),
  QueuedTimeMilliseconds: u32,
  TanksNeeded: u8,
  HealersNeeded: u8,
  DamageNeeded: u8,
});

/** A member of an accepted LFG proposal (PR #37); Go `MatchmakingLfgProposalAcceptedMember`. */
export const LfgProposalAcceptedMember = struct({
  RealmID: u32,
  PlayerGUID: u32,
  SelectedRoles: u8,
  AssignedRole: u8,
  QueueLeaderRealmID: u32,
  QueueLeaderGUID: u32,
  WorldserverID: str,
});

/** `matchmaking.pvpqueue.joined` #1: players joined a battleground / arena queue. */
export const matchmakingPvpQueueJoined = defineEvent({
  subject: "matchmaking.pvpqueue.joined",
  type: 1,
  payload: struct({ ...queue, ...bracket, AverageWaitingTimeMilliseconds: u32 }),
});

/** `matchmaking.pvpqueue.invited` #2: queued players were invited into a battleground / arena. */
export const matchmakingPvpQueueInvited = defineEvent({
  subject: "matchmaking.pvpqueue.invited",
  type: 2,
  payload: struct({ ...queue, ...bracket, MapID: u32, TimeToAcceptMilliseconds: u32 }),
});

/** `matchmaking.pvpqueue.invite.expired` #3. */
export const matchmakingPvpQueueInviteExpired = defineEvent({
  subject: "matchmaking.pvpqueue.invite.expired",
  type: 3,
  payload: struct(queue),
});

/** `matchmaking.lfg.status.changed` #4 (PR #37): queue, role check or proposal state changed. */
export const matchmakingLfgStatusChanged = defineEvent({
  subject: "matchmaking.lfg.status.changed",
  type: 4,
  payload: struct({ RealmID: u32, PlayersGUID: slice(u32), Status: LfgStatus }),
});

/**
 * `matchmaking.lfg.proposal.accepted` #5 (PR #37): every proposal member accepted. ToCloud9's
 * materializer consumes it in queue group {@link LFG_MATERIALIZER_QUEUE}.
 */
export const matchmakingLfgProposalAccepted = defineEvent({
  subject: "matchmaking.lfg.proposal.accepted",
  type: 5,
  payload: struct({
    RealmID: u32,
    LeaderRealmID: u32,
    BattlegroupID: u32,
    CrossRealm: bool,
    ProposalID: u32,
    GroupID: u32,
    DungeonEntry: u32,
    LeaderGUID: u32,
    LeaderWorldserverID: str,
    PlayersGUID: slice(u32),
    Members: slice(LfgProposalAcceptedMember),
  }),
});

/** The queue group of PR #37's LFG materializer on `matchmaking.lfg.proposal.accepted`. */
export const LFG_MATERIALIZER_QUEUE = "matchmaking_lfg_materializer";

export type MatchmakingPvpQueueJoined = EventPayload<typeof matchmakingPvpQueueJoined>;
export type MatchmakingPvpQueueInvited = EventPayload<typeof matchmakingPvpQueueInvited>;
export type MatchmakingPvpQueueInviteExpired = EventPayload<typeof matchmakingPvpQueueInviteExpired>;
export type MatchmakingLfgStatusChanged = EventPayload<typeof matchmakingLfgStatusChanged>;
export type MatchmakingLfgProposalAccepted = EventPayload<typeof matchmakingLfgProposalAccepted>;

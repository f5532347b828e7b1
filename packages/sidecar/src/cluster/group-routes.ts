import {
  groupConvertedToRaid,
  groupCreated,
  groupDifficultyChanged,
  groupDisband,
  groupInstanceBindExtensionRequest,
  groupInstanceResetRequest,
  groupLeaderChanged,
  groupLootChanged,
  groupMemberAdded,
  groupMemberFlagsChanged,
  groupMemberLeft,
  groupMemberStateChanged,
  groupMemberStatesChanged,
  groupMemberSubGroupChanged,
  groupReadyCheckFinished,
  groupReadyCheckMemberState,
  groupReadyCheckStarted,
  type GoValueOf,
  type GroupMemberStateUpdate,
} from "@tc9/sdk";
import { HookKind } from "../bridge/protocol.js";
import type { BodyWriter } from "../bridge/wire.js";
import { busRoute, concernsRealm, groupGuid32 } from "@tc9/sdk/cluster-worldserver";
import type { HookDelivery, HookRoute } from "./hook-route.js";

type MemberState = GoValueOf<typeof GroupMemberStateUpdate>;

/** The fields every group payload starts with. */
interface GroupHeader {
  readonly RealmID: number;
  readonly GroupID: bigint;
}

/** One hook when the event names a player of this realm, else none. */
function when(ownRealm: number, event: GroupHeader, players: readonly bigint[], kind: HookKind, write: (body: BodyWriter, group: number) => unknown): HookDelivery[] {
  if (!concernsRealm(ownRealm, event.RealmID, players)) return [];
  const group = groupGuid32(event.GroupID);
  return [{ kind, write: (body) => write(body, group) }];
}

function writeMemberState(body: BodyWriter, group: number, state: MemberState): void {
  body.writeU32(group).writeU64(state.MemberGUID).writeU8(state.Online ? 1 : 0).writeU8(state.Level).writeU8(state.Class);
  body.writeU32(state.ZoneID).writeU32(state.MapID).writeU32(state.Health).writeU32(state.MaxHealth);
  body.writeU8(state.PowerType).writeU32(state.Power).writeU32(state.MaxPower).writeU8(state.AurasKnown ? 1 : 0);
  body.writeU32(state.Auras.length);
  for (const aura of state.Auras) body.writeU8(aura.Slot).writeU32(aura.SpellID).writeU8(aura.Flags);
}

/**
 * ToCloud9's `group.*` events and the libsidecar hooks they become (ToCloud9 master plus PR #37),
 * each delivered only when it names a player of this worldserver's realm.
 */
export const groupRoutes: readonly HookRoute[] = [
  busRoute(groupCreated, (e, realm) =>
    when(realm, e, e.Members.map((m) => m.MemberGUID), HookKind.GroupCreated, (w, group) => {
      w.writeU32(group).writeU64(e.LeaderGUID).writeU8(e.LootMethod).writeU64(e.LooterGUID).writeU8(e.LootThreshold);
      w.writeU8(e.GroupType).writeU8(e.Difficulty).writeU8(e.RaidDifficulty).writeU64(e.MasterLooterGuid).writeU32(e.LfgDungeonEntry);
      w.writeU32(e.Members.length);
      for (const member of e.Members) w.writeU64(member.MemberGUID).str(member.MemberName);
    }),
  ),
  busRoute(groupMemberAdded, (e, realm) =>
    when(realm, e, [...e.OnlineMembers, e.MemberGUID], HookKind.GroupMemberAdded, (w, group) => w.writeU32(group).writeU64(e.MemberGUID)),
  ),
  busRoute(groupMemberLeft, (e, realm) =>
    when(realm, e, [...e.OnlineMembers, e.MemberGUID], HookKind.GroupMemberRemoved, (w, group) => w.writeU32(group).writeU64(e.MemberGUID).writeU64(e.NewLeaderID)),
  ),
  busRoute(groupLeaderChanged, (e, realm) =>
    when(realm, e, [...e.OnlineMembers, e.PreviousLeader, e.NewLeader], HookKind.GroupLeaderChanged, (w, group) =>
      w.writeU32(group).writeU64(e.PreviousLeader).writeU64(e.NewLeader),
    ),
  ),
  busRoute(groupDisband, (e, realm) => when(realm, e, e.OnlineMembers, HookKind.GroupDisbanded, (w, group) => w.writeU32(group))),
  busRoute(groupLootChanged, (e, realm) =>
    when(realm, e, [...e.OnlineMembers, e.NewLooterGUID], HookKind.GroupLootTypeChanged, (w, group) =>
      w.writeU32(group).writeU8(e.NewLootType).writeU64(e.NewLooterGUID).writeU8(e.NewLooterThreshold),
    ),
  ),
  busRoute(groupDifficultyChanged, (e, realm) => {
    const players = [...e.Receivers, e.Updater];
    const dungeon = e.DungeonDifficulty;
    const raid = e.RaidDifficulty;
    return [
      ...(dungeon === undefined ? [] : when(realm, e, players, HookKind.GroupDungeonDifficultyChanged, (w, group) => w.writeU32(group).writeU8(dungeon))),
      ...(raid === undefined ? [] : when(realm, e, players, HookKind.GroupRaidDifficultyChanged, (w, group) => w.writeU32(group).writeU8(raid))),
    ];
  }),
  busRoute(groupConvertedToRaid, (e, realm) => when(realm, e, [...e.OnlineMembers, e.Leader], HookKind.GroupConvertedToRaid, (w, group) => w.writeU32(group))),
  busRoute(groupReadyCheckStarted, (e, realm) =>
    when(realm, e, [...e.Receivers, e.LeaderGUID], HookKind.ReadyCheckStarted, (w, group) => w.writeU32(group).writeU64(e.LeaderGUID).writeU32(e.DurationMs)),
  ),
  busRoute(groupReadyCheckMemberState, (e, realm) =>
    when(realm, e, e.Receivers, HookKind.ReadyCheckMemberState, (w, group) => w.writeU32(group).writeU64(e.MemberGUID).writeU8(e.State)),
  ),
  busRoute(groupReadyCheckFinished, (e, realm) => when(realm, e, e.Receivers, HookKind.ReadyCheckFinished, (w, group) => w.writeU32(group))),
  busRoute(groupMemberSubGroupChanged, (e, realm) =>
    when(realm, e, [...e.Receivers, e.MemberGUID], HookKind.MemberSubGroupChanged, (w, group) => w.writeU32(group).writeU64(e.MemberGUID).writeU8(e.SubGroup)),
  ),
  busRoute(groupMemberFlagsChanged, (e, realm) =>
    when(realm, e, [...e.Receivers, e.MemberGUID], HookKind.MemberFlagsChanged, (w, group) =>
      w.writeU32(group).writeU64(e.MemberGUID).writeU8(e.Flags).writeU8(e.Roles),
    ),
  ),
  busRoute(groupMemberStateChanged, (e, realm) => when(realm, e, e.Receivers, HookKind.MemberStateChanged, (w, group) => writeMemberState(w, group, e))),
  busRoute(groupMemberStatesChanged, (e, realm) =>
    e.States.flatMap((state) => when(realm, e, e.Receivers, HookKind.MemberStateChanged, (w, group) => writeMemberState(w, group, state))),
  ),
  busRoute(groupInstanceResetRequest, (e, realm) =>
    when(realm, e, [...e.Receivers, e.PlayerGUID], HookKind.InstanceResetRequest, (w, group) =>
      w.writeU32(group).writeU64(e.PlayerGUID).writeU32(e.MapID).writeU8(e.Difficulty),
    ),
  ),
  busRoute(groupInstanceBindExtensionRequest, (e, realm) =>
    when(realm, e, [...e.Receivers, e.PlayerGUID], HookKind.InstanceBindExtensionRequest, (w, group) =>
      w.writeU32(group).writeU64(e.PlayerGUID).writeU32(e.MapID).writeU8(e.Difficulty).writeU8(e.Extended ? 1 : 0),
    ),
  ),
];

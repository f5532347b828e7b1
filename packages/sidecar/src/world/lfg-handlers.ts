import {
  CreateGuildResponse,
  CreateGuildResponse_Status,
  GetLfgDungeonInfoResponse,
  GetLfgDungeonInfoResponse_Status,
  GetLfgPlayerInfoResponse,
  GetLfgPlayerInfoResponse_Status,
  GetLfgPlayerLockInfoResponse,
  GetLfgPlayerLockInfoResponse_Status,
  MaterializeLfgProposalResponse,
  MaterializeLfgProposalResponse_Status,
  SetLfgBootVoteResponse,
  SetLfgBootVoteResponse_Status,
  TeleportLfgPlayerResponse,
  TeleportLfgPlayerResponse_Status,
  type LfgDungeonLock,
  type LfgRandomDungeonInfo,
  type WorldServerHandlers,
} from "@tc9/sdk/contracts";
import { RequestKind } from "../bridge/protocol.js";
import type { BodyReader } from "../bridge/wire.js";
import { u8Argument, WORLD_API } from "./item-handlers.js";
import type { WorldLoopCall } from "./world-loop.js";

/**
 * The C error codes of the LFG player-info, dungeon-info, teleport and boot-vote handlers have
 * the numbers of their proto statuses (Success, NoHandler, Player/DungeonNotFound,
 * InternalError), as do the materialize codes (… NoLocalPlayer, InternalError); a code the
 * proto enum does not list is InternalError.
 */
function statusOf<S extends number>(code: number, statuses: Readonly<Record<string, S>> & { readonly InternalError: S }): S {
  return Object.values(statuses).find((status) => status === code) ?? statuses.InternalError;
}

/** `LfgPlayerLockInfoErrorCode` → its proto status (which has no NoHandler). */
function lockInfoStatus(code: number): GetLfgPlayerLockInfoResponse_Status {
  if (code === 0) return GetLfgPlayerLockInfoResponse_Status.Success;
  return code === 2 ? GetLfgPlayerLockInfoResponse_Status.PlayerNotFound : GetLfgPlayerLockInfoResponse_Status.InternalError;
}

/** `GuildCreateErrorCode` → its proto status (NoHandler is an internal error). */
const GUILD_CREATE_STATUS: Readonly<Record<number, CreateGuildResponse_Status>> = {
  0: CreateGuildResponse_Status.Success,
  2: CreateGuildResponse_Status.NameExists,
  3: CreateGuildResponse_Status.InvalidName,
  4: CreateGuildResponse_Status.LeaderNotFound,
};

function readLocks(answer: BodyReader): LfgDungeonLock[] {
  return Array.from({ length: answer.readU32() }, () => ({ dungeonEntry: answer.readU32(), lockStatus: answer.readU32() }));
}

function readRandomDungeon(answer: BodyReader): LfgRandomDungeonInfo {
  return {
    dungeonEntry: answer.readU32(),
    done: answer.readU8() !== 0,
    rewardMoney: answer.readU32(),
    rewardXP: answer.readU32(),
    rewardUnknown1: answer.readU32(),
    rewardUnknown2: answer.readU32(),
    rewardItems: Array.from({ length: answer.readU32() }, () => ({ itemID: answer.readU32(), displayID: answer.readU32(), count: answer.readU32() })),
  };
}

type LfgHandlers = Pick<
  WorldServerHandlers,
  | "getLfgPlayerLockInfo"
  | "getLfgPlayerInfo"
  | "getLfgDungeonInfo"
  | "teleportLfgPlayer"
  | "setLfgBootVote"
  | "materializeLfgProposal"
  | "createGuild"
>;

/** Dungeon-finder requests and guild creation (ToCloud9 PR #37), each run on the world loop. */
export function lfgHandlers(call: WorldLoopCall): LfgHandlers {
  return {
    async getLfgPlayerLockInfo(request, context) {
      const answer = await call(RequestKind.LfgLockInfo, (w) => w.writeU64(request.playerGUID).u32List(request.dungeonEntries), context);
      const code = answer.readI32();
      if (code !== 0) return GetLfgPlayerLockInfoResponse.create({ api: WORLD_API, status: lockInfoStatus(code) });
      const locks = readLocks(answer);
      const joinResult = answer.readU32();
      return GetLfgPlayerLockInfoResponse.create({ api: WORLD_API, locks, joinResult, validDungeonEntries: answer.u32List() });
    },
    async getLfgPlayerInfo(request, context) {
      const answer = await call(RequestKind.LfgPlayerInfo, (w) => w.writeU64(request.playerGUID), context);
      const code = answer.readI32();
      if (code !== 0) return GetLfgPlayerInfoResponse.create({ api: WORLD_API, status: statusOf(code, GetLfgPlayerInfoResponse_Status) });
      const randomDungeons = Array.from({ length: answer.readU32() }, () => readRandomDungeon(answer));
      return GetLfgPlayerInfoResponse.create({ api: WORLD_API, randomDungeons, locks: readLocks(answer) });
    },
    async getLfgDungeonInfo(request, context) {
      const answer = await call(RequestKind.LfgDungeonInfo, (w) => w.writeU32(request.dungeonEntry), context);
      const code = answer.readI32();
      if (code !== 0) return GetLfgDungeonInfoResponse.create({ api: WORLD_API, status: statusOf(code, GetLfgDungeonInfoResponse_Status) });
      return GetLfgDungeonInfoResponse.create({
        api: WORLD_API,
        dungeonEntry: answer.readU32(),
        dungeonID: answer.readU32(),
        mapID: answer.readU32(),
        typeID: answer.readU32(),
        difficulty: answer.readU32(),
      });
    },
    async teleportLfgPlayer(request, context) {
      const answer = await call(
        RequestKind.LfgTeleport,
        (w) => w.writeU64(request.playerGUID).writeU8(request.out ? 1 : 0).writeU32(request.dungeonEntry),
        context,
      );
      return TeleportLfgPlayerResponse.create({ api: WORLD_API, status: statusOf(answer.readI32(), TeleportLfgPlayerResponse_Status) });
    },
    async setLfgBootVote(request, context) {
      const answer = await call(RequestKind.LfgBootVote, (w) => w.writeU64(request.playerGUID).writeU8(request.agree ? 1 : 0), context);
      return SetLfgBootVoteResponse.create({ api: WORLD_API, status: statusOf(answer.readI32(), SetLfgBootVoteResponse_Status) });
    },
    async materializeLfgProposal(request, context) {
      const members = request.members.map((member) => ({
        ...member,
        selectedRoles: u8Argument(member.selectedRoles, "selectedRoles"),
        assignedRole: u8Argument(member.assignedRole, "assignedRole"),
      }));
      const answer = await call(
        RequestKind.LfgMaterialize,
        (w) => {
          w.writeU32(request.realmID).writeU32(request.proposalID).writeU32(request.dungeonEntry).writeU64(request.leaderGUID).writeU32(members.length);
          for (const m of members) w.writeU64(m.playerGUID).writeU8(m.selectedRoles).writeU8(m.assignedRole).writeU64(m.queueLeaderGUID);
        },
        context,
      );
      return MaterializeLfgProposalResponse.create({ api: WORLD_API, status: statusOf(answer.readI32(), MaterializeLfgProposalResponse_Status) });
    },
    async createGuild(request, context) {
      const answer = await call(RequestKind.GuildCreate, (w) => w.writeU64(request.leaderGuid).str(request.guildName), context);
      const code = answer.readI32();
      const guildId = answer.readU64();
      const status = GUILD_CREATE_STATUS[code] ?? CreateGuildResponse_Status.InternalError;
      return CreateGuildResponse.create({ api: WORLD_API, status, guildId: status === CreateGuildResponse_Status.Success ? guildId : 0n });
    },
  };
}

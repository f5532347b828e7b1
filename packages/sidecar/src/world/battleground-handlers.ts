import {
  AddPlayersToBattlegroundResponse,
  CanPlayerJoinBattlegroundQueueResponse,
  CanPlayerTeleportToBattlegroundResponse,
  StartBattlegroundResponse,
  type WorldServerHandlers,
} from "@tc9/sdk/contracts";
import { RequestKind } from "../bridge/protocol.js";
import { u8Argument, WORLD_API } from "./item-handlers.js";
import { expectNoError, type WorldLoopCall } from "./world-loop.js";

/** `BattlegroundErrorCode` (battleground-api.h). */
const BATTLEGROUND_ERRORS: Readonly<Record<number, string>> = {
  1: "no handler installed",
  2: "failed to create the battleground",
  3: "battleground not found",
};
/** `BattlegroundJoinCheckErrorCode` (battleground-api.h). */
const JOIN_CHECK_ERRORS: Readonly<Record<number, string>> = { 1: "no hook installed", 2: "the worldserver said no", 3: "player not found" };

type BattlegroundHandlers = Pick<
  WorldServerHandlers,
  "startBattleground" | "addPlayersToBattleground" | "canPlayerJoinBattlegroundQueue" | "canPlayerTeleportToBattleground"
>;

/** Battleground and arena requests, each run on the world loop. */
export function battlegroundHandlers(call: WorldLoopCall): BattlegroundHandlers {
  return {
    async startBattleground(request, context) {
      const type = u8Argument(request.battlegroundTypeID, "battlegroundTypeID");
      const bracket = u8Argument(request.bracketLvl, "bracketLvl");
      const answer = await call(
        RequestKind.BattlegroundStart,
        (w) =>
          w
            .writeU8(type)
            .writeU32(request.arenaType)
            .writeU8(request.isRated ? 1 : 0)
            .writeU32(request.mapID)
            .writeU8(bracket)
            .writeU32(request.allianceArenaTeamID)
            .writeU32(request.hordeArenaTeamID)
            .writeU32(request.allianceArenaMatchmakerRating)
            .writeU32(request.hordeArenaMatchmakerRating)
            .u64List(request.playersToAddHorde)
            .u64List(request.playersToAddAlliance)
            .u64List([]),
        context,
      );
      expectNoError(answer, "StartBattleground", BATTLEGROUND_ERRORS);
      const instanceID = Number(answer.readU64());
      return StartBattlegroundResponse.create({ api: WORLD_API, instanceID, clientInstanceID: Number(answer.readU64()) });
    },
    async addPlayersToBattleground(request, context) {
      const type = u8Argument(request.battlegroundTypeID, "battlegroundTypeID");
      const answer = await call(
        RequestKind.BattlegroundAddPlayers,
        (w) => w.writeU8(type).writeU64(BigInt(request.instanceID)).u64List(request.playersToAddHorde).u64List(request.playersToAddAlliance).u64List([]),
        context,
      );
      expectNoError(answer, "AddPlayersToBattleground", BATTLEGROUND_ERRORS);
      return AddPlayersToBattlegroundResponse.create({ api: WORLD_API });
    },
    async canPlayerJoinBattlegroundQueue(request, context) {
      const answer = await call(RequestKind.BattlegroundCanJoinQueue, (w) => w.writeU64(request.playerGUID), context);
      expectNoError(answer, "CanPlayerJoinBattlegroundQueue", JOIN_CHECK_ERRORS);
      return CanPlayerJoinBattlegroundQueueResponse.create({ api: WORLD_API });
    },
    async canPlayerTeleportToBattleground(request, context) {
      const answer = await call(RequestKind.BattlegroundCanTeleport, (w) => w.writeU64(request.playerGUID), context);
      expectNoError(answer, "CanPlayerTeleportToBattleground", JOIN_CHECK_ERRORS);
      return CanPlayerTeleportToBattlegroundResponse.create({ api: WORLD_API });
    },
  };
}

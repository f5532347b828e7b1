import { playerFromWire, type Client } from "@tc9/sdk";
import type { CharactersService, GroupService, MatchmakingService } from "@tc9/sdk/contracts";
import type { BattlegroundStatusChangedRequest_Status, FinishRatedArenaMatchResponse, PVPTeamID, RatedArenaTeamScore } from "@tc9/sdk/contracts";
import type { Logger } from "pino";
import { CallKind, NotifyKind } from "../bridge/protocol.js";
import { BodyWriter, type BodyReader } from "../bridge/wire.js";

/** The services the library's notifications and calls go to (ToCloud9's contracts, over gRPC). */
export interface NotificationClients {
  readonly matchmaking: Client<typeof MatchmakingService>;
  readonly groups: Client<typeof GroupService>;
  readonly characters: Client<typeof CharactersService>;
}

/** The registered worldserver the notifications come from. */
export interface NotifyingServer {
  readonly realmId: number;
  readonly isCrossRealm: boolean;
}

const API = "tc9";
/** Deadline of each forwarded call (ToCloud9's Go library: 5 s). */
const CALL_TIMEOUT_MS = 5_000;
const OPTIONS = { timeoutMs: CALL_TIMEOUT_MS } as const;

/**
 * A player named by the worldserver, as `{realmID, playerGUID}`: a realm-qualified GUID
 * (`realm << 32 | low`) names its realm, any other is of this worldserver's realm.
 */
function realmPlayer(guid: bigint, ownRealm: number): { realmID: number; playerGUID: bigint } {
  const player = playerFromWire(guid, ownRealm);
  return player ? { realmID: player.realmId, playerGUID: BigInt(player.lowGuid) } : { realmID: ownRealm, playerGUID: guid };
}

type Forward = (body: BodyReader, server: NotifyingServer, clients: NotificationClients) => Promise<unknown>;

/** Each notification kind: its name (for logs) and the RPC it becomes; bodies as native/src/notify.c writes them. */
const FORWARDS: Readonly<Record<number, readonly [string, Forward]>> = {
  [NotifyKind.PlayerLeftBattleground]: [
    "PlayerLeftBattleground",
    (b, s, c) => {
      const playerGUID = b.readU64();
      const realmID = b.readU32();
      return c.matchmaking.playerLeftBattleground({ api: API, playerGUID, realmID, instanceID: b.readU32(), isCrossRealm: s.isCrossRealm }, OPTIONS);
    },
  ],
  [NotifyKind.BattlegroundStatusChanged]: [
    "BattlegroundStatusChanged",
    (b, s, c) => {
      const instanceID = b.readU32();
      const status = b.readU8() as BattlegroundStatusChangedRequest_Status;
      return c.matchmaking.battlegroundStatusChanged({ api: API, realmID: s.realmId, instanceID, isCrossRealm: s.isCrossRealm, status }, OPTIONS);
    },
  ],
  [NotifyKind.UpdateGroupMemberState]: [
    "UpdateMemberState",
    (b, s, c) =>
      c.groups.updateMemberState(
        {
          api: API,
          realmID: s.realmId,
          memberGUID: b.readU64(),
          online: b.readU8() !== 0,
          level: b.readU8(),
          classID: b.readU8(),
          zoneID: b.readU32(),
          mapID: b.readU32(),
          health: b.readU32(),
          maxHealth: b.readU32(),
          powerType: b.readU8(),
          power: b.readU32(),
          maxPower: b.readU32(),
          instanceID: b.readU32(),
        },
        OPTIONS,
      ),
  ],
  [NotifyKind.LfgRouteEntered]: [
    "ConfirmLfgDungeonRouteEntered",
    (b, s, c) =>
      c.characters.confirmLfgDungeonRouteEntered(
        { api: API, realmID: s.realmId, playerGUID: b.readU64(), mapID: b.readU32(), difficulty: b.readU8(), instanceID: b.readU32() },
        OPTIONS,
      ),
  ],
  [NotifyKind.StartReadyCheck]: [
    "StartReadyCheck",
    (b, s, c) => c.groups.startReadyCheck({ api: API, realmID: s.realmId, leaderGUID: b.readU64(), durationMs: b.readU32() }, OPTIONS),
  ],
  [NotifyKind.ReadyCheckMemberState]: [
    "SetReadyCheckMemberState",
    (b, s, c) => c.groups.setReadyCheckMemberState({ api: API, realmID: s.realmId, memberGUID: b.readU64(), state: b.readU8() }, OPTIONS),
  ],
  [NotifyKind.FinishReadyCheck]: [
    "FinishReadyCheck",
    (b, s, c) => c.groups.finishReadyCheck({ api: API, realmID: s.realmId, playerGUID: b.readU64() }, OPTIONS),
  ],
  [NotifyKind.ChangeMemberSubGroup]: [
    "ChangeMemberSubGroup",
    (b, s, c) =>
      c.groups.changeMemberSubGroup({ api: API, realmID: s.realmId, updaterGUID: b.readU64(), memberGUID: b.readU64(), subGroup: b.readU8() }, OPTIONS),
  ],
  [NotifyKind.SetMemberFlags]: [
    "SetMemberFlags",
    (b, s, c) =>
      c.groups.setMemberFlags(
        { api: API, realmID: s.realmId, updaterGUID: b.readU64(), memberGUID: b.readU64(), flags: b.readU8(), roles: b.readU8() },
        OPTIONS,
      ),
  ],
  [NotifyKind.RegisterMaterializedLfgGroup]: [
    "RegisterMaterializedLfgGroup",
    (b, s, c) => {
      const head = { groupID: b.readU32(), leaderGUID: b.readU64(), groupType: b.readU8(), difficulty: b.readU8(), raidDifficulty: b.readU8() };
      const members = Array.from({ length: b.readU32() }, () => {
        const player = realmPlayer(b.readU64(), s.realmId);
        return { ...player, name: b.str(), isOnline: b.readU8() !== 0, flags: b.readU8(), roles: b.readU8(), subGroup: b.readU8() };
      });
      return c.groups.registerMaterializedLfgGroup({ api: API, realmID: s.realmId, ...head, members }, OPTIONS);
    },
  ],
  [NotifyKind.CompleteLfgDungeon]: [
    "CompleteLfgDungeon",
    (b, s, c) => {
      const completedDungeonEntry = b.readU32();
      const selectedDungeonEntry = b.readU32();
      const players = b.u64List().map((guid) => realmPlayer(guid, s.realmId));
      return c.matchmaking.completeLfgDungeon({ api: API, completedDungeonEntry, selectedDungeonEntry, players }, OPTIONS);
    },
  ],
};

/**
 * Forwards one library notification to the service that owns it. Never throws: a failed call
 * (service down, deadline, unknown kind) is logged and dropped, as the worldserver does not wait
 * for notifications.
 */
export async function forwardNotification(
  kind: number,
  body: BodyReader,
  server: NotifyingServer | undefined,
  clients: NotificationClients,
  logger: Logger,
): Promise<void> {
  const forward = FORWARDS[kind];
  if (!forward) {
    logger.warn({ kind }, "unknown libsidecar notification dropped; rebuild libsidecar and the sidecar from the same tc9 version");
    return;
  }
  const [name, call] = forward;
  if (!server) {
    logger.warn({ notification: name }, "notification dropped: the worldserver is not registered");
    return;
  }
  try {
    await call(body, server, clients);
  } catch (error) {
    logger.warn({ err: error, notification: name }, "forwarding a libsidecar notification failed; it is dropped");
  }
}

function writeScore(w: BodyWriter, score: RatedArenaTeamScore | undefined): void {
  w.writeU32(score?.realmID ?? 0).writeU32(score?.arenaTeamID ?? 0).str(score?.teamName ?? "");
  w.writeI32(score?.ratingChange ?? 0).writeU32(score?.matchmakerRating ?? 0);
}

function arenaAnswer(response: FinishRatedArenaMatchResponse): Uint8Array {
  const w = new BodyWriter().writeU32(response.status);
  writeScore(w, response.allianceScore);
  writeScore(w, response.hordeScore);
  w.writeU32(response.memberResults.length);
  for (const m of response.memberResults) {
    w.writeU8(m.team).writeU64(m.playerGUID).writeU32(m.personalRating).writeU32(m.weekGames).writeU32(m.seasonGames);
    w.writeU32(m.weekWins).writeU32(m.seasonWins).writeU32(m.matchmakerRating);
  }
  return w.toBytes();
}

/**
 * Answers a blocking library call. `TC9FinishRatedArenaMatch` → MatchmakingService
 * FinishRatedArenaMatch (teams are PVPTeamID values, passed through). Rejects when the call fails
 * (the bridge then answers "not ok" and the library returns status Failed).
 */
export async function answerCall(kind: number, body: BodyReader, clients: NotificationClients): Promise<Uint8Array> {
  if (kind !== CallKind.FinishRatedArenaMatch) throw new Error(`call kind ${kind} is not served by this sidecar; rebuild libsidecar and the sidecar from the same tc9 version`);
  const request = {
    api: API,
    ownerRealmID: body.readU32(),
    isCrossRealm: body.readU8() !== 0,
    instanceID: body.readU32(),
    arenaType: body.readU32(),
    winnerTeam: body.readU8() as PVPTeamID,
    validArena: body.readU8() !== 0,
    allianceArenaTeamID: body.readU32(),
    hordeArenaTeamID: body.readU32(),
    allianceArenaMatchmakerRating: body.readU32(),
    hordeArenaMatchmakerRating: body.readU32(),
    participants: Array.from({ length: body.readU32() }, () => ({ team: body.readU8() as PVPTeamID, playerGUID: body.readU64() })),
  };
  return arenaAnswer(await clients.matchmaking.finishRatedArenaMatch(request, OPTIONS));
}

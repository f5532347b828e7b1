import { callOnWorld } from "../../cluster-worldserver/world-thread.js";
import type { CallContext, Contract, Handlers } from "../../contracts/contract.js";
import { WorldServerService } from "../../contracts/generated/worldserver.js";
import type { NodeMetrics } from "../../observability/node-metrics.js";
import { InFlightCalls } from "../../runtime/bindings/in-flight.js";
import { startGrpcServer, type GrpcServerHandle } from "../../runtime/bindings/grpc-server.js";
import { RpcError, RpcStatus } from "../../runtime/rpc-error.js";
import type { CharacterStore } from "./character-store.js";
import { runOnLoop } from "./loop-thread.js";
import type { PlayerState } from "./player-state.js";
import type { WorldLoop } from "./world-loop.js";
import type { WorldPlayers } from "./world-players.js";

/** What the simulated sidecar's WorldServerService reads and changes. */
export interface SidecarGrpcOptions {
  readonly host: string;
  readonly port: number;
  readonly loop: WorldLoop;
  readonly players: WorldPlayers;
  readonly store: CharacterStore;
  /** How long a call waits for the world loop (the C++ sidecar waits 5 s, then DEADLINE_EXCEEDED). */
  readonly deadlineMs: number;
  readonly metrics: NodeMetrics;
}

/** The `api` the simulator answers with. */
const API = "tc9";
/** AzerothCore `MAX_MONEY_AMOUNT`. */
const MAX_MONEY = 0x7fffffff - 1;
/** `HighGuid::Item` in the top 16 bits of an item GUID. */
const ITEM_GUID_HIGH = 0x4000n << 48n;
/** `ITEM_FIELD_FLAG_SOULBOUND`: a bound item cannot be traded. */
const ITEM_FLAG_SOULBOUND = 0x1;

type WorldServerHandlers = Handlers<typeof WorldServerService>;

function unimplemented(method: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new RpcError(
        RpcStatus.UNIMPLEMENTED,
        `the worldserver simulator does not simulate ${method}; test it against an AzerothCore worldserver with the tc9 sidecar`,
      ),
    );
}

/**
 * Runs `work` on the world loop, where the sidecar's queued gRPC work runs, with the sidecar's
 * deadline and status rules ({@link callOnWorld}). A player that is not in this world is the
 * sidecar's PlayerNotFound, which the C++ sidecar reports as INTERNAL.
 */
function onWorld<T>(options: SidecarGrpcOptions, playerGuid: bigint, context: CallContext, work: (player: PlayerState) => T | Promise<T>): Promise<T> {
  const run = (): T | Promise<T> => {
    const player = options.players.byGuid(playerGuid)?.player;
    if (!player) throw new RpcError(RpcStatus.INTERNAL, `player ${playerGuid} is not in the world on this worldserver (PlayerNotFound)`);
    return work(player);
  };
  return callOnWorld((deadlineMs) => runOnLoop(options.loop, run, deadlineMs), options.deadlineMs, context);
}

/**
 * The sidecar's WorldServerService as the simulator answers it: money (the live value of a player
 * in the world, `Player::ModifyMoney` semantics, saved with the player) and the items of a player
 * in the world, read from `character_inventory` / `item_instance` (tradable = not soulbound). Every
 * other RPC answers UNIMPLEMENTED.
 */
function worldServerHandlers(options: SidecarGrpcOptions): WorldServerHandlers {
  return {
    async getMoneyForPlayer({ playerGuid }, context) {
      return onWorld(options, playerGuid, context, (player) => ({ api: API, money: player.money }));
    },
    async modifyMoneyForPlayer({ playerGuid, value }, context) {
      return onWorld(options, playerGuid, context, (player) => {
        if (value > 0 && player.money >= MAX_MONEY - value) {
          throw new RpcError(RpcStatus.INTERNAL, `player ${playerGuid} cannot hold ${value} more copper (TooMuchMoney)`);
        }
        player.money = value < 0 ? Math.max(0, player.money + value) : player.money + value;
        return { api: API, newMoneyValue: player.money };
      });
    },
    async getPlayerItemsByGuids({ playerGuid, guids }, context) {
      return onWorld(options, playerGuid, context, async () => {
        const items = await options.store.findItems(playerGuid, guids.map((guid) => guid & 0xffffffffn));
        return {
          api: API,
          items: items.map((item) => ({
            guid: ITEM_GUID_HIGH | item.guid,
            entry: item.entry,
            owner: item.owner,
            bagSlot: item.bagSlot,
            slot: item.slot,
            isTradable: (item.flags & ITEM_FLAG_SOULBOUND) === 0,
            count: item.count,
            flags: item.flags,
            durability: item.durability,
            randomPropertyID: item.randomPropertyId,
            text: item.text,
          })),
        };
      });
    },
    takePlayerItemByPos: unimplemented("TakePlayerItemByPos"),
    removeItemsWithGuidsFromPlayer: unimplemented("RemoveItemsWithGuidsFromPlayer"),
    addExistingItemToPlayer: unimplemented("AddExistingItemToPlayer"),
    canPlayerInteractWithNPC: unimplemented("CanPlayerInteractWithNPC"),
    canPlayerInteractWithGameObject: unimplemented("CanPlayerInteractWithGameObject"),
    startBattleground: unimplemented("StartBattleground"),
    addPlayersToBattleground: unimplemented("AddPlayersToBattleground"),
    canPlayerJoinBattlegroundQueue: unimplemented("CanPlayerJoinBattlegroundQueue"),
    canPlayerTeleportToBattleground: unimplemented("CanPlayerTeleportToBattleground"),
    getLfgPlayerLockInfo: unimplemented("GetLfgPlayerLockInfo"),
    getLfgPlayerInfo: unimplemented("GetLfgPlayerInfo"),
    getLfgDungeonInfo: unimplemented("GetLfgDungeonInfo"),
    teleportLfgPlayer: unimplemented("TeleportLfgPlayer"),
    setLfgBootVote: unimplemented("SetLfgBootVote"),
    materializeLfgProposal: unimplemented("MaterializeLfgProposal"),
    createGuild: unimplemented("CreateGuild"),
  };
}

/** Serves WorldServerService over plaintext gRPC (ToCloud9's sidecar port 9501). */
export function startSidecarGrpc(options: SidecarGrpcOptions): Promise<GrpcServerHandle> {
  // The server is contract-agnostic; these handlers are WorldServerService's, registered under it.
  const handlers = worldServerHandlers(options) as unknown as Handlers<Contract>;
  return startGrpcServer(
    options.host,
    options.port,
    [{ contract: WorldServerService, target: { module: "world-simulator", inFlight: new InFlightCalls(), handlers: () => handlers } }],
    options.metrics,
  );
}

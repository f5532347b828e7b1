import { RpcError, RpcStatus } from "@tc9/sdk";
import {
  AddExistingItemToPlayerResponse,
  AddExistingItemToPlayerResponse_Status,
  CanPlayerInteractWithGameObjectResponse,
  CanPlayerInteractWithNPCResponse,
  GetMoneyForPlayerResponse,
  GetPlayerItemsByGuidsResponse,
  ModifyMoneyForPlayerResponse,
  RemoveItemsWithGuidsFromPlayerResponse,
  TakePlayerItemByPosResponse,
  TakePlayerItemByPosResponse_Status,
  type GetPlayerItemsByGuidsResponse_Item,
  type WorldServerHandlers,
} from "@tc9/sdk/contracts";
import { RequestKind } from "../bridge/protocol.js";
import type { BodyReader } from "../bridge/wire.js";
import { expectNoError, type WorldLoopCall } from "./world-loop.js";

/** The `api` field of every answer. */
export const WORLD_API = "tc9";

/** `PlayerItemErrorCode` (player-items-api.h). */
const ITEM_ERRORS: Readonly<Record<number, string>> = {
  1: "no handler installed",
  2: "player not found",
  3: "no inventory space",
  4: "unknown item template",
  5: "failed to create the item",
  6: "item not found",
  7: "item not tradable",
};
const NO_INVENTORY_SPACE = 3;
/** `PlayerMoneyErrorCode` (player-money-api.h). */
const MONEY_ERRORS: Readonly<Record<number, string>> = { 1: "no handler installed", 2: "player not found", 3: "too much money" };
/** `PlayerInteractionErrorCode` (player-interactions-api.h). */
const INTERACTION_ERRORS: Readonly<Record<number, string>> = { 1: "no handler installed", 2: "player not found" };
/** TakePlayerItemByPos statuses by `PlayerItemErrorCode`; anything else non-zero is Failed. */
const TAKE_STATUS: Readonly<Record<number, TakePlayerItemByPosResponse_Status>> = {
  0: TakePlayerItemByPosResponse_Status.Success,
  2: TakePlayerItemByPosResponse_Status.PlayerNotFound,
  6: TakePlayerItemByPosResponse_Status.ItemNotFound,
  7: TakePlayerItemByPosResponse_Status.ItemNotTradable,
};

/** Checks that a bag or slot number fits the C ABI's u8. */
export function u8Argument(value: number, field: string): number {
  if (value > 0xff) throw new RpcError(RpcStatus.INVALID_ARGUMENT, `${field} ${value} is not a bag position (0..255)`);
  return value;
}

/** Reads one `PlayerItem` as the library writes it. */
function readItem(answer: BodyReader): GetPlayerItemsByGuidsResponse_Item {
  return {
    guid: answer.readU64(),
    entry: answer.readU32(),
    owner: answer.readU64(),
    bagSlot: answer.readU8(),
    slot: answer.readU8(),
    isTradable: answer.readU8() !== 0,
    count: answer.readU32(),
    flags: answer.readU32(),
    durability: answer.readU32(),
    randomPropertyID: answer.readI32(),
    text: answer.str(),
  };
}

type ItemHandlers = Pick<
  WorldServerHandlers,
  | "getPlayerItemsByGuids"
  | "takePlayerItemByPos"
  | "removeItemsWithGuidsFromPlayer"
  | "addExistingItemToPlayer"
  | "getMoneyForPlayer"
  | "modifyMoneyForPlayer"
  | "canPlayerInteractWithNPC"
  | "canPlayerInteractWithGameObject"
>;

/** Items, money and interaction checks, each run on the world loop. */
export function itemHandlers(call: WorldLoopCall): ItemHandlers {
  return {
    async getPlayerItemsByGuids(request, context) {
      const answer = await call(RequestKind.GetItems, (w) => w.writeU64(request.playerGuid).u64List(request.guids), context);
      expectNoError(answer, "GetPlayerItemsByGuids", ITEM_ERRORS);
      const items = Array.from({ length: answer.readU32() }, () => readItem(answer));
      return GetPlayerItemsByGuidsResponse.create({ api: WORLD_API, items });
    },
    async takePlayerItemByPos(request, context) {
      if (request.playerGuid === 0n) return TakePlayerItemByPosResponse.create({ api: WORLD_API, status: TakePlayerItemByPosResponse_Status.PlayerNotFound });
      const bag = u8Argument(request.bagSlot, "bagSlot");
      const slot = u8Argument(request.slot, "slot");
      const answer = await call(
        RequestKind.TakeItemByPos,
        (w) => w.writeU64(request.playerGuid).writeU8(bag).writeU8(slot).writeU32(request.count).writeU64(request.assignToPlayerGuid),
        context,
      );
      const code = answer.readI32();
      const item = readItem(answer);
      const status = TAKE_STATUS[code] ?? TakePlayerItemByPosResponse_Status.Failed;
      return TakePlayerItemByPosResponse.create({ api: WORLD_API, status, ...(code === 0 ? { item } : {}) });
    },
    async removeItemsWithGuidsFromPlayer(request, context) {
      const answer = await call(
        RequestKind.RemoveItems,
        (w) => w.writeU64(request.playerGuid).u64List(request.guids).writeU64(request.assignToPlayerGuid),
        context,
      );
      expectNoError(answer, "RemoveItemsWithGuidsFromPlayer", ITEM_ERRORS);
      return RemoveItemsWithGuidsFromPlayerResponse.create({ api: WORLD_API, updatedItemsGuids: answer.u64List() });
    },
    async addExistingItemToPlayer(request, context) {
      const item = request.item;
      if (!item) throw new RpcError(RpcStatus.INVALID_ARGUMENT, "AddExistingItemToPlayer needs an item");
      const bag = u8Argument(request.bagSlot, "bagSlot");
      const slot = u8Argument(request.slot, "slot");
      const answer = await call(
        RequestKind.AddExistingItem,
        (w) =>
          w
            .writeU64(request.playerGuid)
            .writeU64(item.guid)
            .writeU32(item.entry)
            .writeU32(item.count)
            .writeU32(item.flags)
            .writeU32(item.durability)
            .writeI32(item.randomPropertyID)
            .writeU8(request.storeAtPos ? 1 : 0)
            .writeU8(bag)
            .writeU8(slot),
        context,
      );
      const code = answer.readI32();
      if (code === NO_INVENTORY_SPACE) return AddExistingItemToPlayerResponse.create({ api: WORLD_API, status: AddExistingItemToPlayerResponse_Status.NoSpace });
      if (code !== 0) throw new RpcError(RpcStatus.INTERNAL, `AddExistingItemToPlayer failed in the worldserver: ${ITEM_ERRORS[code] ?? `error code ${code}`}`);
      return AddExistingItemToPlayerResponse.create({ api: WORLD_API, status: AddExistingItemToPlayerResponse_Status.Success });
    },
    async getMoneyForPlayer(request, context) {
      const answer = await call(RequestKind.GetMoney, (w) => w.writeU64(request.playerGuid), context);
      expectNoError(answer, "GetMoneyForPlayer", MONEY_ERRORS);
      return GetMoneyForPlayerResponse.create({ api: WORLD_API, money: answer.readU32() });
    },
    async modifyMoneyForPlayer(request, context) {
      const answer = await call(RequestKind.ModifyMoney, (w) => w.writeU64(request.playerGuid).writeI32(request.value), context);
      expectNoError(answer, "ModifyMoneyForPlayer", MONEY_ERRORS);
      return ModifyMoneyForPlayerResponse.create({ api: WORLD_API, newMoneyValue: answer.readU32() });
    },
    async canPlayerInteractWithNPC(request, context) {
      const answer = await call(RequestKind.InteractNpc, (w) => w.writeU64(request.playerGuid).writeU64(request.npcGuid).writeU32(request.npcFlags), context);
      expectNoError(answer, "CanPlayerInteractWithNPC", INTERACTION_ERRORS);
      return CanPlayerInteractWithNPCResponse.create({ api: WORLD_API, canInteract: answer.readU8() !== 0 });
    },
    async canPlayerInteractWithGameObject(request, context) {
      const type = u8Argument(request.gameObjectType, "gameObjectType");
      const answer = await call(RequestKind.InteractGo, (w) => w.writeU64(request.playerGuid).writeU64(request.gameObjectGuid).writeU8(type), context);
      expectNoError(answer, "CanPlayerInteractWithGameObject", INTERACTION_ERRORS);
      return CanPlayerInteractWithGameObjectResponse.create({ api: WORLD_API, canInteract: answer.readU8() !== 0 });
    },
  };
}

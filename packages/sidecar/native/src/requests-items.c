/* Items, money and interaction checks. */
#include <stdlib.h>

#include "libsidecar.h"
#include "protocol.h"
#include "requests.h"

TC9_DEFINE_SETTERS(GetPlayerItemsByGuidsHandler)
TC9_DEFINE_SETTERS(TakePlayerItemByPosHandler)
TC9_DEFINE_SETTERS(RemoveItemsWithGuidsFromPlayerHandler)
TC9_DEFINE_SETTERS(AddExistingItemToPlayerHandler)
TC9_DEFINE_SETTERS(GetMoneyForPlayerHandler)
TC9_DEFINE_SETTERS(ModifyMoneyForPlayerHandler)
TC9_DEFINE_SETTERS(CanPlayerInteractWithNPCAndFlagsHandler)
TC9_DEFINE_SETTERS(CanPlayerInteractWithGOAndTypeHandler)

TC9_API GetPlayerItemsByGuidsResponse CallGetPlayerItemsByGuidsHandler(uint64_t player_guid, uint64_t* items_guids, int items_guids_size) {
    if (!g_GetPlayerItemsByGuidsHandler) return (GetPlayerItemsByGuidsResponse){.errorCode = PlayerItemErrorCodeNoHandler};
    return g_GetPlayerItemsByGuidsHandler(player_guid, items_guids, items_guids_size);
}

TC9_API TakePlayerItemByPosResponse CallTakePlayerItemByPosHandler(uint64_t player_guid, uint8_t bag_slot, uint8_t slot, uint32_t count, uint64_t assign_player_guid) {
    if (!g_TakePlayerItemByPosHandler) return (TakePlayerItemByPosResponse){.errorCode = PlayerItemErrorCodeNoHandler};
    return g_TakePlayerItemByPosHandler(player_guid, bag_slot, slot, count, assign_player_guid);
}

TC9_API RemoveItemsWithGuidsFromPlayerResponse CallRemoveItemsWithGuidsFromPlayerHandler(uint64_t player_guid, uint64_t* items_guids, int items_guids_size, uint64_t assign_player_guid) {
    if (!g_RemoveItemsWithGuidsFromPlayerHandler) return (RemoveItemsWithGuidsFromPlayerResponse){.errorCode = PlayerItemErrorCodeNoHandler};
    return g_RemoveItemsWithGuidsFromPlayerHandler(player_guid, items_guids, items_guids_size, assign_player_guid);
}

TC9_API PlayerItemErrorCode CallAddExistingItemToPlayerHandler(AddExistingItemToPlayerRequest* request) {
    if (!g_AddExistingItemToPlayerHandler) return PlayerItemErrorCodeNoHandler;
    return g_AddExistingItemToPlayerHandler(request);
}

TC9_API GetMoneyForPlayerResponse CallGetMoneyForPlayerHandler(uint64_t player_guid) {
    if (!g_GetMoneyForPlayerHandler) return (GetMoneyForPlayerResponse){.errorCode = PlayerMoneyErrorCodeNoHandler};
    return g_GetMoneyForPlayerHandler(player_guid);
}

TC9_API ModifyMoneyForPlayerResponse CallModifyMoneyForPlayerHandler(uint64_t player_guid, int32_t amount) {
    if (!g_ModifyMoneyForPlayerHandler) return (ModifyMoneyForPlayerResponse){.errorCode = PlayerMoneyErrorCodeNoHandler};
    return g_ModifyMoneyForPlayerHandler(player_guid, amount);
}

TC9_API CanPlayerInteractWithNPCAndFlagsResponse CallCanPlayerInteractWithNPCAndFlagsHandler(uint64_t player_guid, uint64_t npc_guid, uint32_t npc_flags) {
    if (!g_CanPlayerInteractWithNPCAndFlagsHandler) return (CanPlayerInteractWithNPCAndFlagsResponse){.errorCode = PlayerInteractionErrorCodeNoHandler};
    return g_CanPlayerInteractWithNPCAndFlagsHandler(player_guid, npc_guid, npc_flags);
}

TC9_API CanPlayerInteractWithGOAndTypeResponse CallCanPlayerInteractWithGOAndTypeHandler(uint64_t player_guid, uint64_t go_guid, uint8_t go_type) {
    if (!g_CanPlayerInteractWithGOAndTypeHandler) return (CanPlayerInteractWithGOAndTypeResponse){.errorCode = PlayerInteractionErrorCodeNoHandler};
    return g_CanPlayerInteractWithGOAndTypeHandler(player_guid, go_guid, go_type);
}

static void put_item(tc9_writer* w, const PlayerItem* item) {
    tc9_put_u64(w, item->guid);
    tc9_put_u32(w, item->entry);
    tc9_put_u64(w, item->owner);
    tc9_put_u8(w, item->bagSlot);
    tc9_put_u8(w, item->slot);
    tc9_put_u8(w, item->isTradable ? 1 : 0);
    tc9_put_u32(w, item->count);
    tc9_put_u32(w, item->flags);
    tc9_put_u32(w, item->durability);
    tc9_put_i32(w, item->randomPropertyID);
    tc9_put_str(w, item->text);
}

/* Handlers hand over malloc'ed item texts and arrays; the library frees them. */
static void free_item_text(const PlayerItem* item) {
    free((void*)item->text);
}

static void get_items(tc9_reader* r, tc9_writer* w) {
    uint64_t player = tc9_get_u64(r);
    int n = 0;
    uint64_t* guids = tc9_get_u64_list(r, &n);
    if (r->failed) {
        free(guids);
        return;
    }
    GetPlayerItemsByGuidsResponse res = CallGetPlayerItemsByGuidsHandler(player, guids, n);
    free(guids);
    tc9_put_i32(w, res.errorCode);
    int count = res.items && res.itemsSize > 0 ? res.itemsSize : 0;
    tc9_put_u32(w, (uint32_t)count);
    for (int i = 0; i < count; i++) {
        put_item(w, &res.items[i]);
        free_item_text(&res.items[i]);
    }
    free(res.items);
}

static void take_item(tc9_reader* r, tc9_writer* w) {
    uint64_t player = tc9_get_u64(r);
    uint8_t bag = tc9_get_u8(r);
    uint8_t slot = tc9_get_u8(r);
    uint32_t count = tc9_get_u32(r);
    uint64_t assign_to = tc9_get_u64(r);
    if (r->failed) return;
    TakePlayerItemByPosResponse res = CallTakePlayerItemByPosHandler(player, bag, slot, count, assign_to);
    tc9_put_i32(w, res.errorCode);
    put_item(w, &res.item);
    free_item_text(&res.item);
}

static void remove_items(tc9_reader* r, tc9_writer* w) {
    uint64_t player = tc9_get_u64(r);
    int n = 0;
    uint64_t* guids = tc9_get_u64_list(r, &n);
    uint64_t assign_to = tc9_get_u64(r);
    if (r->failed) {
        free(guids);
        return;
    }
    RemoveItemsWithGuidsFromPlayerResponse res = CallRemoveItemsWithGuidsFromPlayerHandler(player, guids, n, assign_to);
    free(guids);
    tc9_put_i32(w, res.errorCode);
    tc9_put_u64_list(w, res.updatedItems, res.updatedItemsSize);
    free(res.updatedItems);
}

static void add_item(tc9_reader* r, tc9_writer* w) {
    AddExistingItemToPlayerRequest req;
    req.playerGuid = tc9_get_u64(r);
    req.itemGuid = tc9_get_u64(r);
    req.itemEntry = tc9_get_u32(r);
    req.itemCount = tc9_get_u32(r);
    req.itemFlags = (uint16_t)tc9_get_u32(r);
    req.itemDurability = (uint8_t)tc9_get_u32(r);
    req.itemRandomPropertyID = (int8_t)tc9_get_i32(r);
    req.storeAtPos = tc9_get_u8(r) != 0;
    req.bagSlot = tc9_get_u8(r);
    req.slot = tc9_get_u8(r);
    if (r->failed) return;
    tc9_put_i32(w, CallAddExistingItemToPlayerHandler(&req));
}

int tc9_request_items(uint8_t kind, tc9_reader* r, tc9_writer* w) {
    switch (kind) {
        case TC9_REQ_GET_ITEMS: get_items(r, w); return 1;
        case TC9_REQ_TAKE_ITEM_BY_POS: take_item(r, w); return 1;
        case TC9_REQ_REMOVE_ITEMS: remove_items(r, w); return 1;
        case TC9_REQ_ADD_EXISTING_ITEM: add_item(r, w); return 1;
        case TC9_REQ_GET_MONEY: {
            uint64_t player = tc9_get_u64(r);
            if (r->failed) return 1;
            GetMoneyForPlayerResponse res = CallGetMoneyForPlayerHandler(player);
            tc9_put_i32(w, res.errorCode);
            tc9_put_u32(w, res.money);
            return 1;
        }
        case TC9_REQ_MODIFY_MONEY: {
            uint64_t player = tc9_get_u64(r);
            int32_t amount = tc9_get_i32(r);
            if (r->failed) return 1;
            ModifyMoneyForPlayerResponse res = CallModifyMoneyForPlayerHandler(player, amount);
            tc9_put_i32(w, res.errorCode);
            tc9_put_u32(w, res.newMoneyValue);
            return 1;
        }
        case TC9_REQ_INTERACT_NPC: {
            uint64_t player = tc9_get_u64(r), npc = tc9_get_u64(r);
            uint32_t flags = tc9_get_u32(r);
            if (r->failed) return 1;
            CanPlayerInteractWithNPCAndFlagsResponse res = CallCanPlayerInteractWithNPCAndFlagsHandler(player, npc, flags);
            tc9_put_i32(w, res.errorCode);
            tc9_put_u8(w, res.canInteract ? 1 : 0);
            return 1;
        }
        case TC9_REQ_INTERACT_GO: {
            uint64_t player = tc9_get_u64(r), go = tc9_get_u64(r);
            uint8_t type = tc9_get_u8(r);
            if (r->failed) return 1;
            CanPlayerInteractWithGOAndTypeResponse res = CallCanPlayerInteractWithGOAndTypeHandler(player, go, type);
            tc9_put_i32(w, res.errorCode);
            tc9_put_u8(w, res.canInteract ? 1 : 0);
            return 1;
        }
        default:
            return 0;
    }
}

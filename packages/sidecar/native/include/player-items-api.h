/* tc9 libsidecar: read, take and give items of a player in this world. */
#ifndef __PLAYER_ITEMS_API__
#define __PLAYER_ITEMS_API__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum PlayerItemErrorCode {
    PlayerItemErrorCodeNoError        = 0,
    PlayerItemErrorCodeNoHandler      = 1,
    PlayerItemErrorCodePlayerNotFound = 2,
    PlayerItemErrorNoInventorySpace   = 3,
    PlayerItemErrorUnknownTemplate    = 4,
    PlayerItemErrorFailedToCreateItem = 5,
    /* since 1.1 (ToCloud9 PR #37) */
    PlayerItemErrorItemNotFound       = 6,
    PlayerItemErrorItemNotTradable    = 7
} PlayerItemErrorCode;

/* One item as the worldserver describes it (ABI 1.0.0 layout: 16-bit flags, 8-bit
 * durability and random property id). Ownership as in ToCloud9: the arrays and `text`
 * strings a handler returns are malloc'ed by the handler and freed by the library. */
typedef struct {
    uint64_t guid;
    uint32_t entry;
    uint64_t owner;
    uint8_t bagSlot;
    uint8_t slot;
    bool isTradable;
    uint32_t count;
    uint16_t flags;
    uint8_t durability;
    int8_t randomPropertyID;
    const char* text;
} PlayerItem;

typedef struct {
    int errorCode;
    PlayerItem* items;
    int itemsSize;
} GetPlayerItemsByGuidsResponse;

typedef GetPlayerItemsByGuidsResponse (*GetPlayerItemsByGuidsHandler) (uint64_t /*player_guid*/, uint64_t* /*items_guids*/, int /*items_guids_size*/);
TC9_API void SetGetPlayerItemsByGuidsHandler(GetPlayerItemsByGuidsHandler h);
TC9_API GetPlayerItemsByGuidsResponse CallGetPlayerItemsByGuidsHandler(uint64_t player_guid, uint64_t* items_guids, int items_guids_size);

/* TakePlayerItemByPos (since 1.1). */
typedef struct {
    int errorCode;
    PlayerItem item;
} TakePlayerItemByPosResponse;

typedef TakePlayerItemByPosResponse (*TakePlayerItemByPosHandler) (uint64_t /*player_guid*/, uint8_t /*bag_slot*/, uint8_t /*slot*/, uint32_t /*count*/, uint64_t /*assign_player_guid*/);
TC9_API void SetTakePlayerItemByPosHandler(TakePlayerItemByPosHandler h);
TC9_API TakePlayerItemByPosResponse CallTakePlayerItemByPosHandler(uint64_t player_guid, uint8_t bag_slot, uint8_t slot, uint32_t count, uint64_t assign_player_guid);

typedef struct {
    int errorCode;
    uint64_t* updatedItems;
    int updatedItemsSize;
} RemoveItemsWithGuidsFromPlayerResponse;

typedef RemoveItemsWithGuidsFromPlayerResponse (*RemoveItemsWithGuidsFromPlayerHandler) (uint64_t /*player_guid*/, uint64_t* /*items_guids*/, int /*items_guids_size*/, uint64_t /*assign_player_guid*/);
TC9_API void SetRemoveItemsWithGuidsFromPlayerHandler(RemoveItemsWithGuidsFromPlayerHandler h);
TC9_API RemoveItemsWithGuidsFromPlayerResponse CallRemoveItemsWithGuidsFromPlayerHandler(uint64_t player_guid, uint64_t* items_guids, int items_guids_size, uint64_t assign_player_guid);

/* AddExistingItemToPlayer. The fields up to itemRandomPropertyID are ABI 1.0.0; the
 * target position (ToCloud9 PR #37) is appended after them. */
typedef struct {
    uint64_t playerGuid;
    uint64_t itemGuid;
    uint32_t itemEntry;
    uint32_t itemCount;
    uint16_t itemFlags;
    uint8_t itemDurability;
    int8_t itemRandomPropertyID;
    /* since 1.1 */
    bool storeAtPos;
    uint8_t bagSlot;
    uint8_t slot;
} AddExistingItemToPlayerRequest;

typedef PlayerItemErrorCode (*AddExistingItemToPlayerHandler) (AddExistingItemToPlayerRequest*);
TC9_API void SetAddExistingItemToPlayerHandler(AddExistingItemToPlayerHandler h);
TC9_API PlayerItemErrorCode CallAddExistingItemToPlayerHandler(AddExistingItemToPlayerRequest*);

#ifdef __cplusplus
}
#endif

#endif

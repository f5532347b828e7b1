/* tc9 libsidecar: can a player use an NPC or a game object (asked by cluster services). */
#ifndef __PLAYER_INTERACTIONS_API__
#define __PLAYER_INTERACTIONS_API__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum PlayerInteractionErrorCode {
    PlayerInteractionErrorCodeNoError            = 0,
    PlayerInteractionErrorCodeNoHandler          = 1,
    PlayerInteractionErrorCodeCodePlayerNotFound = 2,
} PlayerInteractionErrorCode;

typedef struct {
    int  errorCode;
    bool canInteract;
} CanPlayerInteractWithNPCAndFlagsResponse;

typedef CanPlayerInteractWithNPCAndFlagsResponse (*CanPlayerInteractWithNPCAndFlagsHandler) (uint64_t /*playerGUID*/, uint64_t /*npcGUID*/, uint32_t /*npcFlags*/);
TC9_API void SetCanPlayerInteractWithNPCAndFlagsHandler(CanPlayerInteractWithNPCAndFlagsHandler h);
TC9_API CanPlayerInteractWithNPCAndFlagsResponse CallCanPlayerInteractWithNPCAndFlagsHandler(uint64_t player_guid, uint64_t npc_guid, uint32_t npc_flags);

typedef struct {
    int  errorCode;
    bool canInteract;
} CanPlayerInteractWithGOAndTypeResponse;

typedef CanPlayerInteractWithGOAndTypeResponse (*CanPlayerInteractWithGOAndTypeHandler) (uint64_t /*playerGUID*/, uint64_t /*goGUID*/, uint8_t /*goType*/);
TC9_API void SetCanPlayerInteractWithGOAndTypeHandler(CanPlayerInteractWithGOAndTypeHandler h);
TC9_API CanPlayerInteractWithGOAndTypeResponse CallCanPlayerInteractWithGOAndTypeHandler(uint64_t player_guid, uint64_t go_guid, uint8_t go_type);

#ifdef __cplusplus
}
#endif

#endif

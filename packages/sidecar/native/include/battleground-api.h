/* tc9 libsidecar: battleground requests the cluster sends to this worldserver. */
#ifndef __BATTLEGROUND_API__
#define __BATTLEGROUND_API__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum BattlegroundErrorCode {
    BattlegroundErrorCodeNoError          = 0,
    BattlegroundErrorCodeNoHandler        = 1,
    BattlegroundErrorFailedToCreateBG     = 2,
    BattlegroundErrorBattlegroundNotFound = 3,
} BattlegroundErrorCode;

/* StartBattleground. The fields up to randomBGPlayersSize are ABI 1.0.0; the arena
 * team ids and matchmaker ratings (ToCloud9 PR #37) are appended after them so that a
 * 1.0.0 handler reads the same prefix. */
typedef struct {
    uint8_t battlegroundTypeID;
    uint32_t arenaType;
    bool isRated;
    uint32_t mapID;
    uint8_t bracketLvl;
    uint64_t *hordePlayersToAdd;
    int hordePlayersToAddSize;
    uint64_t *alliancePlayersToAdd;
    int alliancePlayersToAddSize;
    uint64_t *randomBGPlayers;
    int randomBGPlayersSize;
    /* since 1.1 */
    uint32_t allianceArenaTeamID;
    uint32_t hordeArenaTeamID;
    uint32_t allianceArenaMatchmakerRating;
    uint32_t hordeArenaMatchmakerRating;
} BattlegroundStartRequest;

typedef struct {
    int errorCode;
    uint64_t instanceID;
    uint64_t instanceClientID;
} BattlegroundStartResponse;

typedef BattlegroundStartResponse (*BattlegroundStartHandler) (BattlegroundStartRequest* request);
TC9_API void SetBattlegroundStartHandler(BattlegroundStartHandler h);
TC9_API BattlegroundStartResponse CallBattlegroundStartHandler(BattlegroundStartRequest* request);

typedef struct {
    uint8_t battlegroundTypeID;
    uint64_t instanceID;
    uint64_t *hordePlayersToAdd;
    int hordePlayersToAddSize;
    uint64_t *alliancePlayersToAdd;
    int alliancePlayersToAddSize;
    uint64_t *randomBGPlayers;
    int randomBGPlayersSize;
} BattlegroundAddPlayersRequest;

typedef BattlegroundErrorCode (*BattlegroundAddPlayersHandler) (BattlegroundAddPlayersRequest* request);
TC9_API void SetBattlegroundAddPlayersHandler(BattlegroundAddPlayersHandler h);
TC9_API BattlegroundErrorCode CallBattlegroundAddPlayersHandler(BattlegroundAddPlayersRequest* request);

typedef enum BattlegroundJoinCheckErrorCode {
    BattlegroundJoinCheckErrorCodeOK              = 0,
    BattlegroundJoinCheckErrorCodeNoHook          = 1,
    BattlegroundJoinCheckErrorCodeResponseIsFalse = 2,
    BattlegroundJoinCheckErrorCodePlayerNotFound  = 3,
} BattlegroundJoinCheckErrorCode;

typedef BattlegroundJoinCheckErrorCode (*CanPlayerJoinBattlegroundQueueHandler)(uint64_t playerGuid);
TC9_API void SetCanPlayerJoinBattlegroundQueueHandler(CanPlayerJoinBattlegroundQueueHandler h);
TC9_API BattlegroundJoinCheckErrorCode CallCanPlayerJoinBattlegroundQueueHandler(uint64_t playerGuid);

typedef BattlegroundJoinCheckErrorCode (*CanPlayerTeleportToBattlegroundHandler)(uint64_t playerGuid);
TC9_API void SetCanPlayerTeleportToBattlegroundHandler(CanPlayerTeleportToBattlegroundHandler h);
TC9_API BattlegroundJoinCheckErrorCode CallCanPlayerTeleportToBattlegroundHandler(uint64_t playerGuid);

#ifdef __cplusplus
}
#endif

#endif

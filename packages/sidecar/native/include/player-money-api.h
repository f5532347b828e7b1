/* tc9 libsidecar: read and change the money of a player in this world. */
#ifndef __PLAYER_MONEY_API__
#define __PLAYER_MONEY_API__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum PlayerMoneyErrorCode {
    PlayerMoneyErrorCodeNoError         = 0,
    PlayerMoneyErrorCodeNoHandler       = 1,
    PlayerMoneyErrorCodePlayerNotFound  = 2,
    PlayerMoneyErrorCodeTooMuchMoney    = 3,
} PlayerMoneyErrorCode;

typedef struct {
    int errorCode;
    uint32_t money;
} GetMoneyForPlayerResponse;

typedef GetMoneyForPlayerResponse (*GetMoneyForPlayerHandler) (uint64_t /*player_guid*/);
TC9_API void SetGetMoneyForPlayerHandler(GetMoneyForPlayerHandler h);
TC9_API GetMoneyForPlayerResponse CallGetMoneyForPlayerHandler(uint64_t player_guid);

typedef struct {
    int errorCode;
    uint32_t newMoneyValue;
} ModifyMoneyForPlayerResponse;

typedef ModifyMoneyForPlayerResponse (*ModifyMoneyForPlayerHandler) (uint64_t /*player_guid*/, int32_t /*amount*/);
TC9_API void SetModifyMoneyForPlayerHandler(ModifyMoneyForPlayerHandler h);
TC9_API ModifyMoneyForPlayerResponse CallModifyMoneyForPlayerHandler(uint64_t player_guid, int32_t amount);

#ifdef __cplusplus
}
#endif

#endif

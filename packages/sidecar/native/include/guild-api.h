/* tc9 libsidecar (since 1.1, ToCloud9 PR #37): guild creation asked by the cluster. */
#ifndef __GUILD_API__
#define __GUILD_API__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum GuildCreateErrorCode {
    GuildCreateErrorCodeNoError        = 0,
    GuildCreateErrorCodeNoHandler      = 1,
    GuildCreateErrorCodeNameExists     = 2,
    GuildCreateErrorCodeInvalidName    = 3,
    GuildCreateErrorCodeLeaderNotFound = 4,
    GuildCreateErrorCodeInternalError  = 5,
} GuildCreateErrorCode;

typedef struct {
    uint64_t leaderGuid;
    const char* guildName;
} GuildCreateRequest;

typedef struct {
    int errorCode;
    uint64_t guildId;
} GuildCreateResponse;

typedef GuildCreateResponse (*GuildCreateHandler)(GuildCreateRequest* request);
TC9_API void SetGuildCreateHandler(GuildCreateHandler h);
TC9_API GuildCreateResponse CallGuildCreateHandler(GuildCreateRequest* request);

#ifdef __cplusplus
}
#endif

#endif

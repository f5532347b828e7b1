/* tc9 libsidecar: guild membership events delivered as hooks. */
#ifndef __EVENT_GUILD__
#define __EVENT_GUILD__

#include <stdint.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

enum GuildHookStatus {
    GuildHookStatusOK = 0,
    GuildHookStatusNoHook = 1
};

typedef void (*OnGuildMemberAddedHook) (uint64_t /*guild_id*/, uint64_t /*player_guid*/);
TC9_API void SetOnGuildMemberAddedHook(OnGuildMemberAddedHook h);
TC9_API int CallOnGuildMemberAddedHook(uint64_t guild_id, uint64_t player_guid);

typedef void (*OnGuildMemberLeftHook) (uint64_t /*guild_id*/, uint64_t /*player_guid*/);
TC9_API void SetOnGuildMemberLeftHook(OnGuildMemberLeftHook h);
TC9_API int CallOnGuildMemberLeftHook(uint64_t guild_id, uint64_t player_guid);

typedef void (*OnGuildMemberRemovedHook) (uint64_t /*guild_id*/, uint64_t /*player_guid*/);
TC9_API void SetOnGuildMemberRemovedHook(OnGuildMemberRemovedHook h);
TC9_API int CallOnGuildMemberRemovedHook(uint64_t guild_id, uint64_t player_guid);

#ifdef __cplusplus
}
#endif

#endif

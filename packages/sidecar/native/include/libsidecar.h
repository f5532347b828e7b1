/* tc9 libsidecar: the C ABI an AzerothCore worldserver links in cluster mode.
 *
 * Names, signatures, struct layouts and enum values are those of ToCloud9's libsidecar
 * (C++ library, ABI 1.0.0), plus the additions of ToCloud9 PR #37 (ABI 1.1.0; new
 * struct fields are appended so 1.0.0 callers keep working).
 *
 * Threading: requests from the cluster run only inside TC9ProcessGRPCOrHTTPRequests()
 * (reads first, then writes) and hooks only inside TC9ProcessEventsHooks(); call both
 * from the world thread. The library's own thread talks to the tc9 sidecar process over
 * a local socket and never calls into the worldserver.
 */
#ifndef __LIBSIDECAR_H__
#define __LIBSIDECAR_H__

#include <stdint.h>
#include <stdbool.h>

#include "tc9_api.h"
#include "tc9_version.h"

#include "arena-team-api.h"
#include "battleground-api.h"
#include "events-group.h"
#include "events-guild.h"
#include "events-servers-registry.h"
#include "guild-api.h"
#include "lfg-api.h"
#include "monitoring.h"
#include "player-interactions-api.h"
#include "player-items-api.h"
#include "player-money-api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the linked library. Pass TC9_VERSION_MAJOR / TC9_VERSION_MINOR of the
 * headers you compiled against to TC9CheckAbiCompatible: 0 compatible, 1 the major
 * differs, 2 the library's minor is older than required. */
TC9_API void TC9GetVersion(int* major, int* minor, int* patch);
TC9_API const char* TC9GetVersionString(void);
TC9_API int TC9CheckAbiCompatible(int required_major, int required_minor);

/* Lifecycle. TC9InitLib registers this worldserver with the cluster (through the tc9
 * sidecar process) and returns the maps the registry assigned in a malloc'ed array the
 * caller frees with free(). */
TC9_API void TC9InitLib(uint16_t port, uint32_t realmID, uint8_t isCrossRealm, char* availableMaps, uint32_t** assignedMaps, int* assignedMapsSize);
TC9_API void TC9GracefulShutdown();
TC9_API void TC9ProcessGRPCOrHTTPRequests();
TC9_API void TC9ProcessEventsHooks();

/* GUIDs from prefetched pools; realmID 0 is this worldserver's realm. 0 means no GUID
 * could be had within the wait bound (logged). */
TC9_API uint64_t TC9GetNextAvailableCharacterGuid(int realmID);
TC9_API uint64_t TC9GetNextAvailableItemGuid(int realmID);
TC9_API uint64_t TC9GetNextAvailableInstanceGuid(int realmID);

/* The maps are loaded and players on them can be accepted. */
TC9_API void TC9ReadyToAcceptPlayersFromMaps(uint32_t* maps, int mapsLen);

/* Generic NATS publish/subscribe. Payloads are opaque bytes (not NUL-terminated when
 * delivered). Subscription callbacks run inside TC9ProcessEventsHooks(). Both return 0 on
 * success, -1 on failure. */
typedef void (*TC9NatsMessageHandler)(const char* subject, const char* payload, int payloadLen);
TC9_API int TC9NatsPublish(const char* subject, const char* payload, int payloadLen);
TC9_API int TC9NatsSubscribe(const char* subject, TC9NatsMessageHandler handler);

/* Matchmaking notifications (asynchronous). */
TC9_API void TC9PlayerLeftBattleground(uint64_t playerGUID, uint32_t realmID, uint32_t instanceID);
TC9_API void TC9BattlegroundStatusChanged(uint32_t instanceID, uint8_t status);

/* Hooks. */
TC9_API void TC9SetOnGroupCreatedHook(OnGroupCreatedHook h);
TC9_API void TC9SetOnGroupMemberAddedHook(OnGroupMemberAddedHook h);
TC9_API void TC9SetOnGroupMemberRemovedHook(OnGroupMemberRemovedHook h);
TC9_API void TC9SetOnGroupDisbandedHook(OnGroupDisbandedHook h);
TC9_API void TC9SetOnGroupLootTypeChangedHook(OnGroupLootTypeChangedHook h);
TC9_API void TC9SetOnGroupDungeonDifficultyChangedHook(OnGroupDungeonDifficultyChangedHook h);
TC9_API void TC9SetOnGroupRaidDifficultyChangedHook(OnGroupRaidDifficultyChangedHook h);
TC9_API void TC9SetOnGroupConvertedToRaidHook(OnGroupConvertedToRaidHook h);

TC9_API void TC9SetOnGuildMemberAddedHook(OnGuildMemberAddedHook h);
TC9_API void TC9SetOnGuildMemberRemovedHook(OnGuildMemberRemovedHook h);
TC9_API void TC9SetOnGuildMemberLeftHook(OnGuildMemberLeftHook h);

TC9_API void TC9SetOnMapsReassignedHook(OnMapsReassignedHook h);

/* Handlers of the cluster's WorldServerService requests. */
TC9_API void TC9SetBattlegroundStartHandler(BattlegroundStartHandler h);
TC9_API void TC9SetBattlegroundAddPlayersHandler(BattlegroundAddPlayersHandler h);
TC9_API void TC9SetCanPlayerJoinBattlegroundQueueHandler(CanPlayerJoinBattlegroundQueueHandler h);
TC9_API void TC9SetCanPlayerTeleportToBattlegroundHandler(CanPlayerTeleportToBattlegroundHandler h);

TC9_API void TC9SetMonitoringDataCollectorHandler(MonitoringDataCollectorHandler h);

TC9_API void TC9SetCanPlayerInteractWithNPCAndFlagsHandler(CanPlayerInteractWithNPCAndFlagsHandler h);
TC9_API void TC9SetCanPlayerInteractWithGOAndTypeHandler(CanPlayerInteractWithGOAndTypeHandler h);

TC9_API void TC9SetGetPlayerItemsByGuidsHandler(GetPlayerItemsByGuidsHandler h);
TC9_API void TC9SetRemoveItemsWithGuidsFromPlayerHandler(RemoveItemsWithGuidsFromPlayerHandler h);
TC9_API void TC9SetAddExistingItemToPlayerHandler(AddExistingItemToPlayerHandler h);

TC9_API void TC9SetGetMoneyForPlayerHandler(GetMoneyForPlayerHandler h);
TC9_API void TC9SetModifyMoneyForPlayerHandler(ModifyMoneyForPlayerHandler h);

/* ---- since 1.1 (ToCloud9 PR #37) ---- */

TC9_API void TC9SetOnGroupLeaderChangedHook(OnGroupLeaderChangedHook h);
TC9_API void TC9SetOnGroupReadyCheckStartedHook(OnGroupReadyCheckStartedHook h);
TC9_API void TC9SetOnGroupReadyCheckMemberStateHook(OnGroupReadyCheckMemberStateHook h);
TC9_API void TC9SetOnGroupReadyCheckFinishedHook(OnGroupReadyCheckFinishedHook h);
TC9_API void TC9SetOnGroupMemberSubGroupChangedHook(OnGroupMemberSubGroupChangedHook h);
TC9_API void TC9SetOnGroupMemberFlagsChangedHook(OnGroupMemberFlagsChangedHook h);
TC9_API void TC9SetOnGroupMemberStateChangedHook(OnGroupMemberStateChangedHook h);
TC9_API void TC9SetOnGroupInstanceResetRequestHook(OnGroupInstanceResetRequestHook h);
TC9_API void TC9SetOnGroupInstanceBindExtensionRequestHook(OnGroupInstanceBindExtensionRequestHook h);

TC9_API void TC9SetGuildCreateHandler(GuildCreateHandler h);
TC9_API void TC9SetTakePlayerItemByPosHandler(TakePlayerItemByPosHandler h);
TC9_API void TC9SetLfgPlayerLockInfoHandler(LfgPlayerLockInfoHandler h);
TC9_API void TC9SetLfgPlayerInfoHandler(LfgPlayerInfoHandler h);
TC9_API void TC9SetLfgDungeonInfoHandler(LfgDungeonInfoHandler h);
TC9_API void TC9SetLfgTeleportPlayerHandler(LfgTeleportPlayerHandler h);
TC9_API void TC9SetLfgBootVoteHandler(LfgBootVoteHandler h);
TC9_API void TC9SetLfgMaterializeProposalHandler(LfgMaterializeProposalHandler h);

/* Group state reported to the cluster (asynchronous: queued to the sidecar process). */
TC9_API void TC9UpdateGroupMemberState(uint64_t memberGuid, uint8_t online, uint8_t level, uint8_t playerClass, uint32_t zoneId, uint32_t mapId, uint32_t health, uint32_t maxHealth, uint8_t powerType, uint32_t power, uint32_t maxPower, uint32_t instanceID);
TC9_API void TC9ConfirmLfgDungeonRouteEntered(uint64_t memberGuid, uint32_t mapId, uint8_t difficulty, uint32_t instanceID);
TC9_API void TC9StartGroupReadyCheck(uint64_t leaderGuid, uint32_t durationMs);
TC9_API void TC9SetGroupReadyCheckMemberState(uint64_t memberGuid, uint8_t state);
TC9_API void TC9FinishGroupReadyCheck(uint64_t playerGuid);
TC9_API void TC9ChangeGroupMemberSubGroup(uint64_t updaterGuid, uint64_t memberGuid, uint8_t subGroup);
TC9_API void TC9SetGroupMemberFlags(uint64_t updaterGuid, uint64_t memberGuid, uint8_t flags, uint8_t roles);
TC9_API void TC9RegisterMaterializedLfgGroup(uint32_t groupGuid, uint64_t leaderGuid, uint8_t groupType, uint8_t difficulty, uint8_t raidDifficulty, GroupMaterializedLfgMember* members, uint8_t membersSize);
TC9_API void TC9CompleteLfgDungeon(uint32_t completedDungeonEntry, uint32_t selectedDungeonEntry, uint64_t* players, int playersSize);

#ifdef __cplusplus
}
#endif

#endif /* __LIBSIDECAR_H__ */

/* tc9 libsidecar: group events delivered as hooks, and the group state a worldserver
 * reports to the cluster (since 1.1, ToCloud9 PR #37). */
#ifndef __EVENT_GROUP__
#define __EVENT_GROUP__

#include <stdint.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

enum GroupStatus {
    GroupHookStatusOK = 0,
    GroupHookStatusNoHook = 1
};

/* A created group. The fields up to membersSize are ABI 1.0.0; the member names and the
 * LFG dungeon entry (ToCloud9 PR #37) are appended after them. memberNames has
 * membersSize entries. Everything is owned by the library and valid during the hook. */
typedef struct {
    uint32_t guid;
    uint64_t leader;
    uint8_t lootMethod;
    uint64_t looterGuid;
    uint8_t lootThreshold;
    uint8_t groupType;
    uint8_t difficulty;
    uint8_t raidDifficulty;
    uint64_t masterLooterGuid;
    uint64_t *members;
    uint8_t membersSize;
    /* since 1.1 */
    char **memberNames;
    uint32_t lfgDungeonEntry;
} EventObjectGroup;

typedef void (*OnGroupCreatedHook) (EventObjectGroup *group);
TC9_API void SetOnGroupCreatedHook(OnGroupCreatedHook h);
TC9_API int CallOnGroupCreatedHook(EventObjectGroup *group);

typedef void (*OnGroupMemberAddedHook) (uint32_t guid, uint64_t newMemberGuid);
TC9_API void SetOnGroupMemberAddedHook(OnGroupMemberAddedHook h);
TC9_API int CallOnGroupMemberAddedHook(uint32_t guid, uint64_t newMemberGuid);

typedef void (*OnGroupMemberRemovedHook) (uint32_t guid, uint64_t removedMemberGuid, uint64_t newLeaderGuid);
TC9_API void SetOnGroupMemberRemovedHook(OnGroupMemberRemovedHook h);
TC9_API int CallOnGroupMemberRemovedHook(uint32_t guid, uint64_t removedMemberGuid, uint64_t newLeaderGuid);

typedef void (*OnGroupDisbandedHook) (uint32_t guid);
TC9_API void SetOnGroupDisbandedHook(OnGroupDisbandedHook h);
TC9_API int CallOnGroupDisbandedHook(uint32_t guid);

typedef void (*OnGroupLootTypeChangedHook) (uint32_t guid, uint8_t lootMethod, uint64_t looter, uint8_t lootThreshold);
TC9_API void SetOnGroupLootTypeChangedHook(OnGroupLootTypeChangedHook h);
TC9_API int CallOnGroupLootTypeChangedHook(uint32_t guid, uint8_t lootMethod, uint64_t looter, uint8_t lootThreshold);

typedef void (*OnGroupDungeonDifficultyChangedHook) (uint32_t guid, uint8_t difficulty);
TC9_API void SetOnGroupDungeonDifficultyChangedHook(OnGroupDungeonDifficultyChangedHook h);
TC9_API int CallOnGroupDungeonDifficultyChangedHook(uint32_t guid, uint8_t difficulty);

typedef void (*OnGroupRaidDifficultyChangedHook) (uint32_t guid, uint8_t difficulty);
TC9_API void SetOnGroupRaidDifficultyChangedHook(OnGroupRaidDifficultyChangedHook h);
TC9_API int CallOnGroupRaidDifficultyChangedHook(uint32_t guid, uint8_t difficulty);

typedef void (*OnGroupConvertedToRaidHook) (uint32_t guid);
TC9_API void SetOnGroupConvertedToRaidHook(OnGroupConvertedToRaidHook h);
TC9_API int CallOnGroupConvertedToRaidHook(uint32_t guid);

/* ---- since 1.1 (ToCloud9 PR #37) ---- */

typedef void (*OnGroupLeaderChangedHook) (uint32_t guid, uint64_t previousLeaderGuid, uint64_t newLeaderGuid);
TC9_API void SetOnGroupLeaderChangedHook(OnGroupLeaderChangedHook h);
TC9_API int CallOnGroupLeaderChangedHook(uint32_t guid, uint64_t previousLeaderGuid, uint64_t newLeaderGuid);

typedef struct {
    uint32_t groupGuid;
    uint64_t leaderGuid;
    uint32_t durationMs;
} GroupReadyCheckStarted;

/* state: 0 waiting, 1 ready, 2 not ready. */
typedef struct {
    uint32_t groupGuid;
    uint64_t memberGuid;
    uint8_t state;
} GroupReadyCheckMemberState;

typedef struct {
    uint32_t groupGuid;
} GroupReadyCheckFinished;

typedef struct {
    uint32_t groupGuid;
    uint64_t memberGuid;
    uint8_t subGroup;
} GroupMemberSubGroupChanged;

typedef struct {
    uint32_t groupGuid;
    uint64_t memberGuid;
    uint8_t flags;
    uint8_t roles;
} GroupMemberFlagsChanged;

typedef struct {
    uint8_t slot;
    uint32_t spellId;
    uint8_t flags;
} GroupMemberAuraState;

typedef struct {
    uint32_t groupGuid;
    uint64_t memberGuid;
    uint8_t online;
    uint8_t level;
    uint8_t playerClass;
    uint32_t zoneId;
    uint32_t mapId;
    uint32_t health;
    uint32_t maxHealth;
    uint8_t powerType;
    uint32_t power;
    uint32_t maxPower;
    uint8_t aurasKnown;
    uint32_t auraCount;
    GroupMemberAuraState* auras;
} GroupMemberStateChanged;

typedef struct {
    uint32_t groupGuid;
    uint64_t playerGuid;
    uint32_t mapId;
    uint8_t difficulty;
} GroupInstanceResetRequest;

typedef struct {
    uint32_t groupGuid;
    uint64_t playerGuid;
    uint32_t mapId;
    uint8_t difficulty;
    uint8_t extended;
} GroupInstanceBindExtensionRequest;

/* One member of a group the worldserver materialized for an LFG proposal. */
typedef struct {
    uint64_t memberGuid;
    const char* memberName;
    uint8_t online;
    uint8_t flags;
    uint8_t roles;
    uint8_t subGroup;
} GroupMaterializedLfgMember;

typedef void (*OnGroupReadyCheckStartedHook)(GroupReadyCheckStarted* request);
TC9_API void SetOnGroupReadyCheckStartedHook(OnGroupReadyCheckStartedHook h);
TC9_API int CallOnGroupReadyCheckStartedHook(GroupReadyCheckStarted* request);

typedef void (*OnGroupReadyCheckMemberStateHook)(GroupReadyCheckMemberState* request);
TC9_API void SetOnGroupReadyCheckMemberStateHook(OnGroupReadyCheckMemberStateHook h);
TC9_API int CallOnGroupReadyCheckMemberStateHook(GroupReadyCheckMemberState* request);

typedef void (*OnGroupReadyCheckFinishedHook)(GroupReadyCheckFinished* request);
TC9_API void SetOnGroupReadyCheckFinishedHook(OnGroupReadyCheckFinishedHook h);
TC9_API int CallOnGroupReadyCheckFinishedHook(GroupReadyCheckFinished* request);

typedef void (*OnGroupMemberSubGroupChangedHook)(GroupMemberSubGroupChanged* request);
TC9_API void SetOnGroupMemberSubGroupChangedHook(OnGroupMemberSubGroupChangedHook h);
TC9_API int CallOnGroupMemberSubGroupChangedHook(GroupMemberSubGroupChanged* request);

typedef void (*OnGroupMemberFlagsChangedHook)(GroupMemberFlagsChanged* request);
TC9_API void SetOnGroupMemberFlagsChangedHook(OnGroupMemberFlagsChangedHook h);
TC9_API int CallOnGroupMemberFlagsChangedHook(GroupMemberFlagsChanged* request);

typedef void (*OnGroupMemberStateChangedHook)(GroupMemberStateChanged* request);
TC9_API void SetOnGroupMemberStateChangedHook(OnGroupMemberStateChangedHook h);
TC9_API int CallOnGroupMemberStateChangedHook(GroupMemberStateChanged* request);

typedef void (*OnGroupInstanceResetRequestHook)(GroupInstanceResetRequest* request);
TC9_API void SetOnGroupInstanceResetRequestHook(OnGroupInstanceResetRequestHook h);
TC9_API int CallOnGroupInstanceResetRequestHook(GroupInstanceResetRequest* request);

typedef void (*OnGroupInstanceBindExtensionRequestHook)(GroupInstanceBindExtensionRequest* request);
TC9_API void SetOnGroupInstanceBindExtensionRequestHook(OnGroupInstanceBindExtensionRequestHook h);
TC9_API int CallOnGroupInstanceBindExtensionRequestHook(GroupInstanceBindExtensionRequest* request);

#ifdef __cplusplus
}
#endif

#endif

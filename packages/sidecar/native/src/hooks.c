/* 1.0.0 hooks: group, guild and map events. */
#include "hooks.h"

#include <stdlib.h>

#include "libsidecar.h"
#include "protocol.h"
#include "requests.h"

TC9_DEFINE_SETTERS(OnGroupCreatedHook)
TC9_DEFINE_SETTERS(OnGroupMemberAddedHook)
TC9_DEFINE_SETTERS(OnGroupMemberRemovedHook)
TC9_DEFINE_SETTERS(OnGroupDisbandedHook)
TC9_DEFINE_SETTERS(OnGroupLootTypeChangedHook)
TC9_DEFINE_SETTERS(OnGroupDungeonDifficultyChangedHook)
TC9_DEFINE_SETTERS(OnGroupRaidDifficultyChangedHook)
TC9_DEFINE_SETTERS(OnGroupConvertedToRaidHook)
TC9_DEFINE_SETTERS(OnGuildMemberAddedHook)
TC9_DEFINE_SETTERS(OnGuildMemberLeftHook)
TC9_DEFINE_SETTERS(OnGuildMemberRemovedHook)
TC9_DEFINE_SETTERS(OnMapsReassignedHook)

#define CALL_HOOK(hook, ...)                   \
    do {                                       \
        if (!(hook)) return GroupHookStatusNoHook; \
        (hook)(__VA_ARGS__);                   \
        return GroupHookStatusOK;              \
    } while (0)

TC9_API int CallOnGroupCreatedHook(EventObjectGroup* group) { CALL_HOOK(g_OnGroupCreatedHook, group); }
TC9_API int CallOnGroupMemberAddedHook(uint32_t guid, uint64_t newMemberGuid) { CALL_HOOK(g_OnGroupMemberAddedHook, guid, newMemberGuid); }
TC9_API int CallOnGroupMemberRemovedHook(uint32_t guid, uint64_t removedMemberGuid, uint64_t newLeaderGuid) {
    CALL_HOOK(g_OnGroupMemberRemovedHook, guid, removedMemberGuid, newLeaderGuid);
}
TC9_API int CallOnGroupDisbandedHook(uint32_t guid) { CALL_HOOK(g_OnGroupDisbandedHook, guid); }
TC9_API int CallOnGroupLootTypeChangedHook(uint32_t guid, uint8_t lootMethod, uint64_t looter, uint8_t lootThreshold) {
    CALL_HOOK(g_OnGroupLootTypeChangedHook, guid, lootMethod, looter, lootThreshold);
}
TC9_API int CallOnGroupDungeonDifficultyChangedHook(uint32_t guid, uint8_t difficulty) { CALL_HOOK(g_OnGroupDungeonDifficultyChangedHook, guid, difficulty); }
TC9_API int CallOnGroupRaidDifficultyChangedHook(uint32_t guid, uint8_t difficulty) { CALL_HOOK(g_OnGroupRaidDifficultyChangedHook, guid, difficulty); }
TC9_API int CallOnGroupConvertedToRaidHook(uint32_t guid) { CALL_HOOK(g_OnGroupConvertedToRaidHook, guid); }
TC9_API int CallOnGuildMemberAddedHook(uint64_t guild_id, uint64_t player_guid) { CALL_HOOK(g_OnGuildMemberAddedHook, guild_id, player_guid); }
TC9_API int CallOnGuildMemberLeftHook(uint64_t guild_id, uint64_t player_guid) { CALL_HOOK(g_OnGuildMemberLeftHook, guild_id, player_guid); }
TC9_API int CallOnGuildMemberRemovedHook(uint64_t guild_id, uint64_t player_guid) { CALL_HOOK(g_OnGuildMemberRemovedHook, guild_id, player_guid); }
TC9_API int CallOnMapsReassignedHook(uint32_t* maps_added, int maps_added_size, uint32_t* maps_removed, int maps_removed_size) {
    CALL_HOOK(g_OnMapsReassignedHook, maps_added, maps_added_size, maps_removed, maps_removed_size);
}

static void group_created(tc9_reader* r) {
    EventObjectGroup group = {0};
    group.guid = tc9_get_u32(r);
    group.leader = tc9_get_u64(r);
    group.lootMethod = tc9_get_u8(r);
    group.looterGuid = tc9_get_u64(r);
    group.lootThreshold = tc9_get_u8(r);
    group.groupType = tc9_get_u8(r);
    group.difficulty = tc9_get_u8(r);
    group.raidDifficulty = tc9_get_u8(r);
    group.masterLooterGuid = tc9_get_u64(r);
    group.lfgDungeonEntry = tc9_get_u32(r);
    uint32_t n = tc9_get_count(r, 12);
    if (n > 255) r->failed = 1; /* membersSize is a u8 in the ABI */
    if (r->failed) return;
    if (n) {
        group.members = calloc(n, sizeof(uint64_t));
        group.memberNames = calloc(n, sizeof(char*));
        if (!group.members || !group.memberNames) r->failed = 1;
    }
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        group.members[i] = tc9_get_u64(r);
        group.memberNames[i] = tc9_get_str(r);
    }
    group.membersSize = (uint8_t)n;
    if (!r->failed) CallOnGroupCreatedHook(&group);
    for (uint32_t i = 0; group.memberNames && i < n; i++) free(group.memberNames[i]);
    free(group.memberNames);
    free(group.members);
}

static void maps_reassigned(tc9_reader* r) {
    int added_n = 0, removed_n = 0;
    uint32_t* added = tc9_get_u32_list(r, &added_n);
    uint32_t* removed = tc9_get_u32_list(r, &removed_n);
    if (!r->failed) CallOnMapsReassignedHook(added, added_n, removed, removed_n);
    free(added);
    free(removed);
}

int tc9_hook_run(uint8_t kind, tc9_reader* r) {
    switch (kind) {
        case TC9_HOOK_GROUP_CREATED: group_created(r); break;
        case TC9_HOOK_MAPS_REASSIGNED: maps_reassigned(r); break;
        case TC9_HOOK_GUILD_MEMBER_ADDED:
        case TC9_HOOK_GUILD_MEMBER_LEFT:
        case TC9_HOOK_GUILD_MEMBER_REMOVED: {
            uint64_t guild = tc9_get_u64(r), player = tc9_get_u64(r);
            if (r->failed) break;
            if (kind == TC9_HOOK_GUILD_MEMBER_ADDED) CallOnGuildMemberAddedHook(guild, player);
            else if (kind == TC9_HOOK_GUILD_MEMBER_LEFT) CallOnGuildMemberLeftHook(guild, player);
            else CallOnGuildMemberRemovedHook(guild, player);
            break;
        }
        default:
            return tc9_hook_run_group(kind, r);
    }
    return !r->failed;
}

int tc9_hook_run_group(uint8_t kind, tc9_reader* r) {
    uint32_t guid = tc9_get_u32(r);
    switch (kind) {
        case TC9_HOOK_GROUP_MEMBER_ADDED: {
            uint64_t member = tc9_get_u64(r);
            if (!r->failed) CallOnGroupMemberAddedHook(guid, member);
            break;
        }
        case TC9_HOOK_GROUP_MEMBER_REMOVED: {
            uint64_t member = tc9_get_u64(r), leader = tc9_get_u64(r);
            if (!r->failed) CallOnGroupMemberRemovedHook(guid, member, leader);
            break;
        }
        case TC9_HOOK_GROUP_DISBANDED:
            if (!r->failed) CallOnGroupDisbandedHook(guid);
            break;
        case TC9_HOOK_GROUP_CONVERTED_TO_RAID:
            if (!r->failed) CallOnGroupConvertedToRaidHook(guid);
            break;
        case TC9_HOOK_GROUP_LOOT_TYPE_CHANGED: {
            uint8_t method = tc9_get_u8(r);
            uint64_t looter = tc9_get_u64(r);
            uint8_t threshold = tc9_get_u8(r);
            if (!r->failed) CallOnGroupLootTypeChangedHook(guid, method, looter, threshold);
            break;
        }
        case TC9_HOOK_GROUP_DUNGEON_DIFFICULTY_CHANGED:
        case TC9_HOOK_GROUP_RAID_DIFFICULTY_CHANGED: {
            uint8_t difficulty = tc9_get_u8(r);
            if (r->failed) break;
            if (kind == TC9_HOOK_GROUP_DUNGEON_DIFFICULTY_CHANGED) CallOnGroupDungeonDifficultyChangedHook(guid, difficulty);
            else CallOnGroupRaidDifficultyChangedHook(guid, difficulty);
            break;
        }
        default:
            r->pos = 0;
            return tc9_hook_run_group_state(kind, r);
    }
    return !r->failed;
}

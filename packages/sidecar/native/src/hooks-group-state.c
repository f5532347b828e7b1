/* 1.1 hooks (ToCloud9 PR #37): leader changes, ready checks, member state, instances. */
#include <stdlib.h>

#include "hooks.h"
#include "libsidecar.h"
#include "protocol.h"
#include "requests.h"

TC9_DEFINE_SETTERS(OnGroupLeaderChangedHook)
TC9_DEFINE_SETTERS(OnGroupReadyCheckStartedHook)
TC9_DEFINE_SETTERS(OnGroupReadyCheckMemberStateHook)
TC9_DEFINE_SETTERS(OnGroupReadyCheckFinishedHook)
TC9_DEFINE_SETTERS(OnGroupMemberSubGroupChangedHook)
TC9_DEFINE_SETTERS(OnGroupMemberFlagsChangedHook)
TC9_DEFINE_SETTERS(OnGroupMemberStateChangedHook)
TC9_DEFINE_SETTERS(OnGroupInstanceResetRequestHook)
TC9_DEFINE_SETTERS(OnGroupInstanceBindExtensionRequestHook)

#define CALL_HOOK(hook, arg)                       \
    do {                                           \
        if (!(hook)) return GroupHookStatusNoHook; \
        (hook)(arg);                               \
        return GroupHookStatusOK;                  \
    } while (0)

TC9_API int CallOnGroupLeaderChangedHook(uint32_t guid, uint64_t previousLeaderGuid, uint64_t newLeaderGuid) {
    if (!g_OnGroupLeaderChangedHook) return GroupHookStatusNoHook;
    g_OnGroupLeaderChangedHook(guid, previousLeaderGuid, newLeaderGuid);
    return GroupHookStatusOK;
}
TC9_API int CallOnGroupReadyCheckStartedHook(GroupReadyCheckStarted* request) { CALL_HOOK(g_OnGroupReadyCheckStartedHook, request); }
TC9_API int CallOnGroupReadyCheckMemberStateHook(GroupReadyCheckMemberState* request) { CALL_HOOK(g_OnGroupReadyCheckMemberStateHook, request); }
TC9_API int CallOnGroupReadyCheckFinishedHook(GroupReadyCheckFinished* request) { CALL_HOOK(g_OnGroupReadyCheckFinishedHook, request); }
TC9_API int CallOnGroupMemberSubGroupChangedHook(GroupMemberSubGroupChanged* request) { CALL_HOOK(g_OnGroupMemberSubGroupChangedHook, request); }
TC9_API int CallOnGroupMemberFlagsChangedHook(GroupMemberFlagsChanged* request) { CALL_HOOK(g_OnGroupMemberFlagsChangedHook, request); }
TC9_API int CallOnGroupMemberStateChangedHook(GroupMemberStateChanged* request) { CALL_HOOK(g_OnGroupMemberStateChangedHook, request); }
TC9_API int CallOnGroupInstanceResetRequestHook(GroupInstanceResetRequest* request) { CALL_HOOK(g_OnGroupInstanceResetRequestHook, request); }
TC9_API int CallOnGroupInstanceBindExtensionRequestHook(GroupInstanceBindExtensionRequest* request) {
    CALL_HOOK(g_OnGroupInstanceBindExtensionRequestHook, request);
}

static void member_state(tc9_reader* r) {
    GroupMemberStateChanged s = {0};
    s.groupGuid = tc9_get_u32(r);
    s.memberGuid = tc9_get_u64(r);
    s.online = tc9_get_u8(r);
    s.level = tc9_get_u8(r);
    s.playerClass = tc9_get_u8(r);
    s.zoneId = tc9_get_u32(r);
    s.mapId = tc9_get_u32(r);
    s.health = tc9_get_u32(r);
    s.maxHealth = tc9_get_u32(r);
    s.powerType = tc9_get_u8(r);
    s.power = tc9_get_u32(r);
    s.maxPower = tc9_get_u32(r);
    s.aurasKnown = tc9_get_u8(r);
    s.auraCount = tc9_get_count(r, 6);
    if (r->failed) return;
    if (s.auraCount) {
        s.auras = calloc(s.auraCount, sizeof(GroupMemberAuraState));
        if (!s.auras) {
            r->failed = 1;
            return;
        }
    }
    for (uint32_t i = 0; i < s.auraCount; i++) {
        s.auras[i].slot = tc9_get_u8(r);
        s.auras[i].spellId = tc9_get_u32(r);
        s.auras[i].flags = tc9_get_u8(r);
    }
    if (!r->failed) CallOnGroupMemberStateChangedHook(&s);
    free(s.auras);
}

int tc9_hook_run_group_state(uint8_t kind, tc9_reader* r) {
    switch (kind) {
        case TC9_HOOK_GROUP_LEADER_CHANGED: {
            uint32_t guid = tc9_get_u32(r);
            uint64_t previous = tc9_get_u64(r), next = tc9_get_u64(r);
            if (!r->failed) CallOnGroupLeaderChangedHook(guid, previous, next);
            break;
        }
        case TC9_HOOK_READY_CHECK_STARTED: {
            GroupReadyCheckStarted e;
            e.groupGuid = tc9_get_u32(r);
            e.leaderGuid = tc9_get_u64(r);
            e.durationMs = tc9_get_u32(r);
            if (!r->failed) CallOnGroupReadyCheckStartedHook(&e);
            break;
        }
        case TC9_HOOK_READY_CHECK_MEMBER_STATE: {
            GroupReadyCheckMemberState e;
            e.groupGuid = tc9_get_u32(r);
            e.memberGuid = tc9_get_u64(r);
            e.state = tc9_get_u8(r);
            if (!r->failed) CallOnGroupReadyCheckMemberStateHook(&e);
            break;
        }
        case TC9_HOOK_READY_CHECK_FINISHED: {
            GroupReadyCheckFinished e = {.groupGuid = tc9_get_u32(r)};
            if (!r->failed) CallOnGroupReadyCheckFinishedHook(&e);
            break;
        }
        case TC9_HOOK_MEMBER_SUBGROUP_CHANGED: {
            GroupMemberSubGroupChanged e;
            e.groupGuid = tc9_get_u32(r);
            e.memberGuid = tc9_get_u64(r);
            e.subGroup = tc9_get_u8(r);
            if (!r->failed) CallOnGroupMemberSubGroupChangedHook(&e);
            break;
        }
        case TC9_HOOK_MEMBER_FLAGS_CHANGED: {
            GroupMemberFlagsChanged e;
            e.groupGuid = tc9_get_u32(r);
            e.memberGuid = tc9_get_u64(r);
            e.flags = tc9_get_u8(r);
            e.roles = tc9_get_u8(r);
            if (!r->failed) CallOnGroupMemberFlagsChangedHook(&e);
            break;
        }
        case TC9_HOOK_MEMBER_STATE_CHANGED: member_state(r); break;
        case TC9_HOOK_INSTANCE_RESET_REQUEST: {
            GroupInstanceResetRequest e;
            e.groupGuid = tc9_get_u32(r);
            e.playerGuid = tc9_get_u64(r);
            e.mapId = tc9_get_u32(r);
            e.difficulty = tc9_get_u8(r);
            if (!r->failed) CallOnGroupInstanceResetRequestHook(&e);
            break;
        }
        case TC9_HOOK_INSTANCE_BIND_EXTENSION_REQUEST: {
            GroupInstanceBindExtensionRequest e;
            e.groupGuid = tc9_get_u32(r);
            e.playerGuid = tc9_get_u64(r);
            e.mapId = tc9_get_u32(r);
            e.difficulty = tc9_get_u8(r);
            e.extended = tc9_get_u8(r);
            if (!r->failed) CallOnGroupInstanceBindExtensionRequestHook(&e);
            break;
        }
        default:
            return 0;
    }
    return !r->failed;
}

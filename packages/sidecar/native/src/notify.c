/* Fire-and-forget notifications to the cluster: groups, LFG and
 * matchmaking's battleground notifications. They never block the world thread: they are
 * queued to the sidecar process, which makes the gRPC calls. */
#include "bridge.h"
#include "libsidecar.h"
#include "log.h"
#include "protocol.h"
#include "wire.h"

static void notify(uint8_t kind, tc9_writer* w) {
    tc9_writer frame;
    tc9_writer_init(&frame);
    tc9_put_u8(&frame, kind);
    tc9_put_raw(&frame, w->data, w->len);
    if (w->failed || frame.failed || tc9_bridge_send(TC9_FRAME_NOTIFY, 0, frame.data, frame.len) != 0)
        tc9_log(TC9_LOG_WARN, "notification %u dropped: the sidecar process is not connected", kind);
    tc9_writer_free(&frame);
    tc9_writer_free(w);
}

TC9_API void TC9PlayerLeftBattleground(uint64_t playerGUID, uint32_t realmID, uint32_t instanceID) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, playerGUID);
    tc9_put_u32(&w, realmID);
    tc9_put_u32(&w, instanceID);
    notify(TC9_NOTIFY_PLAYER_LEFT_BATTLEGROUND, &w);
}

TC9_API void TC9BattlegroundStatusChanged(uint32_t instanceID, uint8_t status) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u32(&w, instanceID);
    tc9_put_u8(&w, status);
    notify(TC9_NOTIFY_BATTLEGROUND_STATUS_CHANGED, &w);
}

TC9_API void TC9UpdateGroupMemberState(uint64_t memberGuid, uint8_t online, uint8_t level, uint8_t playerClass, uint32_t zoneId, uint32_t mapId,
                                       uint32_t health, uint32_t maxHealth, uint8_t powerType, uint32_t power, uint32_t maxPower, uint32_t instanceID) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, memberGuid);
    tc9_put_u8(&w, online);
    tc9_put_u8(&w, level);
    tc9_put_u8(&w, playerClass);
    tc9_put_u32(&w, zoneId);
    tc9_put_u32(&w, mapId);
    tc9_put_u32(&w, health);
    tc9_put_u32(&w, maxHealth);
    tc9_put_u8(&w, powerType);
    tc9_put_u32(&w, power);
    tc9_put_u32(&w, maxPower);
    tc9_put_u32(&w, instanceID);
    notify(TC9_NOTIFY_UPDATE_GROUP_MEMBER_STATE, &w);
}

TC9_API void TC9ConfirmLfgDungeonRouteEntered(uint64_t memberGuid, uint32_t mapId, uint8_t difficulty, uint32_t instanceID) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, memberGuid);
    tc9_put_u32(&w, mapId);
    tc9_put_u8(&w, difficulty);
    tc9_put_u32(&w, instanceID);
    notify(TC9_NOTIFY_LFG_ROUTE_ENTERED, &w);
}

TC9_API void TC9StartGroupReadyCheck(uint64_t leaderGuid, uint32_t durationMs) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, leaderGuid);
    tc9_put_u32(&w, durationMs);
    notify(TC9_NOTIFY_START_READY_CHECK, &w);
}

TC9_API void TC9SetGroupReadyCheckMemberState(uint64_t memberGuid, uint8_t state) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, memberGuid);
    tc9_put_u8(&w, state);
    notify(TC9_NOTIFY_READY_CHECK_MEMBER_STATE, &w);
}

TC9_API void TC9FinishGroupReadyCheck(uint64_t playerGuid) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, playerGuid);
    notify(TC9_NOTIFY_FINISH_READY_CHECK, &w);
}

TC9_API void TC9ChangeGroupMemberSubGroup(uint64_t updaterGuid, uint64_t memberGuid, uint8_t subGroup) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, updaterGuid);
    tc9_put_u64(&w, memberGuid);
    tc9_put_u8(&w, subGroup);
    notify(TC9_NOTIFY_CHANGE_MEMBER_SUBGROUP, &w);
}

TC9_API void TC9SetGroupMemberFlags(uint64_t updaterGuid, uint64_t memberGuid, uint8_t flags, uint8_t roles) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u64(&w, updaterGuid);
    tc9_put_u64(&w, memberGuid);
    tc9_put_u8(&w, flags);
    tc9_put_u8(&w, roles);
    notify(TC9_NOTIFY_SET_MEMBER_FLAGS, &w);
}

TC9_API void TC9RegisterMaterializedLfgGroup(uint32_t groupGuid, uint64_t leaderGuid, uint8_t groupType, uint8_t difficulty, uint8_t raidDifficulty,
                                             GroupMaterializedLfgMember* members, uint8_t membersSize) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u32(&w, groupGuid);
    tc9_put_u64(&w, leaderGuid);
    tc9_put_u8(&w, groupType);
    tc9_put_u8(&w, difficulty);
    tc9_put_u8(&w, raidDifficulty);
    uint32_t n = members ? membersSize : 0;
    tc9_put_u32(&w, n);
    for (uint32_t i = 0; i < n; i++) {
        tc9_put_u64(&w, members[i].memberGuid);
        tc9_put_str(&w, members[i].memberName);
        tc9_put_u8(&w, members[i].online);
        tc9_put_u8(&w, members[i].flags);
        tc9_put_u8(&w, members[i].roles);
        tc9_put_u8(&w, members[i].subGroup);
    }
    notify(TC9_NOTIFY_REGISTER_MATERIALIZED_LFG_GROUP, &w);
}

TC9_API void TC9CompleteLfgDungeon(uint32_t completedDungeonEntry, uint32_t selectedDungeonEntry, uint64_t* players, int playersSize) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u32(&w, completedDungeonEntry);
    tc9_put_u32(&w, selectedDungeonEntry);
    tc9_put_u64_list(&w, players, playersSize);
    notify(TC9_NOTIFY_COMPLETE_LFG_DUNGEON, &w);
}

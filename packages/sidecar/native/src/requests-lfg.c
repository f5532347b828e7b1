/* Dungeon finder and guild creation (ToCloud9 PR #37). */
#include <stdlib.h>

#include "libsidecar.h"
#include "protocol.h"
#include "requests.h"

TC9_DEFINE_SETTERS(LfgPlayerLockInfoHandler)
TC9_DEFINE_SETTERS(LfgPlayerInfoHandler)
TC9_DEFINE_SETTERS(LfgDungeonInfoHandler)
TC9_DEFINE_SETTERS(LfgTeleportPlayerHandler)
TC9_DEFINE_SETTERS(LfgBootVoteHandler)
TC9_DEFINE_SETTERS(LfgMaterializeProposalHandler)
TC9_DEFINE_SETTERS(GuildCreateHandler)

TC9_API LfgPlayerLockInfoResponse CallLfgPlayerLockInfoHandler(LfgPlayerLockInfoRequest* request) {
    if (!g_LfgPlayerLockInfoHandler) return (LfgPlayerLockInfoResponse){.errorCode = LfgPlayerLockInfoErrorCodeNoHandler};
    return g_LfgPlayerLockInfoHandler(request);
}

TC9_API LfgPlayerInfoResponse CallLfgPlayerInfoHandler(LfgPlayerInfoRequest* request) {
    if (!g_LfgPlayerInfoHandler) return (LfgPlayerInfoResponse){.errorCode = LfgPlayerInfoErrorCodeNoHandler};
    return g_LfgPlayerInfoHandler(request);
}

TC9_API LfgDungeonInfoResponse CallLfgDungeonInfoHandler(LfgDungeonInfoRequest* request) {
    if (!g_LfgDungeonInfoHandler) return (LfgDungeonInfoResponse){.errorCode = LfgDungeonInfoErrorCodeNoHandler};
    return g_LfgDungeonInfoHandler(request);
}

TC9_API LfgTeleportPlayerErrorCode CallLfgTeleportPlayerHandler(LfgTeleportPlayerRequest* request) {
    if (!g_LfgTeleportPlayerHandler) return LfgTeleportPlayerErrorCodeNoHandler;
    return g_LfgTeleportPlayerHandler(request);
}

TC9_API LfgBootVoteErrorCode CallLfgBootVoteHandler(LfgBootVoteRequest* request) {
    if (!g_LfgBootVoteHandler) return LfgBootVoteErrorCodeNoHandler;
    return g_LfgBootVoteHandler(request);
}

TC9_API LfgMaterializeProposalErrorCode CallLfgMaterializeProposalHandler(LfgMaterializeProposalRequest* request) {
    if (!g_LfgMaterializeProposalHandler) return LfgMaterializeProposalErrorCodeNoHandler;
    return g_LfgMaterializeProposalHandler(request);
}

TC9_API GuildCreateResponse CallGuildCreateHandler(GuildCreateRequest* request) {
    if (!g_GuildCreateHandler) return (GuildCreateResponse){.errorCode = GuildCreateErrorCodeNoHandler};
    return g_GuildCreateHandler(request);
}

static void put_locks(tc9_writer* w, const LfgDungeonLock* locks, int n) {
    if (!locks || n < 0) n = 0;
    tc9_put_u32(w, (uint32_t)n);
    for (int i = 0; i < n; i++) {
        tc9_put_u32(w, locks[i].dungeonEntry);
        tc9_put_u32(w, locks[i].lockStatus);
    }
}

static void lock_info(tc9_reader* r, tc9_writer* w) {
    LfgPlayerLockInfoRequest req = {0};
    req.playerGuid = tc9_get_u64(r);
    req.dungeonEntries = tc9_get_u32_list(r, &req.dungeonEntriesSize);
    if (!r->failed) {
        LfgPlayerLockInfoResponse res = CallLfgPlayerLockInfoHandler(&req);
        tc9_put_i32(w, res.errorCode);
        put_locks(w, res.locks, res.locksSize);
        tc9_put_u32(w, res.joinResult);
        tc9_put_u32_list(w, res.validDungeonEntries, res.validDungeonEntriesSize);
        free(res.locks);
        free(res.validDungeonEntries);
    }
    free(req.dungeonEntries);
}

static void player_info(tc9_reader* r, tc9_writer* w) {
    LfgPlayerInfoRequest req = {.playerGuid = tc9_get_u64(r)};
    if (r->failed) return;
    LfgPlayerInfoResponse res = CallLfgPlayerInfoHandler(&req);
    tc9_put_i32(w, res.errorCode);
    int n = res.randomDungeons && res.randomDungeonsSize > 0 ? res.randomDungeonsSize : 0;
    tc9_put_u32(w, (uint32_t)n);
    for (int i = 0; i < n; i++) {
        const LfgRandomDungeonInfo* d = &res.randomDungeons[i];
        tc9_put_u32(w, d->dungeonEntry);
        tc9_put_u8(w, d->done);
        tc9_put_u32(w, d->rewardMoney);
        tc9_put_u32(w, d->rewardXP);
        tc9_put_u32(w, d->rewardUnknown1);
        tc9_put_u32(w, d->rewardUnknown2);
        int m = d->rewardItems && d->rewardItemsSize > 0 ? d->rewardItemsSize : 0;
        tc9_put_u32(w, (uint32_t)m);
        for (int j = 0; j < m; j++) {
            tc9_put_u32(w, d->rewardItems[j].itemId);
            tc9_put_u32(w, d->rewardItems[j].displayId);
            tc9_put_u32(w, d->rewardItems[j].count);
        }
        free(d->rewardItems);
    }
    put_locks(w, res.locks, res.locksSize);
    free(res.randomDungeons);
    free(res.locks);
}

static void materialize(tc9_reader* r, tc9_writer* w) {
    LfgMaterializeProposalRequest req = {0};
    req.realmId = tc9_get_u32(r);
    req.proposalId = tc9_get_u32(r);
    req.dungeonEntry = tc9_get_u32(r);
    req.leaderGuid = tc9_get_u64(r);
    uint32_t n = tc9_get_count(r, 18);
    if (r->failed) return;
    req.members = n ? calloc(n, sizeof(LfgMaterializeProposalMember)) : NULL;
    if (n && !req.members) {
        r->failed = 1;
        return;
    }
    req.membersSize = (int)n;
    for (uint32_t i = 0; i < n; i++) {
        req.members[i].playerGuid = tc9_get_u64(r);
        req.members[i].selectedRoles = tc9_get_u8(r);
        req.members[i].assignedRole = tc9_get_u8(r);
        req.members[i].queueLeaderGuid = tc9_get_u64(r);
    }
    if (!r->failed) tc9_put_i32(w, CallLfgMaterializeProposalHandler(&req));
    free(req.members);
}

static void guild_create(tc9_reader* r, tc9_writer* w) {
    GuildCreateRequest req;
    req.leaderGuid = tc9_get_u64(r);
    char* name = tc9_get_str(r);
    req.guildName = name;
    if (!r->failed) {
        GuildCreateResponse res = CallGuildCreateHandler(&req);
        tc9_put_i32(w, res.errorCode);
        tc9_put_u64(w, res.guildId);
    }
    free(name);
}

int tc9_request_lfg(uint8_t kind, tc9_reader* r, tc9_writer* w) {
    switch (kind) {
        case TC9_REQ_LFG_LOCK_INFO: lock_info(r, w); return 1;
        case TC9_REQ_LFG_PLAYER_INFO: player_info(r, w); return 1;
        case TC9_REQ_LFG_DUNGEON_INFO: {
            LfgDungeonInfoRequest req = {.dungeonEntry = tc9_get_u32(r)};
            if (r->failed) return 1;
            LfgDungeonInfoResponse res = CallLfgDungeonInfoHandler(&req);
            tc9_put_i32(w, res.errorCode);
            tc9_put_u32(w, res.dungeonEntry);
            tc9_put_u32(w, res.dungeonId);
            tc9_put_u32(w, res.mapId);
            tc9_put_u32(w, res.typeId);
            tc9_put_u32(w, res.difficulty);
            return 1;
        }
        case TC9_REQ_LFG_TELEPORT: {
            LfgTeleportPlayerRequest req;
            req.playerGuid = tc9_get_u64(r);
            req.out = tc9_get_u8(r);
            req.dungeonEntry = tc9_get_u32(r);
            if (!r->failed) tc9_put_i32(w, CallLfgTeleportPlayerHandler(&req));
            return 1;
        }
        case TC9_REQ_LFG_BOOT_VOTE: {
            LfgBootVoteRequest req;
            req.playerGuid = tc9_get_u64(r);
            req.agree = tc9_get_u8(r);
            if (!r->failed) tc9_put_i32(w, CallLfgBootVoteHandler(&req));
            return 1;
        }
        case TC9_REQ_LFG_MATERIALIZE: materialize(r, w); return 1;
        case TC9_REQ_GUILD_CREATE: guild_create(r, w); return 1;
        default:
            return 0;
    }
}

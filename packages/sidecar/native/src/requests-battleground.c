/* Battlegrounds and monitoring. */
#include <stdlib.h>

#include "libsidecar.h"
#include "protocol.h"
#include "requests.h"

TC9_DEFINE_SETTERS(BattlegroundStartHandler)
TC9_DEFINE_SETTERS(BattlegroundAddPlayersHandler)
TC9_DEFINE_SETTERS(CanPlayerJoinBattlegroundQueueHandler)
TC9_DEFINE_SETTERS(CanPlayerTeleportToBattlegroundHandler)
TC9_DEFINE_SETTERS(MonitoringDataCollectorHandler)

TC9_API BattlegroundStartResponse CallBattlegroundStartHandler(BattlegroundStartRequest* request) {
    if (!g_BattlegroundStartHandler) return (BattlegroundStartResponse){.errorCode = BattlegroundErrorCodeNoHandler};
    return g_BattlegroundStartHandler(request);
}

TC9_API BattlegroundErrorCode CallBattlegroundAddPlayersHandler(BattlegroundAddPlayersRequest* request) {
    if (!g_BattlegroundAddPlayersHandler) return BattlegroundErrorCodeNoHandler;
    return g_BattlegroundAddPlayersHandler(request);
}

TC9_API BattlegroundJoinCheckErrorCode CallCanPlayerJoinBattlegroundQueueHandler(uint64_t playerGuid) {
    if (!g_CanPlayerJoinBattlegroundQueueHandler) return BattlegroundJoinCheckErrorCodeNoHook;
    return g_CanPlayerJoinBattlegroundQueueHandler(playerGuid);
}

TC9_API BattlegroundJoinCheckErrorCode CallCanPlayerTeleportToBattlegroundHandler(uint64_t playerGuid) {
    if (!g_CanPlayerTeleportToBattlegroundHandler) return BattlegroundJoinCheckErrorCodeNoHook;
    return g_CanPlayerTeleportToBattlegroundHandler(playerGuid);
}

TC9_API MonitoringDataCollectorResponse CallMonitoringDataCollectorHandler() {
    if (!g_MonitoringDataCollectorHandler) return (MonitoringDataCollectorResponse){.errorCode = MonitoringErrorCodeNoHandler};
    return g_MonitoringDataCollectorHandler();
}

static void start(tc9_reader* r, tc9_writer* w) {
    BattlegroundStartRequest req = {0};
    req.battlegroundTypeID = tc9_get_u8(r);
    req.arenaType = tc9_get_u32(r);
    req.isRated = tc9_get_u8(r) != 0;
    req.mapID = tc9_get_u32(r);
    req.bracketLvl = tc9_get_u8(r);
    req.allianceArenaTeamID = tc9_get_u32(r);
    req.hordeArenaTeamID = tc9_get_u32(r);
    req.allianceArenaMatchmakerRating = tc9_get_u32(r);
    req.hordeArenaMatchmakerRating = tc9_get_u32(r);
    req.hordePlayersToAdd = tc9_get_u64_list(r, &req.hordePlayersToAddSize);
    req.alliancePlayersToAdd = tc9_get_u64_list(r, &req.alliancePlayersToAddSize);
    req.randomBGPlayers = tc9_get_u64_list(r, &req.randomBGPlayersSize);
    if (!r->failed) {
        BattlegroundStartResponse res = CallBattlegroundStartHandler(&req);
        tc9_put_i32(w, res.errorCode);
        tc9_put_u64(w, res.instanceID);
        tc9_put_u64(w, res.instanceClientID);
    }
    free(req.hordePlayersToAdd);
    free(req.alliancePlayersToAdd);
    free(req.randomBGPlayers);
}

static void add_players(tc9_reader* r, tc9_writer* w) {
    BattlegroundAddPlayersRequest req = {0};
    req.battlegroundTypeID = tc9_get_u8(r);
    req.instanceID = tc9_get_u64(r);
    req.hordePlayersToAdd = tc9_get_u64_list(r, &req.hordePlayersToAddSize);
    req.alliancePlayersToAdd = tc9_get_u64_list(r, &req.alliancePlayersToAddSize);
    req.randomBGPlayers = tc9_get_u64_list(r, &req.randomBGPlayersSize);
    if (!r->failed) tc9_put_i32(w, CallBattlegroundAddPlayersHandler(&req));
    free(req.hordePlayersToAdd);
    free(req.alliancePlayersToAdd);
    free(req.randomBGPlayers);
}

int tc9_request_battleground(uint8_t kind, tc9_reader* r, tc9_writer* w) {
    switch (kind) {
        case TC9_REQ_BG_START: start(r, w); return 1;
        case TC9_REQ_BG_ADD_PLAYERS: add_players(r, w); return 1;
        case TC9_REQ_BG_CAN_JOIN_QUEUE:
        case TC9_REQ_BG_CAN_TELEPORT: {
            uint64_t player = tc9_get_u64(r);
            if (r->failed) return 1;
            tc9_put_i32(w, kind == TC9_REQ_BG_CAN_JOIN_QUEUE ? CallCanPlayerJoinBattlegroundQueueHandler(player)
                                                             : CallCanPlayerTeleportToBattlegroundHandler(player));
            return 1;
        }
        case TC9_REQ_MONITORING: {
            MonitoringDataCollectorResponse res = CallMonitoringDataCollectorHandler();
            tc9_put_i32(w, res.errorCode);
            tc9_put_u32(w, res.connectedPlayers);
            tc9_put_u32(w, res.diffMean);
            tc9_put_u32(w, res.diffMedian);
            tc9_put_u32(w, res.diff95Percentile);
            tc9_put_u32(w, res.diff99Percentile);
            tc9_put_u32(w, res.diffMaxPercentile);
            return 1;
        }
        default:
            return 0;
    }
}

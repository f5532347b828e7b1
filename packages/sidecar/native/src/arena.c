/* Rated arena results (ToCloud9 PR #37): the one blocking call of the ABI. */
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "libsidecar.h"
#include "protocol.h"
#include "runtime.h"

static void get_score(tc9_reader* r, TC9RatedArenaTeamScore* score) {
    score->realmID = tc9_get_u32(r);
    score->arenaTeamID = tc9_get_u32(r);
    score->teamName = tc9_get_str(r);
    score->ratingChange = tc9_get_i32(r);
    score->matchmakerRating = tc9_get_u32(r);
}

static void get_members(tc9_reader* r, TC9FinishRatedArenaMatchResponse* res) {
    uint32_t n = tc9_get_count(r, 33);
    if (r->failed || n == 0) return;
    res->members = calloc(n, sizeof(TC9RatedArenaMemberResult));
    if (!res->members) {
        r->failed = 1;
        return;
    }
    res->membersSize = n;
    for (uint32_t i = 0; i < n; i++) {
        TC9RatedArenaMemberResult* m = &res->members[i];
        m->team = tc9_get_u8(r);
        m->playerGuid = tc9_get_u64(r);
        m->personalRating = tc9_get_u32(r);
        m->weekGames = tc9_get_u32(r);
        m->seasonGames = tc9_get_u32(r);
        m->weekWins = tc9_get_u32(r);
        m->seasonWins = tc9_get_u32(r);
        m->matchmakerRating = tc9_get_u32(r);
    }
}

TC9_API TC9FinishRatedArenaMatchResponse TC9FinishRatedArenaMatch(uint32_t ownerRealmID, uint8_t isCrossRealm, uint32_t instanceID, uint32_t arenaType,
                                                                  uint8_t winnerTeam, uint8_t validArena, uint32_t allianceArenaTeamID,
                                                                  uint32_t hordeArenaTeamID, uint32_t allianceArenaMatchmakerRating,
                                                                  uint32_t hordeArenaMatchmakerRating, TC9RatedArenaParticipant* participants,
                                                                  uint32_t participantsSize) {
    TC9FinishRatedArenaMatchResponse res;
    memset(&res, 0, sizeof res);
    res.status = ArenaTeamMutationStatusFailed;
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u32(&w, ownerRealmID);
    tc9_put_u8(&w, isCrossRealm);
    tc9_put_u32(&w, instanceID);
    tc9_put_u32(&w, arenaType);
    tc9_put_u8(&w, winnerTeam);
    tc9_put_u8(&w, validArena);
    tc9_put_u32(&w, allianceArenaTeamID);
    tc9_put_u32(&w, hordeArenaTeamID);
    tc9_put_u32(&w, allianceArenaMatchmakerRating);
    tc9_put_u32(&w, hordeArenaMatchmakerRating);
    uint32_t n = participants ? participantsSize : 0;
    tc9_put_u32(&w, n);
    for (uint32_t i = 0; i < n; i++) {
        tc9_put_u8(&w, participants[i].team);
        tc9_put_u64(&w, participants[i].playerGuid);
    }
    uint8_t* answer = NULL;
    uint32_t answer_len = 0;
    int rc = tc9_call(TC9_CALL_FINISH_RATED_ARENA_MATCH, &w, tc9_runtime_call_timeout_ms(), &answer, &answer_len);
    tc9_writer_free(&w);
    if (rc != 0) return res;
    tc9_reader r;
    tc9_reader_init(&r, answer, answer_len);
    uint8_t ok = tc9_get_u8(&r);
    res.status = tc9_get_u32(&r);
    get_score(&r, &res.allianceScore);
    get_score(&r, &res.hordeScore);
    get_members(&r, &res);
    free(answer);
    if (r.failed || !ok) {
        TC9FreeFinishRatedArenaMatchResponse(&res);
        res.status = ArenaTeamMutationStatusFailed;
    }
    return res;
}

TC9_API void TC9FreeFinishRatedArenaMatchResponse(TC9FinishRatedArenaMatchResponse* response) {
    if (!response) return;
    free(response->allianceScore.teamName);
    free(response->hordeScore.teamName);
    free(response->members);
    response->allianceScore.teamName = NULL;
    response->hordeScore.teamName = NULL;
    response->members = NULL;
    response->membersSize = 0;
}

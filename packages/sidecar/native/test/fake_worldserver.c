/* A stand-in worldserver for the tests: links libsidecar, installs every handler and
 * hook, and runs a world loop calling the two process functions. Every callback prints
 * one line "EVENT <name> key=value ... world=<1 when on the world thread>" on stdout.
 * Commands on stdin (one per line) are run on the world thread between ticks:
 *   guid <type 0|1|2> <realm>        ready <map> [map...]      sub <subject>
 *   pub <subject> <payload>          notify                    arena
 *   stall <ms>                       version                   quit
 *   quiet (stop printing event lines: benchmarks that make many calls)
 * Usage: fake_worldserver <game port> <realm> <crossrealm 0|1> <available maps> [tick ms]
 * Between updates the world loop waits up to one tick (default 5 ms) for stdin, as a real world
 * loop sleeps between updates; tick 0 runs updates back to back (yielding the CPU in between). */
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "libsidecar.h"

static pthread_t g_world;
static int g_quiet;

static int on_world(void) { return pthread_equal(pthread_self(), g_world) ? 1 : 0; }

#define EMIT(...)                          \
    do {                                   \
        if (g_quiet) break;                \
        printf(__VA_ARGS__);               \
        printf(" world=%d\n", on_world()); \
        fflush(stdout);                    \
    } while (0)

/* ---- handlers: answers are derived from the inputs so the tests can check them ---- */

static GetPlayerItemsByGuidsResponse get_items(uint64_t player, uint64_t* guids, int n) {
    EMIT("EVENT getItems player=%" PRIu64 " n=%d first=%" PRIu64, player, n, n > 0 ? guids[0] : 0);
    GetPlayerItemsByGuidsResponse res = {0};
    if (player == 404) {
        res.errorCode = PlayerItemErrorCodePlayerNotFound;
        return res;
    }
    res.items = calloc((size_t)n, sizeof(PlayerItem));
    res.itemsSize = n;
    for (int i = 0; i < n; i++) {
        res.items[i] = (PlayerItem){.guid = guids[i], .entry = 25, .owner = player, .bagSlot = 255, .slot = (uint8_t)(23 + i),
                                    .isTradable = i % 2 == 0, .count = 1, .flags = 1, .durability = 30, .randomPropertyID = -3};
        char text[32];
        snprintf(text, sizeof text, "item-%d", i);
        res.items[i].text = strdup(text);
    }
    return res;
}

static TakePlayerItemByPosResponse take_item(uint64_t player, uint8_t bag, uint8_t slot, uint32_t count, uint64_t assign) {
    EMIT("EVENT takeItem player=%" PRIu64 " bag=%u slot=%u count=%u assign=%" PRIu64, player, bag, slot, count, assign);
    TakePlayerItemByPosResponse res = {0};
    res.item = (PlayerItem){.guid = 900, .entry = 6948, .owner = assign, .bagSlot = bag, .slot = slot, .isTradable = true, .count = count, .text = strdup("")};
    return res;
}

static RemoveItemsWithGuidsFromPlayerResponse remove_items(uint64_t player, uint64_t* guids, int n, uint64_t assign) {
    EMIT("EVENT removeItems player=%" PRIu64 " n=%d assign=%" PRIu64, player, n, assign);
    RemoveItemsWithGuidsFromPlayerResponse res = {0};
    res.updatedItems = calloc((size_t)n, sizeof(uint64_t));
    res.updatedItemsSize = n;
    for (int i = 0; i < n; i++) res.updatedItems[i] = guids[i] + 1;
    return res;
}

static PlayerItemErrorCode add_item(AddExistingItemToPlayerRequest* req) {
    EMIT("EVENT addItem player=%" PRIu64 " item=%" PRIu64 " entry=%u count=%u flags=%u durability=%u random=%d storeAtPos=%d bag=%u slot=%u",
         req->playerGuid, req->itemGuid, req->itemEntry, req->itemCount, req->itemFlags, req->itemDurability, req->itemRandomPropertyID,
         req->storeAtPos ? 1 : 0, req->bagSlot, req->slot);
    return req->itemEntry == 0 ? PlayerItemErrorNoInventorySpace : PlayerItemErrorCodeNoError;
}

static GetMoneyForPlayerResponse get_money(uint64_t player) {
    EMIT("EVENT getMoney player=%" PRIu64, player);
    if (player == 404) return (GetMoneyForPlayerResponse){.errorCode = PlayerMoneyErrorCodePlayerNotFound};
    return (GetMoneyForPlayerResponse){.money = (uint32_t)(player * 10)};
}

static ModifyMoneyForPlayerResponse modify_money(uint64_t player, int32_t amount) {
    EMIT("EVENT modifyMoney player=%" PRIu64 " amount=%d", player, amount);
    return (ModifyMoneyForPlayerResponse){.newMoneyValue = (uint32_t)(1000 + amount)};
}

static CanPlayerInteractWithNPCAndFlagsResponse interact_npc(uint64_t player, uint64_t npc, uint32_t flags) {
    EMIT("EVENT interactNpc player=%" PRIu64 " npc=%" PRIu64 " flags=%u", player, npc, flags);
    return (CanPlayerInteractWithNPCAndFlagsResponse){.canInteract = flags == 16};
}

static CanPlayerInteractWithGOAndTypeResponse interact_go(uint64_t player, uint64_t go, uint8_t type) {
    EMIT("EVENT interactGo player=%" PRIu64 " go=%" PRIu64 " type=%u", player, go, type);
    return (CanPlayerInteractWithGOAndTypeResponse){.canInteract = type == 19};
}

static BattlegroundStartResponse bg_start(BattlegroundStartRequest* req) {
    EMIT("EVENT bgStart type=%u arenaType=%u rated=%d map=%u bracket=%u horde=%d alliance=%d firstAlliance=%" PRIu64
         " allianceTeam=%u hordeTeam=%u allianceMmr=%u hordeMmr=%u",
         req->battlegroundTypeID, req->arenaType, req->isRated ? 1 : 0, req->mapID, req->bracketLvl, req->hordePlayersToAddSize,
         req->alliancePlayersToAddSize, req->alliancePlayersToAddSize > 0 ? req->alliancePlayersToAdd[0] : 0, req->allianceArenaTeamID,
         req->hordeArenaTeamID, req->allianceArenaMatchmakerRating, req->hordeArenaMatchmakerRating);
    return (BattlegroundStartResponse){.instanceID = 77, .instanceClientID = 7};
}

static BattlegroundErrorCode bg_add(BattlegroundAddPlayersRequest* req) {
    EMIT("EVENT bgAdd type=%u instance=%" PRIu64 " horde=%d alliance=%d", req->battlegroundTypeID, req->instanceID, req->hordePlayersToAddSize,
         req->alliancePlayersToAddSize);
    return req->instanceID == 0 ? BattlegroundErrorBattlegroundNotFound : BattlegroundErrorCodeNoError;
}

static BattlegroundJoinCheckErrorCode bg_can_join(uint64_t player) {
    EMIT("EVENT bgCanJoin player=%" PRIu64, player);
    return player == 13 ? BattlegroundJoinCheckErrorCodeResponseIsFalse : BattlegroundJoinCheckErrorCodeOK;
}

static BattlegroundJoinCheckErrorCode bg_can_teleport(uint64_t player) {
    EMIT("EVENT bgCanTeleport player=%" PRIu64, player);
    return BattlegroundJoinCheckErrorCodeOK;
}

static MonitoringDataCollectorResponse monitoring(void) {
    EMIT("EVENT monitoring");
    return (MonitoringDataCollectorResponse){.connectedPlayers = 3, .diffMean = 50, .diffMedian = 49, .diff95Percentile = 60, .diff99Percentile = 70, .diffMaxPercentile = 90};
}

static LfgPlayerLockInfoResponse lfg_lock_info(LfgPlayerLockInfoRequest* req) {
    EMIT("EVENT lfgLockInfo player=%" PRIu64 " entries=%d", req->playerGuid, req->dungeonEntriesSize);
    LfgPlayerLockInfoResponse res = {0};
    res.locks = calloc(1, sizeof(LfgDungeonLock));
    res.locks[0] = (LfgDungeonLock){.dungeonEntry = 261, .lockStatus = 2};
    res.locksSize = 1;
    res.joinResult = 0;
    res.validDungeonEntries = calloc(2, sizeof(uint32_t));
    res.validDungeonEntries[0] = 258;
    res.validDungeonEntries[1] = 259;
    res.validDungeonEntriesSize = 2;
    return res;
}

static LfgPlayerInfoResponse lfg_player_info(LfgPlayerInfoRequest* req) {
    EMIT("EVENT lfgPlayerInfo player=%" PRIu64, req->playerGuid);
    LfgPlayerInfoResponse res = {0};
    res.randomDungeons = calloc(1, sizeof(LfgRandomDungeonInfo));
    res.randomDungeons[0] = (LfgRandomDungeonInfo){.dungeonEntry = 262, .done = 1, .rewardMoney = 100, .rewardXP = 200};
    res.randomDungeons[0].rewardItems = calloc(1, sizeof(LfgRewardItem));
    res.randomDungeons[0].rewardItems[0] = (LfgRewardItem){.itemId = 29434, .displayId = 1, .count = 2};
    res.randomDungeons[0].rewardItemsSize = 1;
    res.randomDungeonsSize = 1;
    return res;
}

static LfgDungeonInfoResponse lfg_dungeon_info(LfgDungeonInfoRequest* req) {
    EMIT("EVENT lfgDungeonInfo entry=%u", req->dungeonEntry);
    if (req->dungeonEntry == 0) return (LfgDungeonInfoResponse){.errorCode = LfgDungeonInfoErrorCodeDungeonNotFound};
    return (LfgDungeonInfoResponse){.dungeonEntry = req->dungeonEntry, .dungeonId = 1, .mapId = 389, .typeId = 1, .difficulty = 0};
}

static LfgTeleportPlayerErrorCode lfg_teleport(LfgTeleportPlayerRequest* req) {
    EMIT("EVENT lfgTeleport player=%" PRIu64 " out=%u entry=%u", req->playerGuid, req->out, req->dungeonEntry);
    return LfgTeleportPlayerErrorCodeSuccess;
}

static LfgBootVoteErrorCode lfg_boot_vote(LfgBootVoteRequest* req) {
    EMIT("EVENT lfgBootVote player=%" PRIu64 " agree=%u", req->playerGuid, req->agree);
    return LfgBootVoteErrorCodeSuccess;
}

static LfgMaterializeProposalErrorCode lfg_materialize(LfgMaterializeProposalRequest* req) {
    EMIT("EVENT lfgMaterialize realm=%u proposal=%u entry=%u leader=%" PRIu64 " members=%d firstRoles=%u", req->realmId, req->proposalId,
         req->dungeonEntry, req->leaderGuid, req->membersSize, req->membersSize > 0 ? req->members[0].selectedRoles : 0);
    return LfgMaterializeProposalErrorCodeSuccess;
}

static GuildCreateResponse guild_create(GuildCreateRequest* req) {
    EMIT("EVENT guildCreate leader=%" PRIu64 " name=%s", req->leaderGuid, req->guildName);
    if (strcmp(req->guildName, "Taken") == 0) return (GuildCreateResponse){.errorCode = GuildCreateErrorCodeNameExists};
    return (GuildCreateResponse){.guildId = 42};
}

/* ---- hooks ---- */

static void group_created(EventObjectGroup* g) {
    EMIT("EVENT groupCreated guid=%u leader=%" PRIu64 " loot=%u looter=%" PRIu64 " threshold=%u type=%u difficulty=%u raid=%u master=%" PRIu64
         " members=%u firstName=%s lfg=%u",
         g->guid, g->leader, g->lootMethod, g->looterGuid, g->lootThreshold, g->groupType, g->difficulty, g->raidDifficulty, g->masterLooterGuid,
         g->membersSize, g->membersSize ? g->memberNames[0] : "-", g->lfgDungeonEntry);
}
static void member_added(uint32_t guid, uint64_t member) { EMIT("EVENT groupMemberAdded guid=%u member=%" PRIu64, guid, member); }
static void member_removed(uint32_t guid, uint64_t member, uint64_t leader) {
    EMIT("EVENT groupMemberRemoved guid=%u member=%" PRIu64 " leader=%" PRIu64, guid, member, leader);
}
static void disbanded(uint32_t guid) { EMIT("EVENT groupDisbanded guid=%u", guid); }
static void loot_changed(uint32_t guid, uint8_t method, uint64_t looter, uint8_t threshold) {
    EMIT("EVENT groupLootChanged guid=%u method=%u looter=%" PRIu64 " threshold=%u", guid, method, looter, threshold);
}
static void dungeon_difficulty(uint32_t guid, uint8_t d) { EMIT("EVENT groupDungeonDifficulty guid=%u difficulty=%u", guid, d); }
static void raid_difficulty(uint32_t guid, uint8_t d) { EMIT("EVENT groupRaidDifficulty guid=%u difficulty=%u", guid, d); }
static void converted(uint32_t guid) { EMIT("EVENT groupConvertedToRaid guid=%u", guid); }
static void guild_added(uint64_t guild, uint64_t player) { EMIT("EVENT guildMemberAdded guild=%" PRIu64 " player=%" PRIu64, guild, player); }
static void guild_left(uint64_t guild, uint64_t player) { EMIT("EVENT guildMemberLeft guild=%" PRIu64 " player=%" PRIu64, guild, player); }
static void guild_removed(uint64_t guild, uint64_t player) { EMIT("EVENT guildMemberRemoved guild=%" PRIu64 " player=%" PRIu64, guild, player); }
static void maps_reassigned(uint32_t* added, int added_n, uint32_t* removed, int removed_n) {
    EMIT("EVENT mapsReassigned added=%d firstAdded=%u removed=%d firstRemoved=%u", added_n, added_n ? added[0] : 0, removed_n,
         removed_n ? removed[0] : 0);
}
static void leader_changed(uint32_t guid, uint64_t previous, uint64_t next) {
    EMIT("EVENT groupLeaderChanged guid=%u previous=%" PRIu64 " next=%" PRIu64, guid, previous, next);
}
static void ready_started(GroupReadyCheckStarted* e) { EMIT("EVENT readyCheckStarted guid=%u leader=%" PRIu64 " duration=%u", e->groupGuid, e->leaderGuid, e->durationMs); }
static void ready_state(GroupReadyCheckMemberState* e) { EMIT("EVENT readyCheckMemberState guid=%u member=%" PRIu64 " state=%u", e->groupGuid, e->memberGuid, e->state); }
static void ready_finished(GroupReadyCheckFinished* e) { EMIT("EVENT readyCheckFinished guid=%u", e->groupGuid); }
static void subgroup(GroupMemberSubGroupChanged* e) { EMIT("EVENT subGroupChanged guid=%u member=%" PRIu64 " subGroup=%u", e->groupGuid, e->memberGuid, e->subGroup); }
static void flags(GroupMemberFlagsChanged* e) {
    EMIT("EVENT memberFlagsChanged guid=%u member=%" PRIu64 " flags=%u roles=%u", e->groupGuid, e->memberGuid, e->flags, e->roles);
}
static void member_state(GroupMemberStateChanged* e) {
    EMIT("EVENT memberStateChanged guid=%u member=%" PRIu64 " online=%u level=%u class=%u zone=%u map=%u health=%u/%u power=%u:%u/%u auras=%u firstSpell=%u",
         e->groupGuid, e->memberGuid, e->online, e->level, e->playerClass, e->zoneId, e->mapId, e->health, e->maxHealth, e->powerType, e->power,
         e->maxPower, e->auraCount, e->auraCount ? e->auras[0].spellId : 0);
}
static void instance_reset(GroupInstanceResetRequest* e) {
    EMIT("EVENT instanceReset guid=%u player=%" PRIu64 " map=%u difficulty=%u", e->groupGuid, e->playerGuid, e->mapId, e->difficulty);
}
static void bind_extension(GroupInstanceBindExtensionRequest* e) {
    EMIT("EVENT bindExtension guid=%u player=%" PRIu64 " map=%u difficulty=%u extended=%u", e->groupGuid, e->playerGuid, e->mapId, e->difficulty,
         e->extended);
}
static void nats_message(const char* subject, const char* payload, int len) { EMIT("EVENT nats subject=%s payload=%.*s", subject, len, payload); }

static void install(void) {
    TC9SetGetPlayerItemsByGuidsHandler(get_items);
    TC9SetTakePlayerItemByPosHandler(take_item);
    TC9SetRemoveItemsWithGuidsFromPlayerHandler(remove_items);
    TC9SetAddExistingItemToPlayerHandler(add_item);
    TC9SetGetMoneyForPlayerHandler(get_money);
    TC9SetModifyMoneyForPlayerHandler(modify_money);
    TC9SetCanPlayerInteractWithNPCAndFlagsHandler(interact_npc);
    TC9SetCanPlayerInteractWithGOAndTypeHandler(interact_go);
    TC9SetBattlegroundStartHandler(bg_start);
    TC9SetBattlegroundAddPlayersHandler(bg_add);
    TC9SetCanPlayerJoinBattlegroundQueueHandler(bg_can_join);
    TC9SetCanPlayerTeleportToBattlegroundHandler(bg_can_teleport);
    TC9SetMonitoringDataCollectorHandler(monitoring);
    TC9SetLfgPlayerLockInfoHandler(lfg_lock_info);
    TC9SetLfgPlayerInfoHandler(lfg_player_info);
    TC9SetLfgDungeonInfoHandler(lfg_dungeon_info);
    TC9SetLfgTeleportPlayerHandler(lfg_teleport);
    TC9SetLfgBootVoteHandler(lfg_boot_vote);
    TC9SetLfgMaterializeProposalHandler(lfg_materialize);
    TC9SetGuildCreateHandler(guild_create);
    TC9SetOnGroupCreatedHook(group_created);
    TC9SetOnGroupMemberAddedHook(member_added);
    TC9SetOnGroupMemberRemovedHook(member_removed);
    TC9SetOnGroupDisbandedHook(disbanded);
    TC9SetOnGroupLootTypeChangedHook(loot_changed);
    TC9SetOnGroupDungeonDifficultyChangedHook(dungeon_difficulty);
    TC9SetOnGroupRaidDifficultyChangedHook(raid_difficulty);
    TC9SetOnGroupConvertedToRaidHook(converted);
    TC9SetOnGuildMemberAddedHook(guild_added);
    TC9SetOnGuildMemberLeftHook(guild_left);
    TC9SetOnGuildMemberRemovedHook(guild_removed);
    TC9SetOnMapsReassignedHook(maps_reassigned);
    TC9SetOnGroupLeaderChangedHook(leader_changed);
    TC9SetOnGroupReadyCheckStartedHook(ready_started);
    TC9SetOnGroupReadyCheckMemberStateHook(ready_state);
    TC9SetOnGroupReadyCheckFinishedHook(ready_finished);
    TC9SetOnGroupMemberSubGroupChangedHook(subgroup);
    TC9SetOnGroupMemberFlagsChangedHook(flags);
    TC9SetOnGroupMemberStateChangedHook(member_state);
    TC9SetOnGroupInstanceResetRequestHook(instance_reset);
    TC9SetOnGroupInstanceBindExtensionRequestHook(bind_extension);
}

static void send_notifications(void) {
    TC9PlayerLeftBattleground(11, 1, 77);
    TC9BattlegroundStatusChanged(77, 3);
    TC9UpdateGroupMemberState(11, 1, 80, 1, 1519, 0, 100, 200, 0, 5, 10, 0);
    TC9ConfirmLfgDungeonRouteEntered(11, 389, 0, 5);
    TC9StartGroupReadyCheck(11, 30000);
    TC9SetGroupReadyCheckMemberState(12, 1);
    TC9FinishGroupReadyCheck(11);
    TC9ChangeGroupMemberSubGroup(11, 12, 2);
    TC9SetGroupMemberFlags(11, 12, 1, 2);
    GroupMaterializedLfgMember members[2] = {{.memberGuid = 11, .memberName = "Tank", .online = 1, .roles = 2}, {.memberGuid = 12, .memberName = "Healer", .online = 1, .roles = 4}};
    TC9RegisterMaterializedLfgGroup(5, 11, 1, 0, 0, members, 2);
    uint64_t players[2] = {11, 12};
    TC9CompleteLfgDungeon(261, 262, players, 2);
    EMIT("EVENT notified");
}

static void arena(void) {
    TC9RatedArenaParticipant participants[2] = {{.team = 0, .playerGuid = 11}, {.team = 1, .playerGuid = 12}};
    TC9FinishRatedArenaMatchResponse res = TC9FinishRatedArenaMatch(1, 0, 77, 2, 0, 1, 100, 200, 1500, 1600, participants, 2);
    EMIT("EVENT arena status=%u allianceTeam=%s allianceChange=%d hordeChange=%d members=%u firstRating=%u", res.status,
         res.allianceScore.teamName ? res.allianceScore.teamName : "-", res.allianceScore.ratingChange, res.hordeScore.ratingChange, res.membersSize,
         res.membersSize ? res.members[0].personalRating : 0);
    TC9FreeFinishRatedArenaMatchResponse(&res);
}

/* Runs one command line; returns 0 on quit. */
static int command(char* line) {
    char* verb = strtok(line, " \n");
    if (!verb) return 1;
    if (strcmp(verb, "quit") == 0) return 0;
    if (strcmp(verb, "quiet") == 0) {
        g_quiet = 1;
        return 1;
    }
    if (strcmp(verb, "guid") == 0) {
        int type = atoi(strtok(NULL, " \n")), realm = atoi(strtok(NULL, " \n"));
        uint64_t guid = type == 0 ? TC9GetNextAvailableCharacterGuid(realm) : type == 1 ? TC9GetNextAvailableItemGuid(realm) : TC9GetNextAvailableInstanceGuid(realm);
        EMIT("EVENT guid type=%d realm=%d value=%" PRIu64, type, realm, guid);
    } else if (strcmp(verb, "ready") == 0) {
        uint32_t maps[16];
        int n = 0;
        for (char* t = strtok(NULL, " \n"); t && n < 16; t = strtok(NULL, " \n")) maps[n++] = (uint32_t)atoi(t);
        TC9ReadyToAcceptPlayersFromMaps(maps, n);
        EMIT("EVENT ready n=%d", n);
    } else if (strcmp(verb, "sub") == 0) {
        EMIT("EVENT subscribed rc=%d", TC9NatsSubscribe(strtok(NULL, " \n"), nats_message));
    } else if (strcmp(verb, "pub") == 0) {
        char* subject = strtok(NULL, " \n");
        char* payload = strtok(NULL, "\n");
        EMIT("EVENT published rc=%d", TC9NatsPublish(subject, payload, payload ? (int)strlen(payload) : 0));
    } else if (strcmp(verb, "notify") == 0) {
        send_notifications();
    } else if (strcmp(verb, "arena") == 0) {
        arena();
    } else if (strcmp(verb, "stall") == 0) {
        EMIT("EVENT stalling");
        usleep((useconds_t)atoi(strtok(NULL, " \n")) * 1000u);
        EMIT("EVENT stalled");
    } else if (strcmp(verb, "version") == 0) {
        int major = 0, minor = 0, patch = 0;
        TC9GetVersion(&major, &minor, &patch);
        EMIT("EVENT version string=%s major=%d minor=%d patch=%d same=%d olderMinor=%d newerMinor=%d otherMajor=%d", TC9GetVersionString(), major, minor,
             patch, TC9CheckAbiCompatible(TC9_VERSION_MAJOR, TC9_VERSION_MINOR), TC9CheckAbiCompatible(1, 0), TC9CheckAbiCompatible(1, 99),
             TC9CheckAbiCompatible(2, 0));
    }
    return 1;
}

int main(int argc, char** argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s <game port> <realm> <crossrealm 0|1> <available maps> [tick ms]\n", argv[0]);
        return 2;
    }
    g_world = pthread_self();
    uint32_t* assigned = NULL;
    int assigned_n = 0;
    TC9InitLib((uint16_t)atoi(argv[1]), (uint32_t)atoi(argv[2]), (uint8_t)atoi(argv[3]), argv[4], &assigned, &assigned_n);
    EMIT("EVENT init assigned=%d firstAssigned=%u", assigned_n, assigned_n ? assigned[0] : 0);
    free(assigned);
    install();
    int tick_ms = argc > 5 ? atoi(argv[5]) : 5;
    char line[4096];
    size_t used = 0;
    for (int running = 1; running;) {
        TC9ProcessGRPCOrHTTPRequests();
        TC9ProcessEventsHooks();
        struct pollfd in = {.fd = 0, .events = POLLIN};
        if (tick_ms == 0) sched_yield();
        if (poll(&in, 1, tick_ms) > 0) {
            ssize_t n = read(0, line + used, sizeof line - 1 - used);
            if (n <= 0) break;
            used += (size_t)n;
            line[used] = '\0';
            char* end;
            while (running && (end = strchr(line, '\n')) != NULL) {
                *end = '\0';
                char cmd[4096];
                strcpy(cmd, line);
                memmove(line, end + 1, used - (size_t)(end + 1 - line) + 1);
                used -= (size_t)(end + 1 - line);
                running = command(cmd);
            }
        }
    }
    TC9GracefulShutdown();
    EMIT("EVENT stopped");
    return 0;
}

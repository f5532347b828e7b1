#include "requests.h"

#include "protocol.h"

int tc9_request_is_read(uint8_t kind) {
    switch (kind) {
        case TC9_REQ_HEALTH_PROBE:
        case TC9_REQ_MONITORING:
        case TC9_REQ_GET_ITEMS:
        case TC9_REQ_GET_MONEY:
        case TC9_REQ_INTERACT_NPC:
        case TC9_REQ_INTERACT_GO:
        case TC9_REQ_LFG_LOCK_INFO:
        case TC9_REQ_LFG_PLAYER_INFO:
        case TC9_REQ_LFG_DUNGEON_INFO:
            return 1;
        default:
            return 0;
    }
}

int tc9_request_run(uint8_t kind, tc9_reader* r, tc9_writer* w) {
    if (kind == TC9_REQ_HEALTH_PROBE) return 1; /* reaching the world thread is the answer */
    int known = tc9_request_items(kind, r, w) || tc9_request_battleground(kind, r, w) || tc9_request_lfg(kind, r, w);
    return known && !r->failed;
}

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"
#include "libsidecar.h"
#include "log.h"
#include "protocol.h"
#include "runtime.h"

typedef struct {
    uint32_t* ids;
    int n;
} map_set;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static map_set g_owned;
static map_set g_ready;
/* Set once TC9InitLib returned the owned maps to the worldserver (or returned none after its
 * timeout): from then on every change of the owned maps reaches it as a maps-reassigned hook. */
static int g_handed_over;

static int contains(const map_set* s, uint32_t id) {
    for (int i = 0; i < s->n; i++)
        if (s->ids[i] == id) return 1;
    return 0;
}

static void add(map_set* s, uint32_t id) {
    if (contains(s, id)) return;
    uint32_t* grown = realloc(s->ids, sizeof(uint32_t) * (size_t)(s->n + 1));
    if (!grown) return;
    s->ids = grown;
    s->ids[s->n++] = id;
}

static void remove_id(map_set* s, uint32_t id) {
    for (int i = 0; i < s->n; i++) {
        if (s->ids[i] == id) {
            s->ids[i] = s->ids[--s->n];
            return;
        }
    }
}

static void clear(map_set* s) {
    free(s->ids);
    s->ids = NULL;
    s->n = 0;
}

void tc9_maps_on_welcome(const uint32_t* maps, int n) {
    map_set next = {0};
    for (int i = 0; i < n; i++) add(&next, maps[i]);
    tc9_writer w;
    tc9_writer_init(&w);
    pthread_mutex_lock(&g_lock);
    int handed_over = g_handed_over;
    map_set added = {0}, removed = {0};
    for (int i = 0; i < next.n; i++)
        if (!contains(&g_owned, next.ids[i])) add(&added, next.ids[i]);
    for (int i = 0; i < g_owned.n; i++)
        if (!contains(&next, g_owned.ids[i])) add(&removed, g_owned.ids[i]);
    clear(&g_owned);
    g_owned = next;
    pthread_mutex_unlock(&g_lock);
    if (handed_over && (added.n || removed.n)) {
        tc9_put_u32_list(&w, added.ids, added.n);
        tc9_put_u32_list(&w, removed.ids, removed.n);
        tc9_task* task = w.failed ? NULL : tc9_task_new(TC9_HOOK_MAPS_REASSIGNED, 0, w.data, (uint32_t)w.len);
        if (task) tc9_queue_push(&tc9_hook_queue, task);
        tc9_log(TC9_LOG_INFO, "assigned maps changed on registration: %d added, %d removed", added.n, removed.n);
    }
    tc9_writer_free(&w);
    clear(&added);
    clear(&removed);
}

void tc9_maps_on_reassigned(tc9_reader r) {
    int added_n = 0, removed_n = 0;
    uint32_t* added = tc9_get_u32_list(&r, &added_n);
    uint32_t* removed = tc9_get_u32_list(&r, &removed_n);
    if (!r.failed) {
        pthread_mutex_lock(&g_lock);
        for (int i = 0; i < added_n; i++) add(&g_owned, added[i]);
        for (int i = 0; i < removed_n; i++) remove_id(&g_owned, removed[i]);
        pthread_mutex_unlock(&g_lock);
    }
    free(added);
    free(removed);
}

uint32_t* tc9_maps_hand_over(int* n) {
    pthread_mutex_lock(&g_lock);
    g_handed_over = 1;
    *n = g_owned.n;
    uint32_t* copy = g_owned.n ? malloc(sizeof(uint32_t) * (size_t)g_owned.n) : NULL;
    if (copy) memcpy(copy, g_owned.ids, sizeof(uint32_t) * (size_t)g_owned.n);
    else *n = 0;
    pthread_mutex_unlock(&g_lock);
    return copy;
}

static void send_ready_locked(void) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u32_list(&w, g_ready.ids, g_ready.n);
    if (w.failed || tc9_bridge_send(TC9_FRAME_MAPS_READY, 0, w.data, w.len) != 0)
        tc9_log(TC9_LOG_WARN, "maps-ready notification not sent now: the sidecar process is not connected (it is re-sent on connection)");
    tc9_writer_free(&w);
}

void tc9_maps_ready(const uint32_t* maps, int n) {
    pthread_mutex_lock(&g_lock);
    for (int i = 0; maps && i < n; i++) add(&g_ready, maps[i]);
    send_ready_locked();
    pthread_mutex_unlock(&g_lock);
}

void tc9_maps_resend_ready(void) {
    pthread_mutex_lock(&g_lock);
    if (g_ready.n) send_ready_locked();
    pthread_mutex_unlock(&g_lock);
}

void tc9_maps_reset(void) {
    pthread_mutex_lock(&g_lock);
    clear(&g_owned);
    clear(&g_ready);
    g_handed_over = 0;
    pthread_mutex_unlock(&g_lock);
}

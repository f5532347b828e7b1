#include "guids.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "bridge.h"
#include "log.h"
#include "protocol.h"

typedef struct {
    uint64_t first;
    uint64_t last; /* inclusive */
} guid_range;

typedef struct guid_pool {
    struct guid_pool* next;
    int type;
    uint32_t realm;
    guid_range* ranges;
    size_t count;
    size_t cap;
    int requested;
} guid_pool;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t refilled;
    guid_pool* pools;
    uint32_t own_realm;
    uint32_t buffer[3];
    uint32_t wait_ms;
    int shutting_down;
} g = {.lock = PTHREAD_MUTEX_INITIALIZER, .refilled = PTHREAD_COND_INITIALIZER};

static guid_pool* find_pool(int type, uint32_t realm, int create) {
    for (guid_pool* p = g.pools; p; p = p->next)
        if (p->type == type && p->realm == realm) return p;
    if (!create) return NULL;
    guid_pool* p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->type = type;
    p->realm = realm;
    p->next = g.pools;
    g.pools = p;
    return p;
}

static uint64_t available(const guid_pool* p) {
    uint64_t n = 0;
    for (size_t i = 0; i < p->count; i++) n += p->ranges[i].last - p->ranges[i].first + 1;
    return n;
}

/* Asks for a refill when the pool is at or below half its buffer; lock held. */
static void maybe_request(guid_pool* p) {
    uint32_t buffer = g.buffer[p->type];
    if (p->requested || available(p) > buffer / 2) return;
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_u8(&w, (uint8_t)p->type);
    tc9_put_u32(&w, p->realm);
    tc9_put_u64(&w, buffer);
    if (!w.failed && tc9_bridge_send(TC9_FRAME_GUID_REQUEST, 0, w.data, w.len) == 0) p->requested = 1;
    tc9_writer_free(&w);
}

void tc9_guids_init(uint32_t own_realm, const uint32_t buffer_sizes[3], uint32_t wait_ms) {
    pthread_mutex_lock(&g.lock);
    g.own_realm = own_realm;
    for (int i = 0; i < 3; i++) g.buffer[i] = buffer_sizes[i];
    g.wait_ms = wait_ms;
    g.shutting_down = 0;
    for (int type = 0; type < 3; type++) find_pool(type, own_realm, 1);
    pthread_mutex_unlock(&g.lock);
}

static void deadline_after(struct timespec* at, uint32_t ms) {
    clock_gettime(CLOCK_REALTIME, at);
    at->tv_sec += ms / 1000;
    at->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (at->tv_nsec >= 1000000000L) {
        at->tv_sec++;
        at->tv_nsec -= 1000000000L;
    }
}

uint64_t tc9_guids_next(int type, uint32_t realm) {
    if (type < 0 || type > 2) return 0;
    if (realm == 0) realm = g.own_realm;
    pthread_mutex_lock(&g.lock);
    guid_pool* p = find_pool(type, realm, 1);
    if (!p) {
        pthread_mutex_unlock(&g.lock);
        return 0;
    }
    maybe_request(p);
    if (p->count == 0) {
        tc9_log(TC9_LOG_WARN, "GUID pool (type %d, realm %u) is empty; waiting up to %u ms for a refill", type, realm, g.wait_ms);
        struct timespec until;
        deadline_after(&until, g.wait_ms);
        while (p->count == 0 && !g.shutting_down) {
            maybe_request(p);
            if (pthread_cond_timedwait(&g.refilled, &g.lock, &until) == ETIMEDOUT) break;
        }
    }
    uint64_t guid = 0;
    if (p->count > 0) {
        guid = p->ranges[0].first;
        if (p->ranges[0].first == p->ranges[0].last) {
            p->count--;
            for (size_t i = 0; i < p->count; i++) p->ranges[i] = p->ranges[i + 1];
        } else {
            p->ranges[0].first++;
        }
        maybe_request(p);
    } else {
        tc9_log(TC9_LOG_ERROR, "no GUID of type %d for realm %u within %u ms; is the guid service reachable from the sidecar process?", type, realm, g.wait_ms);
    }
    pthread_mutex_unlock(&g.lock);
    return guid;
}

void tc9_guids_on_connected(void) {
    pthread_mutex_lock(&g.lock);
    for (guid_pool* p = g.pools; p; p = p->next) {
        p->requested = 0;
        maybe_request(p);
    }
    pthread_mutex_unlock(&g.lock);
}

void tc9_guids_on_disconnected(void) {
    pthread_mutex_lock(&g.lock);
    for (guid_pool* p = g.pools; p; p = p->next) p->requested = 0;
    pthread_mutex_unlock(&g.lock);
}

void tc9_guids_on_pool(tc9_reader* r) {
    int type = tc9_get_u8(r);
    uint32_t realm = tc9_get_u32(r);
    uint32_t n = tc9_get_count(r, 16);
    if (r->failed || type > 2) return;
    pthread_mutex_lock(&g.lock);
    guid_pool* p = find_pool(type, realm, 1);
    for (uint32_t i = 0; p && i < n; i++) {
        guid_range range = {.first = tc9_get_u64(r)};
        range.last = tc9_get_u64(r);
        if (range.last < range.first) continue;
        if (p->count == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 4;
            guid_range* grown = realloc(p->ranges, cap * sizeof *grown);
            if (!grown) break;
            p->ranges = grown;
            p->cap = cap;
        }
        p->ranges[p->count++] = range;
    }
    if (p) p->requested = 0;
    pthread_cond_broadcast(&g.refilled);
    pthread_mutex_unlock(&g.lock);
}

void tc9_guids_shutdown(void) {
    pthread_mutex_lock(&g.lock);
    g.shutting_down = 1;
    pthread_cond_broadcast(&g.refilled);
    guid_pool* p = g.pools;
    g.pools = NULL;
    pthread_mutex_unlock(&g.lock);
    while (p) {
        guid_pool* next = p->next;
        free(p->ranges);
        free(p);
        p = next;
    }
}

/* Lifecycle, version, the two world-thread process functions and the I/O thread's frame
 * dispatch. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bridge.h"
#include "calls.h"
#include "config.h"
#include "guids.h"
#include "hooks.h"
#include "libsidecar.h"
#include "log.h"
#include "nats.h"
#include "protocol.h"
#include "requests.h"
#include "runtime.h"

tc9_queue tc9_read_queue;
tc9_queue tc9_write_queue;
tc9_queue tc9_hook_queue;

static tc9_config g_config;
static int g_initialized;
static pthread_mutex_t g_welcome_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_welcomed = PTHREAD_COND_INITIALIZER;
static int g_registered;

uint32_t tc9_runtime_call_timeout_ms(void) { return g_config.call_timeout_ms ? g_config.call_timeout_ms : 5000; }

TC9_API void TC9GetVersion(int* major, int* minor, int* patch) {
    if (major) *major = TC9_VERSION_MAJOR;
    if (minor) *minor = TC9_VERSION_MINOR;
    if (patch) *patch = TC9_VERSION_PATCH;
}

TC9_API const char* TC9GetVersionString(void) { return TC9_VERSION_STRING; }

TC9_API int TC9CheckAbiCompatible(int required_major, int required_minor) {
    if (required_major != TC9_VERSION_MAJOR) return 1;
    if (required_minor > TC9_VERSION_MINOR) return 2;
    return 0;
}

static void on_welcome(tc9_reader* r) {
    uint8_t registered = tc9_get_u8(r);
    char* text = tc9_get_str(r);
    int n = 0;
    uint32_t* maps = tc9_get_u32_list(r, &n);
    if (r->failed) {
        tc9_log(TC9_LOG_ERROR, "malformed WELCOME from the sidecar process");
    } else if (!registered) {
        tc9_log(TC9_LOG_ERROR, "the sidecar process could not register this worldserver: %s", text);
    } else {
        tc9_log(TC9_LOG_INFO, "registered with the cluster as %s (%d maps assigned)", text, n);
        tc9_maps_on_welcome(maps, n);
        pthread_mutex_lock(&g_welcome_lock);
        g_registered = 1;
        pthread_cond_broadcast(&g_welcomed);
        pthread_mutex_unlock(&g_welcome_lock);
    }
    free(text);
    free(maps);
}

static void queue_request(uint32_t id, tc9_reader* r) {
    uint8_t kind = tc9_get_u8(r);
    uint32_t deadline_ms = tc9_get_u32(r);
    if (r->failed) return;
    tc9_task* task = tc9_task_new(kind, id, r->data + r->pos, (uint32_t)(r->len - r->pos));
    if (!task) {
        tc9_log(TC9_LOG_ERROR, "out of memory queueing request %u", id);
        return;
    }
    task->generation = tc9_bridge_generation();
    task->deadline_ms = tc9_now_ms() + deadline_ms;
    tc9_queue_push(tc9_request_is_read(kind) ? &tc9_read_queue : &tc9_write_queue, task);
}

static void queue_hook(uint8_t kind, uint32_t id, const uint8_t* body, uint32_t len) {
    tc9_task* task = tc9_task_new(kind, id, body, len);
    if (!task) {
        tc9_log(TC9_LOG_ERROR, "out of memory queueing hook %u", kind);
        return;
    }
    tc9_queue_push(&tc9_hook_queue, task);
}

static void on_frame(uint8_t type, uint32_t id, const uint8_t* body, uint32_t len) {
    tc9_reader r;
    tc9_reader_init(&r, body, len);
    switch (type) {
        case TC9_FRAME_WELCOME: on_welcome(&r); break;
        case TC9_FRAME_REQUEST: queue_request(id, &r); break;
        case TC9_FRAME_GUID_POOL: tc9_guids_on_pool(&r); break;
        case TC9_FRAME_CALL_RESULT: tc9_calls_on_result(id, body, len); break;
        case TC9_FRAME_NATS_MESSAGE: queue_hook(TC9_TASK_NATS_MESSAGE, id, body, len); break;
        case TC9_FRAME_HOOK: {
            uint8_t kind = tc9_get_u8(&r);
            if (r.failed || kind == TC9_TASK_NATS_MESSAGE) break;
            tc9_reader rest;
            tc9_reader_init(&rest, body + 1, len - 1);
            if (kind == TC9_HOOK_MAPS_REASSIGNED) tc9_maps_on_reassigned(rest);
            queue_hook(kind, 0, body + 1, len - 1);
            break;
        }
        default:
            tc9_log(TC9_LOG_DEBUG, "ignoring frame type %u from the sidecar process", type);
    }
}

static void on_connected(uint32_t generation) {
    (void)generation;
    tc9_guids_on_connected();
    tc9_nats_on_connected();
    tc9_maps_resend_ready();
}

static void on_disconnected(uint32_t generation) {
    int dropped = tc9_queue_drop_generation(&tc9_read_queue, generation) + tc9_queue_drop_generation(&tc9_write_queue, generation);
    if (dropped) tc9_log(TC9_LOG_WARN, "%d queued requests dropped: the sidecar process that sent them is gone", dropped);
    tc9_calls_fail_all();
    tc9_guids_on_disconnected();
}

static int wait_for_registration(uint32_t timeout_ms) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&g_welcome_lock);
    while (!g_registered) {
        if (pthread_cond_timedwait(&g_welcomed, &g_welcome_lock, &until) == ETIMEDOUT) break;
    }
    int registered = g_registered;
    pthread_mutex_unlock(&g_welcome_lock);
    return registered;
}

TC9_API void TC9InitLib(uint16_t port, uint32_t realmID, uint8_t isCrossRealm, char* availableMaps, uint32_t** assignedMaps, int* assignedMapsSize) {
    if (assignedMaps) *assignedMaps = NULL;
    if (assignedMapsSize) *assignedMapsSize = 0;
    if (g_initialized) {
        tc9_log(TC9_LOG_WARN, "TC9InitLib called twice; the library is already initialised");
        return;
    }
    tc9_config_load(&g_config);
    tc9_guids_init(realmID, g_config.guid_buffer, g_config.guid_wait_ms);

    tc9_writer hello;
    tc9_writer_init(&hello);
    tc9_put_u16(&hello, TC9_PROTOCOL_VERSION);
    tc9_put_u16(&hello, TC9_VERSION_MAJOR);
    tc9_put_u16(&hello, TC9_VERSION_MINOR);
    tc9_put_u16(&hello, TC9_VERSION_PATCH);
    tc9_put_u32(&hello, (uint32_t)getpid());
    tc9_put_u16(&hello, port);
    tc9_put_u32(&hello, realmID);
    tc9_put_u8(&hello, isCrossRealm ? 1 : 0);
    tc9_put_str(&hello, availableMaps);
    tc9_bridge_events events = {.on_connected = on_connected, .on_frame = on_frame, .on_disconnected = on_disconnected};
    int started = !hello.failed && tc9_bridge_start(g_config.socket_path, hello.data, hello.len, &events) == 0;
    tc9_writer_free(&hello);
    if (!started) {
        tc9_log(TC9_LOG_ERROR, "could not start the I/O thread; cluster mode is off");
        tc9_guids_shutdown();
        return;
    }
    g_initialized = 1;
    if (!wait_for_registration(g_config.connect_timeout_ms)) {
        tc9_log(TC9_LOG_ERROR,
                "not registered within %u ms: start the tc9 sidecar process on %s (TC9_SIDECAR_SOCKET); the maps it assigns later arrive through the maps-reassigned hook",
                g_config.connect_timeout_ms, g_config.socket_path);
    }
    /* Handed over under the maps lock: a WELCOME racing the timeout is either in this copy or
     * queued as a hook, never lost. */
    int n = 0;
    uint32_t* maps = tc9_maps_hand_over(&n);
    if (assignedMaps) *assignedMaps = maps;
    else free(maps);
    if (assignedMapsSize) *assignedMapsSize = n;
}

TC9_API void TC9GracefulShutdown() {
    if (!g_initialized) return;
    tc9_bridge_stop();
    tc9_calls_fail_all();
    tc9_queue_clear(&tc9_read_queue);
    tc9_queue_clear(&tc9_write_queue);
    tc9_queue_clear(&tc9_hook_queue);
    tc9_guids_shutdown();
    tc9_nats_shutdown();
    tc9_maps_reset();
    pthread_mutex_lock(&g_welcome_lock);
    g_registered = 0;
    pthread_mutex_unlock(&g_welcome_lock);
    g_initialized = 0;
    tc9_log(TC9_LOG_INFO, "stopped");
}

static void run_requests(tc9_task* task) {
    uint32_t current = tc9_bridge_generation();
    while (task) {
        tc9_task* next = task->next;
        if (task->generation == current) {
            tc9_writer w;
            tc9_writer_init(&w);
            if (tc9_now_ms() > task->deadline_ms) {
                tc9_put_u8(&w, TC9_OUTCOME_EXPIRED);
                tc9_log(TC9_LOG_WARN, "request %u (kind %u) expired before the world loop ran it", task->id, task->kind);
            } else {
                tc9_reader r;
                tc9_reader_init(&r, task->body, task->len);
                tc9_put_u8(&w, TC9_OUTCOME_DONE);
                if (!tc9_request_run(task->kind, &r, &w)) {
                    w.len = 0;
                    tc9_put_u8(&w, TC9_OUTCOME_MALFORMED);
                    tc9_log(TC9_LOG_WARN, "request %u (kind %u) was malformed and not run", task->id, task->kind);
                }
            }
            if (!w.failed) tc9_bridge_send_on(task->generation, TC9_FRAME_RESPONSE, task->id, w.data, w.len);
            tc9_writer_free(&w);
        }
        free(task);
        task = next;
    }
}

TC9_API void TC9ProcessGRPCOrHTTPRequests() {
    run_requests(tc9_queue_take_all(&tc9_read_queue));
    run_requests(tc9_queue_take_all(&tc9_write_queue));
}

TC9_API void TC9ProcessEventsHooks() {
    tc9_task* task = tc9_queue_take_all(&tc9_hook_queue);
    while (task) {
        tc9_task* next = task->next;
        tc9_reader r;
        tc9_reader_init(&r, task->body, task->len);
        if (task->kind == TC9_TASK_NATS_MESSAGE) tc9_nats_deliver(task->id, &r);
        else if (!tc9_hook_run(task->kind, &r)) tc9_log(TC9_LOG_WARN, "hook %u was malformed or unknown and not delivered", task->kind);
        free(task);
        task = next;
    }
}

TC9_API uint64_t TC9GetNextAvailableCharacterGuid(int realmID) { return g_initialized ? tc9_guids_next(TC9_GUID_CHARACTER, (uint32_t)realmID) : 0; }
TC9_API uint64_t TC9GetNextAvailableItemGuid(int realmID) { return g_initialized ? tc9_guids_next(TC9_GUID_ITEM, (uint32_t)realmID) : 0; }
TC9_API uint64_t TC9GetNextAvailableInstanceGuid(int realmID) { return g_initialized ? tc9_guids_next(TC9_GUID_INSTANCE, (uint32_t)realmID) : 0; }

TC9_API void TC9ReadyToAcceptPlayersFromMaps(uint32_t* maps, int mapsLen) { tc9_maps_ready(maps, mapsLen); }

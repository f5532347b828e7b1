#include "calls.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bridge.h"
#include "log.h"
#include "protocol.h"

typedef struct pending_call {
    struct pending_call* next;
    uint32_t id;
    int done;   /* 1 answered, -1 failed */
    uint8_t* body;
    uint32_t len;
} pending_call;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_answered = PTHREAD_COND_INITIALIZER;
static pending_call* g_pending;
static uint32_t g_next_id = 1;

static void unlink_call(pending_call* call) {
    for (pending_call** link = &g_pending; *link; link = &(*link)->next) {
        if (*link == call) {
            *link = call->next;
            return;
        }
    }
}

int tc9_call(uint8_t kind, const tc9_writer* body, uint32_t timeout_ms, uint8_t** result, uint32_t* result_len) {
    *result = NULL;
    *result_len = 0;
    if (body->failed) return -1;
    tc9_writer frame;
    tc9_writer_init(&frame);
    tc9_put_u8(&frame, kind);
    tc9_put_raw(&frame, body->data, body->len);
    pending_call call = {0};
    pthread_mutex_lock(&g_lock);
    call.id = g_next_id++;
    call.next = g_pending;
    g_pending = &call;
    pthread_mutex_unlock(&g_lock);

    int sent = !frame.failed && tc9_bridge_send(TC9_FRAME_CALL, call.id, frame.data, frame.len) == 0;
    tc9_writer_free(&frame);

    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&g_lock);
    while (sent && call.done == 0) {
        if (pthread_cond_timedwait(&g_answered, &g_lock, &until) == ETIMEDOUT) break;
    }
    unlink_call(&call);
    pthread_mutex_unlock(&g_lock);
    if (call.done == 1) {
        *result = call.body;
        *result_len = call.len;
        return 0;
    }
    free(call.body);
    tc9_log(TC9_LOG_ERROR, "call %u to the sidecar process failed: %s", kind,
            !sent ? "not connected" : call.done == -1 ? "connection lost" : "no answer within the timeout");
    return -1;
}

void tc9_calls_on_result(uint32_t id, const uint8_t* body, uint32_t len) {
    pthread_mutex_lock(&g_lock);
    for (pending_call* call = g_pending; call; call = call->next) {
        if (call->id != id || call->done) continue;
        call->body = malloc(len ? len : 1);
        if (call->body) {
            memcpy(call->body, body, len);
            call->len = len;
            call->done = 1;
        } else {
            call->done = -1;
        }
        break;
    }
    pthread_cond_broadcast(&g_answered);
    pthread_mutex_unlock(&g_lock);
}

void tc9_calls_fail_all(void) {
    pthread_mutex_lock(&g_lock);
    for (pending_call* call = g_pending; call; call = call->next)
        if (!call->done) call->done = -1;
    pthread_cond_broadcast(&g_answered);
    pthread_mutex_unlock(&g_lock);
}

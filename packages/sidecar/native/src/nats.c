#include "nats.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"
#include "libsidecar.h"
#include "log.h"
#include "protocol.h"

typedef struct subscription {
    struct subscription* next;
    uint32_t id;
    char* subject;
    TC9NatsMessageHandler handler;
} subscription;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static subscription* g_subs;
static uint32_t g_next_id = 1;

static void send_subscribe(const subscription* sub) {
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_str(&w, sub->subject);
    if (!w.failed) tc9_bridge_send(TC9_FRAME_NATS_SUBSCRIBE, sub->id, w.data, w.len);
    tc9_writer_free(&w);
}

TC9_API int TC9NatsPublish(const char* subject, const char* payload, int payloadLen) {
    if (!subject || !*subject || payloadLen < 0 || (payloadLen > 0 && !payload)) return -1;
    tc9_writer w;
    tc9_writer_init(&w);
    tc9_put_str(&w, subject);
    tc9_put_bytes(&w, payload, (size_t)payloadLen);
    int rc = w.failed ? -1 : tc9_bridge_send(TC9_FRAME_NATS_PUBLISH, 0, w.data, w.len);
    tc9_writer_free(&w);
    if (rc != 0) tc9_log(TC9_LOG_WARN, "NATS publish to %s dropped: the sidecar process is not connected", subject);
    return rc;
}

TC9_API int TC9NatsSubscribe(const char* subject, TC9NatsMessageHandler handler) {
    if (!subject || !*subject || !handler) return -1;
    subscription* sub = calloc(1, sizeof *sub);
    char* copy = sub ? strdup(subject) : NULL;
    if (!copy) {
        free(sub);
        return -1;
    }
    sub->subject = copy;
    sub->handler = handler;
    pthread_mutex_lock(&g_lock);
    sub->id = g_next_id++;
    sub->next = g_subs;
    g_subs = sub;
    send_subscribe(sub); /* when not connected, on_connected sends it later */
    pthread_mutex_unlock(&g_lock);
    return 0;
}

void tc9_nats_on_connected(void) {
    pthread_mutex_lock(&g_lock);
    for (subscription* sub = g_subs; sub; sub = sub->next) send_subscribe(sub);
    pthread_mutex_unlock(&g_lock);
}

void tc9_nats_deliver(uint32_t subscription_id, tc9_reader* r) {
    char* subject = tc9_get_str(r);
    uint32_t len = 0;
    const uint8_t* payload = tc9_get_bytes(r, &len);
    TC9NatsMessageHandler handler = NULL;
    pthread_mutex_lock(&g_lock);
    for (subscription* sub = g_subs; sub; sub = sub->next)
        if (sub->id == subscription_id) handler = sub->handler;
    pthread_mutex_unlock(&g_lock);
    if (!r->failed && handler) handler(subject, (const char*)(payload ? payload : (const uint8_t*)""), (int)len);
    free(subject);
}

void tc9_nats_shutdown(void) {
    pthread_mutex_lock(&g_lock);
    subscription* sub = g_subs;
    g_subs = NULL;
    pthread_mutex_unlock(&g_lock);
    while (sub) {
        subscription* next = sub->next;
        free(sub->subject);
        free(sub);
        sub = next;
    }
}

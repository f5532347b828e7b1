#include "bridge.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "protocol.h"

/* Outbound bytes kept while the sidecar process is slow; beyond this, frames are refused. */
#define SEND_QUEUE_MAX (64u * 1024u * 1024u)
#define BACKOFF_MIN_MS 50
#define BACKOFF_MAX_MS 1000
#define STOP_FLUSH_MS 1000

static struct {
    pthread_mutex_t lock;
    pthread_cond_t stop_cond;
    pthread_t thread;
    int running;
    int stopping;
    int fd;
    uint32_t generation;   /* connections made so far; current one when fd >= 0 */
    int wake[2];
    uint8_t* out;
    size_t out_len;
    size_t out_cap;
    uint8_t* hello;
    size_t hello_len;
    char path[108];
    tc9_bridge_events events;
} g = {.lock = PTHREAD_MUTEX_INITIALIZER, .stop_cond = PTHREAD_COND_INITIALIZER, .fd = -1, .wake = {-1, -1}};

static void wake_io(void) {
    if (g.wake[1] >= 0) {
        ssize_t ignored = write(g.wake[1], "w", 1);
        (void)ignored;
    }
}

/* Appends one frame to the outbound queue; call with the lock held. */
static int enqueue_locked(uint8_t type, uint32_t id, const uint8_t* body, size_t len) {
    size_t frame = 4 + TC9_FRAME_HEADER + len;
    if (len > TC9_FRAME_MAX - TC9_FRAME_HEADER || g.out_len + frame > SEND_QUEUE_MAX) {
        tc9_log(TC9_LOG_ERROR, "frame of %zu bytes refused: the sidecar process is not reading (queue %zu bytes)", len, g.out_len);
        return -1;
    }
    if (g.out_len + frame > g.out_cap) {
        size_t cap = g.out_cap ? g.out_cap : 4096;
        while (cap < g.out_len + frame) cap *= 2;
        uint8_t* grown = realloc(g.out, cap);
        if (!grown) return -1;
        g.out = grown;
        g.out_cap = cap;
    }
    uint8_t* at = g.out + g.out_len;
    uint32_t length = (uint32_t)(TC9_FRAME_HEADER + len);
    for (int i = 0; i < 4; i++) at[i] = (uint8_t)(length >> (8 * i));
    at[4] = type;
    for (int i = 0; i < 4; i++) at[5 + i] = (uint8_t)(id >> (8 * i));
    if (len) memcpy(at + 9, body, len);
    g.out_len += frame;
    return 0;
}

/* Writes what the socket takes of the queue; call with the lock held. Returns -1 when the
 * connection broke (what was not written stays queued). */
static int write_queued_locked(int fd) {
    while (g.out_len > 0) {
        ssize_t n = send(fd, g.out, g.out_len, MSG_NOSIGNAL);
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        memmove(g.out, g.out + n, g.out_len - (size_t)n);
        g.out_len -= (size_t)n;
    }
    return 0;
}

/* A frame with nothing queued before it is written at once by the calling thread (the socket
 * is non-blocking); the I/O thread is woken only for what the socket did not take, or to
 * notice a broken connection. So an answer costs no thread wakeup on its way out. */
int tc9_bridge_send_on(uint32_t generation, uint8_t type, uint32_t id, const uint8_t* body, size_t len) {
    pthread_mutex_lock(&g.lock);
    int rc = -1;
    int wake = 0;
    if (g.fd >= 0 && (generation == 0 || generation == g.generation)) {
        int was_empty = g.out_len == 0;
        rc = enqueue_locked(type, id, body, len);
        if (rc == 0) wake = !was_empty || write_queued_locked(g.fd) != 0 || g.out_len > 0;
    }
    pthread_mutex_unlock(&g.lock);
    if (wake) wake_io();
    return rc;
}

int tc9_bridge_send(uint8_t type, uint32_t id, const uint8_t* body, size_t len) {
    return tc9_bridge_send_on(0, type, id, body, len);
}

uint32_t tc9_bridge_generation(void) {
    pthread_mutex_lock(&g.lock);
    uint32_t generation = g.fd >= 0 ? g.generation : 0;
    pthread_mutex_unlock(&g.lock);
    return generation;
}

/* Waits `ms` or until stop is asked; returns 1 when stopping. */
static int sleep_unless_stopping(int ms) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&g.lock);
    while (!g.stopping && pthread_cond_timedwait(&g.stop_cond, &g.lock, &until) != ETIMEDOUT) {}
    int stopping = g.stopping;
    pthread_mutex_unlock(&g.lock);
    return stopping;
}

static int connect_socket(void) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    memcpy(addr.sun_path, g.path, strlen(g.path));
    if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

/* Writes what it can; returns -1 when the connection broke. */
static int flush_some(int fd) {
    pthread_mutex_lock(&g.lock);
    int rc = write_queued_locked(fd);
    pthread_mutex_unlock(&g.lock);
    return rc;
}

/* Hands every complete frame in `in` to on_frame; returns -1 on a malformed length. */
static int deliver_frames(uint8_t* in, size_t* in_len) {
    size_t pos = 0;
    while (*in_len - pos >= 4) {
        uint32_t length = (uint32_t)in[pos] | (uint32_t)in[pos + 1] << 8 | (uint32_t)in[pos + 2] << 16 | (uint32_t)in[pos + 3] << 24;
        if (length < TC9_FRAME_HEADER || length > TC9_FRAME_MAX) {
            tc9_log(TC9_LOG_ERROR, "malformed frame length %u from the sidecar process; reconnecting", length);
            return -1;
        }
        if (*in_len - pos - 4 < length) break;
        const uint8_t* frame = in + pos + 4;
        uint32_t id = (uint32_t)frame[1] | (uint32_t)frame[2] << 8 | (uint32_t)frame[3] << 16 | (uint32_t)frame[4] << 24;
        g.events.on_frame(frame[0], id, frame + TC9_FRAME_HEADER, length - TC9_FRAME_HEADER);
        pos += 4 + (size_t)length;
    }
    memmove(in, in + pos, *in_len - pos);
    *in_len -= pos;
    return 0;
}

static int is_stopping(void) {
    pthread_mutex_lock(&g.lock);
    int stopping = g.stopping;
    pthread_mutex_unlock(&g.lock);
    return stopping;
}

static int pending_out(void) {
    pthread_mutex_lock(&g.lock);
    int pending = g.out_len > 0;
    pthread_mutex_unlock(&g.lock);
    return pending;
}

/* Serves one connection until it breaks or stop is asked. */
static void serve_connection(int fd) {
    size_t in_cap = 64 * 1024, in_len = 0;
    uint8_t* in = malloc(in_cap);
    if (!in) return;
    struct timespec stop_started = {0, 0};
    for (;;) {
        int stopping = is_stopping();
        if (stopping) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (stop_started.tv_sec == 0) stop_started = now;
            long elapsed = (now.tv_sec - stop_started.tv_sec) * 1000L + (now.tv_nsec - stop_started.tv_nsec) / 1000000L;
            if (!pending_out() || elapsed > STOP_FLUSH_MS) break;
        }
        struct pollfd fds[2] = {{.fd = fd, .events = POLLIN | (pending_out() ? POLLOUT : 0)}, {.fd = g.wake[0], .events = POLLIN}};
        if (poll(fds, 2, stopping ? 50 : 1000) < 0 && errno != EINTR) break;
        if (fds[1].revents & POLLIN) {
            char drain[64];
            while (read(g.wake[0], drain, sizeof drain) > 0) {}
        }
        if ((fds[0].revents & POLLOUT) && flush_some(fd) != 0) break;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (in_cap - in_len < 4096) {
                size_t cap = in_cap * 2;
                if (cap > TC9_FRAME_MAX + 4 + 65536) cap = TC9_FRAME_MAX + 4 + 65536;
                uint8_t* grown = cap > in_cap ? realloc(in, cap) : NULL;
                if (!grown) break;
                in = grown;
                in_cap = cap;
            }
            ssize_t n = recv(fd, in + in_len, in_cap - in_len, 0);
            if (n == 0) break;
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
                break;
            }
            in_len += (size_t)n;
            if (deliver_frames(in, &in_len) != 0) break;
        }
    }
    free(in);
}

static void* io_main(void* unused) {
    (void)unused;
    int backoff = BACKOFF_MIN_MS;
    int warned = 0;
    while (!is_stopping()) {
        int fd = connect_socket();
        if (fd < 0) {
            if (!warned) tc9_log(TC9_LOG_WARN, "sidecar process not reachable at %s; retrying", g.path);
            warned = 1;
            if (sleep_unless_stopping(backoff)) break;
            backoff = backoff * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : backoff * 2;
            continue;
        }
        backoff = BACKOFF_MIN_MS;
        warned = 0;
        pthread_mutex_lock(&g.lock);
        g.fd = fd;
        g.generation++;
        uint32_t generation = g.generation;
        g.out_len = 0;
        enqueue_locked(TC9_FRAME_HELLO, 0, g.hello, g.hello_len);
        pthread_mutex_unlock(&g.lock);
        tc9_log(TC9_LOG_INFO, "connected to the sidecar process at %s (connection %u)", g.path, generation);
        g.events.on_connected(generation);
        serve_connection(fd);
        pthread_mutex_lock(&g.lock);
        g.fd = -1;
        g.out_len = 0;
        pthread_mutex_unlock(&g.lock);
        close(fd);
        g.events.on_disconnected(generation);
        if (!is_stopping()) tc9_log(TC9_LOG_WARN, "lost the sidecar process (connection %u); reconnecting", generation);
    }
    return NULL;
}

int tc9_bridge_start(const char* socket_path, const uint8_t* hello, size_t hello_len, const tc9_bridge_events* events) {
    if (g.running) return 0;
    if (strlen(socket_path) >= sizeof g.path) return -1;
    strcpy(g.path, socket_path);
    g.hello = malloc(hello_len ? hello_len : 1);
    if (!g.hello) return -1;
    memcpy(g.hello, hello, hello_len);
    g.hello_len = hello_len;
    g.events = *events;
    g.stopping = 0;
    if (pipe2(g.wake, O_NONBLOCK | O_CLOEXEC) != 0) {
        free(g.hello);
        g.hello = NULL;
        return -1;
    }
    if (pthread_create(&g.thread, NULL, io_main, NULL) != 0) {
        close(g.wake[0]);
        close(g.wake[1]);
        g.wake[0] = g.wake[1] = -1;
        free(g.hello);
        g.hello = NULL;
        return -1;
    }
    g.running = 1;
    return 0;
}

void tc9_bridge_stop(void) {
    if (!g.running) return;
    pthread_mutex_lock(&g.lock);
    g.stopping = 1;
    pthread_cond_broadcast(&g.stop_cond);
    pthread_mutex_unlock(&g.lock);
    wake_io();
    pthread_join(g.thread, NULL);
    close(g.wake[0]);
    close(g.wake[1]);
    g.wake[0] = g.wake[1] = -1;
    free(g.out);
    g.out = NULL;
    g.out_len = g.out_cap = 0;
    free(g.hello);
    g.hello = NULL;
    g.running = 0;
}

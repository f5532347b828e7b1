/* The connection to the tc9 sidecar process: a Unix domain socket served by one I/O
 * thread that connects, reconnects with backoff, writes what stays queued and reads incoming
 * frames. It never calls into the worldserver; incoming frames go to `on_frame`, which
 * only queues work. A sending thread writes its frame itself when nothing is queued before it. */
#ifndef TC9_BRIDGE_H
#define TC9_BRIDGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    /* A connection is up and HELLO is queued (I/O thread). */
    void (*on_connected)(uint32_t generation);
    /* One complete frame arrived (I/O thread). */
    void (*on_frame)(uint8_t type, uint32_t id, const uint8_t* body, uint32_t len);
    /* The connection is gone (I/O thread). */
    void (*on_disconnected)(uint32_t generation);
} tc9_bridge_events;

/* Starts the I/O thread. `hello` is sent as the first frame of every connection. */
int tc9_bridge_start(const char* socket_path, const uint8_t* hello, size_t hello_len, const tc9_bridge_events* events);
/* Flushes what is queued (bounded), closes the connection and joins the thread. */
void tc9_bridge_stop(void);
/* Sends a frame on the current connection (written at once when nothing is queued before it,
 * the rest left to the I/O thread); -1 when there is none or the queue is full. */
int tc9_bridge_send(uint8_t type, uint32_t id, const uint8_t* body, size_t len);
/* Sends a frame only if connection `generation` is still the current one. */
int tc9_bridge_send_on(uint32_t generation, uint8_t type, uint32_t id, const uint8_t* body, size_t len);
/* The current connection's number (0 before the first connection or while disconnected). */
uint32_t tc9_bridge_generation(void);

#endif

/* Shared state of an initialised library: settings and the world-thread work queues. */
#ifndef TC9_RUNTIME_H
#define TC9_RUNTIME_H

#include <stdint.h>

#include "work-queue.h"
#include "wire.h"

/* Hook-queue task kind of a NATS message (hook kinds start at 1). */
#define TC9_TASK_NATS_MESSAGE 0

extern tc9_queue tc9_read_queue;
extern tc9_queue tc9_write_queue;
extern tc9_queue tc9_hook_queue;

uint32_t tc9_runtime_call_timeout_ms(void);

/* Maps this worldserver owns, as the I/O thread last learned them. */
/* A WELCOME arrived: replaces the owned maps; returns 1 when it was the first one. When
 * it was not and the maps changed, queues a maps-reassigned hook with the difference. */
int tc9_maps_on_welcome(const uint32_t* maps, int n);
/* A maps-reassigned hook is queued: applies it to the owned maps. */
void tc9_maps_on_reassigned(tc9_reader r);
/* A malloc'ed copy of the owned maps (NULL when none). */
uint32_t* tc9_maps_copy(int* n);
/* Remembers maps declared ready and sends MAPS_READY (also re-sent on every connection). */
void tc9_maps_ready(const uint32_t* maps, int n);
void tc9_maps_resend_ready(void);
void tc9_maps_reset(void);

#endif

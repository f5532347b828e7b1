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
/* A WELCOME arrived: replaces the owned maps. Once the worldserver was handed its maps
 * (tc9_maps_hand_over), a change queues a maps-reassigned hook with the difference; so a
 * first WELCOME that arrives after TC9InitLib gave up hands over every map that way. */
void tc9_maps_on_welcome(const uint32_t* maps, int n);
/* A maps-reassigned hook is queued: applies it to the owned maps. */
void tc9_maps_on_reassigned(tc9_reader r);
/* TC9InitLib returns: a malloc'ed copy of the owned maps (NULL when none); later changes
 * arrive as maps-reassigned hooks. */
uint32_t* tc9_maps_hand_over(int* n);
/* Remembers maps declared ready and sends MAPS_READY (also re-sent on every connection). */
void tc9_maps_ready(const uint32_t* maps, int n);
void tc9_maps_resend_ready(void);
void tc9_maps_reset(void);

#endif

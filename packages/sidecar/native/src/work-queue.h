/* Work the I/O thread hands to the world thread: cluster requests (a read queue and a
 * write queue) and hook deliveries. Producers append under a lock; the world thread takes
 * the whole list at once and runs it outside the lock. */
#ifndef TC9_WORK_QUEUE_H
#define TC9_WORK_QUEUE_H

#include <stdint.h>

typedef struct tc9_task {
    struct tc9_task* next;
    uint8_t kind;
    uint32_t id;
    uint32_t generation;   /* the connection a request came on */
    uint64_t deadline_ms;  /* monotonic ms; 0 = none */
    uint32_t len;
    uint8_t body[];        /* copied frame body */
} tc9_task;

typedef struct {
    tc9_task* head;
    tc9_task* tail;
} tc9_queue;

/* A task with a copy of `body`; NULL when out of memory. */
tc9_task* tc9_task_new(uint8_t kind, uint32_t id, const uint8_t* body, uint32_t len);
void tc9_queue_push(tc9_queue* q, tc9_task* task);
/* Takes every queued task (oldest first); the caller frees each with free(). */
tc9_task* tc9_queue_take_all(tc9_queue* q);
/* Frees every queued task. */
void tc9_queue_clear(tc9_queue* q);
/* Frees the queued tasks that came on connection `generation`; returns how many. */
int tc9_queue_drop_generation(tc9_queue* q, uint32_t generation);

/* Monotonic clock in milliseconds. */
uint64_t tc9_now_ms(void);

#endif

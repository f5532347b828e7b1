#include "work-queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One lock for all queues: pushes and takes are short. */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

tc9_task* tc9_task_new(uint8_t kind, uint32_t id, const uint8_t* body, uint32_t len) {
    tc9_task* task = malloc(sizeof(tc9_task) + len);
    if (!task) return NULL;
    task->next = NULL;
    task->kind = kind;
    task->id = id;
    task->generation = 0;
    task->deadline_ms = 0;
    task->len = len;
    if (len) memcpy(task->body, body, len);
    return task;
}

void tc9_queue_push(tc9_queue* q, tc9_task* task) {
    pthread_mutex_lock(&g_lock);
    task->next = NULL;
    if (q->tail) q->tail->next = task;
    else q->head = task;
    q->tail = task;
    pthread_mutex_unlock(&g_lock);
}

tc9_task* tc9_queue_take_all(tc9_queue* q) {
    pthread_mutex_lock(&g_lock);
    tc9_task* all = q->head;
    q->head = q->tail = NULL;
    pthread_mutex_unlock(&g_lock);
    return all;
}

void tc9_queue_clear(tc9_queue* q) {
    tc9_task* task = tc9_queue_take_all(q);
    while (task) {
        tc9_task* next = task->next;
        free(task);
        task = next;
    }
}

int tc9_queue_drop_generation(tc9_queue* q, uint32_t generation) {
    int dropped = 0;
    pthread_mutex_lock(&g_lock);
    tc9_task** link = &q->head;
    q->tail = NULL;
    while (*link) {
        tc9_task* task = *link;
        if (task->generation == generation) {
            *link = task->next;
            free(task);
            dropped++;
        } else {
            q->tail = task;
            link = &task->next;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return dropped;
}

uint64_t tc9_now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

#include "wire.h"

#include <stdlib.h>
#include <string.h>

void tc9_writer_init(tc9_writer* w) {
    w->data = NULL;
    w->len = 0;
    w->cap = 0;
    w->failed = 0;
}

void tc9_writer_free(tc9_writer* w) {
    free(w->data);
    tc9_writer_init(w);
}

static uint8_t* reserve(tc9_writer* w, size_t n) {
    if (w->failed) return NULL;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 64;
        while (cap < w->len + n) cap *= 2;
        uint8_t* grown = realloc(w->data, cap);
        if (!grown) {
            w->failed = 1;
            return NULL;
        }
        w->data = grown;
        w->cap = cap;
    }
    uint8_t* at = w->data + w->len;
    w->len += n;
    return at;
}

static void put_le(tc9_writer* w, uint64_t v, size_t n) {
    uint8_t* at = reserve(w, n);
    if (!at) return;
    for (size_t i = 0; i < n; i++) at[i] = (uint8_t)(v >> (8 * i));
}

void tc9_put_u8(tc9_writer* w, uint8_t v) { put_le(w, v, 1); }
void tc9_put_u16(tc9_writer* w, uint16_t v) { put_le(w, v, 2); }
void tc9_put_u32(tc9_writer* w, uint32_t v) { put_le(w, v, 4); }
void tc9_put_u64(tc9_writer* w, uint64_t v) { put_le(w, v, 8); }
void tc9_put_i32(tc9_writer* w, int32_t v) { put_le(w, (uint32_t)v, 4); }

void tc9_put_raw(tc9_writer* w, const void* bytes, size_t len) {
    if (len == 0) return;
    uint8_t* at = reserve(w, len);
    if (at) memcpy(at, bytes, len);
}

void tc9_put_bytes(tc9_writer* w, const void* bytes, size_t len) {
    tc9_put_u32(w, (uint32_t)len);
    tc9_put_raw(w, bytes, len);
}

void tc9_put_str(tc9_writer* w, const char* s) {
    tc9_put_bytes(w, s, s ? strlen(s) : 0);
}

void tc9_put_u64_list(tc9_writer* w, const uint64_t* v, int n) {
    if (n < 0 || !v) n = 0;
    tc9_put_u32(w, (uint32_t)n);
    for (int i = 0; i < n; i++) tc9_put_u64(w, v[i]);
}

void tc9_put_u32_list(tc9_writer* w, const uint32_t* v, int n) {
    if (n < 0 || !v) n = 0;
    tc9_put_u32(w, (uint32_t)n);
    for (int i = 0; i < n; i++) tc9_put_u32(w, v[i]);
}

void tc9_reader_init(tc9_reader* r, const uint8_t* data, size_t len) {
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->failed = 0;
}

static const uint8_t* take(tc9_reader* r, size_t n) {
    if (r->failed || r->len - r->pos < n) {
        r->failed = 1;
        return NULL;
    }
    const uint8_t* at = r->data + r->pos;
    r->pos += n;
    return at;
}

static uint64_t get_le(tc9_reader* r, size_t n) {
    const uint8_t* at = take(r, n);
    if (!at) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= (uint64_t)at[i] << (8 * i);
    return v;
}

uint8_t tc9_get_u8(tc9_reader* r) { return (uint8_t)get_le(r, 1); }
uint16_t tc9_get_u16(tc9_reader* r) { return (uint16_t)get_le(r, 2); }
uint32_t tc9_get_u32(tc9_reader* r) { return (uint32_t)get_le(r, 4); }
uint64_t tc9_get_u64(tc9_reader* r) { return get_le(r, 8); }
int32_t tc9_get_i32(tc9_reader* r) { return (int32_t)(uint32_t)get_le(r, 4); }

uint32_t tc9_get_count(tc9_reader* r, size_t elem_size) {
    uint32_t n = tc9_get_u32(r);
    if (r->failed) return 0;
    if (elem_size > 0 && (size_t)n > (r->len - r->pos) / elem_size) {
        r->failed = 1;
        return 0;
    }
    return n;
}

const uint8_t* tc9_get_bytes(tc9_reader* r, uint32_t* len) {
    uint32_t n = tc9_get_count(r, 1);
    const uint8_t* at = take(r, n);
    *len = at ? n : 0;
    return at;
}

char* tc9_get_str(tc9_reader* r) {
    uint32_t n = 0;
    const uint8_t* at = tc9_get_bytes(r, &n);
    if (r->failed) return NULL;
    char* s = malloc((size_t)n + 1);
    if (!s) {
        r->failed = 1;
        return NULL;
    }
    if (n) memcpy(s, at, n);
    s[n] = '\0';
    return s;
}

uint64_t* tc9_get_u64_list(tc9_reader* r, int* n) {
    *n = 0;
    uint32_t count = tc9_get_count(r, 8);
    if (r->failed || count == 0) return NULL;
    uint64_t* v = malloc(sizeof(uint64_t) * count);
    if (!v) {
        r->failed = 1;
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) v[i] = tc9_get_u64(r);
    *n = (int)count;
    return v;
}

uint32_t* tc9_get_u32_list(tc9_reader* r, int* n) {
    *n = 0;
    uint32_t count = tc9_get_count(r, 4);
    if (r->failed || count == 0) return NULL;
    uint32_t* v = malloc(sizeof(uint32_t) * count);
    if (!v) {
        r->failed = 1;
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) v[i] = tc9_get_u32(r);
    *n = (int)count;
    return v;
}

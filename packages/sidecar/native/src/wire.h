/* Little-endian byte buffers for the frames exchanged with the tc9 sidecar process. */
#ifndef TC9_WIRE_H
#define TC9_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* A growing output buffer. `failed` is set when an allocation fails; writers then do
 * nothing and the caller drops the frame. */
typedef struct {
    uint8_t* data;
    size_t len;
    size_t cap;
    int failed;
} tc9_writer;

void tc9_writer_init(tc9_writer* w);
void tc9_writer_free(tc9_writer* w);
void tc9_put_u8(tc9_writer* w, uint8_t v);
void tc9_put_u16(tc9_writer* w, uint16_t v);
void tc9_put_u32(tc9_writer* w, uint32_t v);
void tc9_put_u64(tc9_writer* w, uint64_t v);
void tc9_put_i32(tc9_writer* w, int32_t v);
/* The bytes as they are (no length prefix). */
void tc9_put_raw(tc9_writer* w, const void* bytes, size_t len);
/* u32 length, then the bytes. A NULL string is written as empty. */
void tc9_put_bytes(tc9_writer* w, const void* bytes, size_t len);
void tc9_put_str(tc9_writer* w, const char* s);
/* u32 count, then the elements. */
void tc9_put_u64_list(tc9_writer* w, const uint64_t* v, int n);
void tc9_put_u32_list(tc9_writer* w, const uint32_t* v, int n);

/* A bounded reader. `failed` is set on any read past the end; readers then return 0. */
typedef struct {
    const uint8_t* data;
    size_t len;
    size_t pos;
    int failed;
} tc9_reader;

void tc9_reader_init(tc9_reader* r, const uint8_t* data, size_t len);
uint8_t tc9_get_u8(tc9_reader* r);
uint16_t tc9_get_u16(tc9_reader* r);
uint32_t tc9_get_u32(tc9_reader* r);
uint64_t tc9_get_u64(tc9_reader* r);
int32_t tc9_get_i32(tc9_reader* r);
/* A count prefix for elements of `elem_size` bytes; fails when the rest is too short. */
uint32_t tc9_get_count(tc9_reader* r, size_t elem_size);
/* A malloc'ed NUL-terminated copy of a length-prefixed string, or NULL on failure. */
char* tc9_get_str(tc9_reader* r);
/* Points into the buffer at a length-prefixed byte run (not copied). */
const uint8_t* tc9_get_bytes(tc9_reader* r, uint32_t* len);
/* A malloc'ed list of u64 / u32 (NULL when empty or on failure; check `failed`). */
uint64_t* tc9_get_u64_list(tc9_reader* r, int* n);
uint32_t* tc9_get_u32_list(tc9_reader* r, int* n);

#endif

/* Running the cluster's requests on the world thread: each area decodes a request body,
 * calls the worldserver's handler (or answers NoHandler) and encodes the result. */
#ifndef TC9_REQUESTS_H
#define TC9_REQUESTS_H

#include <stdint.h>

#include "wire.h"

/* Installs the ToCloud9 un-prefixed and TC9-prefixed setters of one callback. */
#define TC9_DEFINE_SETTERS(Name)                    \
    static Name g_##Name;                           \
    TC9_API void Set##Name(Name h) { g_##Name = h; } \
    TC9_API void TC9Set##Name(Name h) { g_##Name = h; }

/* 1 when the kind runs on the read queue (before writes), 0 for the write queue. */
int tc9_request_is_read(uint8_t kind);
/* Runs a request; returns 0 when the kind is unknown or the body malformed (r->failed). */
int tc9_request_run(uint8_t kind, tc9_reader* r, tc9_writer* w);

/* Per-area runners: 1 when the kind was theirs. */
int tc9_request_items(uint8_t kind, tc9_reader* r, tc9_writer* w);
int tc9_request_battleground(uint8_t kind, tc9_reader* r, tc9_writer* w);
int tc9_request_lfg(uint8_t kind, tc9_reader* r, tc9_writer* w);

#endif

/* GUID pools per (type, realm), refilled from the cluster's GuidService through the
 * sidecar process before they run dry. An empty pool is the only wait (bounded, logged). */
#ifndef TC9_GUIDS_H
#define TC9_GUIDS_H

#include <stdint.h>

#include "wire.h"

void tc9_guids_init(uint32_t own_realm, const uint32_t buffer_sizes[3], uint32_t wait_ms);
/* Next GUID of `type` for `realm` (0 = own realm); 0 when none came within the bound. */
uint64_t tc9_guids_next(int type, uint32_t realm);
/* A connection is up: ask again for every pool below its refill mark. */
void tc9_guids_on_connected(void);
/* The connection is gone: requests in flight will not be answered. */
void tc9_guids_on_disconnected(void);
/* A GUID_POOL frame body. */
void tc9_guids_on_pool(tc9_reader* r);
void tc9_guids_shutdown(void);

#endif

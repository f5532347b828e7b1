/* Generic NATS publish/subscribe for worldserver modules, relayed by the sidecar process. */
#ifndef TC9_NATS_H
#define TC9_NATS_H

#include <stdint.h>

#include "wire.h"

/* Re-sends every subscription on a new connection. */
void tc9_nats_on_connected(void);
/* Calls the subscription's handler with a NATS_MESSAGE body (world thread). */
void tc9_nats_deliver(uint32_t subscription_id, tc9_reader* r);
void tc9_nats_shutdown(void);

#endif

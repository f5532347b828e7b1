/* Blocking calls to the sidecar process (CALL → CALL_RESULT), bounded by a timeout and
 * failed at once when the connection drops. */
#ifndef TC9_CALLS_H
#define TC9_CALLS_H

#include <stdint.h>

#include "wire.h"

/* Sends `body` as a CALL of `kind` and waits. On success returns 0 and *result holds a
 * malloc'ed copy of the answer body (free it); -1 on timeout, refusal or a lost connection. */
int tc9_call(uint8_t kind, const tc9_writer* body, uint32_t timeout_ms, uint8_t** result, uint32_t* result_len);
void tc9_calls_on_result(uint32_t id, const uint8_t* body, uint32_t len);
void tc9_calls_fail_all(void);

#endif

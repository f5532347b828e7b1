/* Hook deliveries on the world thread: decode a HOOK body and call the installed hook. */
#ifndef TC9_HOOKS_H
#define TC9_HOOKS_H

#include <stdint.h>

#include "wire.h"

/* Calls the hook of `kind`; returns 0 when the kind is unknown or the body malformed. */
int tc9_hook_run(uint8_t kind, tc9_reader* r);
int tc9_hook_run_group(uint8_t kind, tc9_reader* r);
int tc9_hook_run_group_state(uint8_t kind, tc9_reader* r);

#endif

/* The library's settings, read from the environment once by TC9InitLib. */
#ifndef TC9_CONFIG_H
#define TC9_CONFIG_H

#include <stdint.h>

typedef struct {
    char socket_path[108];          /* TC9_SIDECAR_SOCKET, default /tmp/tc9-sidecar-<TC9_GRPC_PORT>.sock */
    uint32_t connect_timeout_ms;    /* TC9_SIDECAR_CONNECT_TIMEOUT_MS: how long TC9InitLib waits for registration (30000) */
    uint32_t call_timeout_ms;       /* TC9_SIDECAR_CALL_TIMEOUT_MS: bound of blocking calls (5000) */
    uint32_t guid_wait_ms;          /* TC9_GUID_WAIT_MS: bound of the wait on an empty GUID pool (5000) */
    uint32_t guid_buffer[3];        /* TC9_{CHARACTER,ITEM,INSTANCE}_GUIDS_BUFFER_SIZE (50, 200, 10) */
    int log_level;                  /* TC9_LOG_LEVEL (info) */
} tc9_config;

void tc9_config_load(tc9_config* cfg);

#endif

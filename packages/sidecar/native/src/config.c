#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static uint32_t env_u32(const char* name, uint32_t fallback, uint32_t min, uint32_t max) {
    const char* raw = getenv(name);
    if (!raw || !*raw) return fallback;
    char* end = NULL;
    unsigned long long v = strtoull(raw, &end, 10);
    if (*end != '\0' || v < min || v > max) {
        tc9_log(TC9_LOG_WARN, "%s=%s is not a number in %u..%u; using %u", name, raw, min, max, fallback);
        return fallback;
    }
    return (uint32_t)v;
}

void tc9_config_load(tc9_config* cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->log_level = tc9_log_parse_level(getenv("TC9_LOG_LEVEL"));
    tc9_log_set_level(cfg->log_level);

    const char* socket_path = getenv("TC9_SIDECAR_SOCKET");
    if (socket_path && *socket_path) {
        if (strlen(socket_path) >= sizeof cfg->socket_path) {
            tc9_log(TC9_LOG_ERROR, "TC9_SIDECAR_SOCKET is longer than %zu bytes; using the default path", sizeof cfg->socket_path - 1);
        } else {
            strcpy(cfg->socket_path, socket_path);
        }
    }
    if (!cfg->socket_path[0]) {
        uint32_t grpc_port = env_u32("TC9_GRPC_PORT", 9501, 0, 65535);
        snprintf(cfg->socket_path, sizeof cfg->socket_path, "/tmp/tc9-sidecar-%u.sock", grpc_port);
    }
    cfg->connect_timeout_ms = env_u32("TC9_SIDECAR_CONNECT_TIMEOUT_MS", 30000, 0, 3600000);
    cfg->call_timeout_ms = env_u32("TC9_SIDECAR_CALL_TIMEOUT_MS", 5000, 1, 600000);
    cfg->guid_wait_ms = env_u32("TC9_GUID_WAIT_MS", 5000, 0, 600000);
    cfg->guid_buffer[0] = env_u32("TC9_CHARACTER_GUIDS_BUFFER_SIZE", 50, 1, 1000000);
    cfg->guid_buffer[1] = env_u32("TC9_ITEM_GUIDS_BUFFER_SIZE", 200, 1, 1000000);
    cfg->guid_buffer[2] = env_u32("TC9_INSTANCE_GUIDS_BUFFER_SIZE", 10, 1, 1000000);
}

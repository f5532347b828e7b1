#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <strings.h>

static volatile int g_level = TC9_LOG_INFO;

void tc9_log_set_level(int level) { g_level = level; }

int tc9_log_parse_level(const char* name) {
    if (!name) return TC9_LOG_INFO;
    if (strcasecmp(name, "debug") == 0 || strcasecmp(name, "trace") == 0) return TC9_LOG_DEBUG;
    if (strcasecmp(name, "warn") == 0 || strcasecmp(name, "warning") == 0) return TC9_LOG_WARN;
    if (strcasecmp(name, "error") == 0) return TC9_LOG_ERROR;
    if (strcasecmp(name, "off") == 0) return TC9_LOG_OFF;
    return TC9_LOG_INFO;
}

void tc9_log(int level, const char* fmt, ...) {
    static const char* const names[] = {"DEBUG", "INFO", "WARN", "ERROR"};
    if (level < g_level || level >= TC9_LOG_OFF) return;
    char line[1024];
    va_list args;
    va_start(args, fmt);
    vsnprintf(line, sizeof line, fmt, args);
    va_end(args);
    fprintf(stderr, "tc9-libsidecar %s %s\n", names[level], line);
}

/* Library log lines on stderr ("tc9-libsidecar LEVEL message"), filtered by TC9_LOG_LEVEL. */
#ifndef TC9_LOG_H
#define TC9_LOG_H

enum { TC9_LOG_DEBUG = 0, TC9_LOG_INFO = 1, TC9_LOG_WARN = 2, TC9_LOG_ERROR = 3, TC9_LOG_OFF = 4 };

void tc9_log_set_level(int level);
/* Parses debug|info|warn|warning|error|off (any case); unknown names give info. */
int tc9_log_parse_level(const char* name);
void tc9_log(int level, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

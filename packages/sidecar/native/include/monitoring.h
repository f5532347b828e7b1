/* tc9 libsidecar: world loop statistics for /metrics. */
#ifndef __MONITORING__
#define __MONITORING__

#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum MonitoringErrorCode {
    MonitoringErrorCodeNoError    = 0,
    MonitoringErrorCodeNoHandler  = 1,
} MonitoringErrorCode;

typedef struct {
    int      errorCode;
    uint32_t connectedPlayers;
    uint32_t diffMean;
    uint32_t diffMedian;
    uint32_t diff95Percentile;
    uint32_t diff99Percentile;
    uint32_t diffMaxPercentile;
} MonitoringDataCollectorResponse;

typedef MonitoringDataCollectorResponse (*MonitoringDataCollectorHandler)();
TC9_API void SetMonitoringDataCollectorHandler(MonitoringDataCollectorHandler h);
TC9_API MonitoringDataCollectorResponse CallMonitoringDataCollectorHandler();

#ifdef __cplusplus
}
#endif

#endif

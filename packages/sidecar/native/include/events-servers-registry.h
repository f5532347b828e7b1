/* tc9 libsidecar: map ownership changes decided by the servers registry. */
#ifndef __EVENT_SERVERS_REGISTRY__
#define __EVENT_SERVERS_REGISTRY__

#include <stdint.h>

#include "tc9_api.h"

#ifdef __cplusplus
extern "C" {
#endif

enum ServersRegistryStatus {
    ServersRegistryHookStatusOK = 0,
    ServersRegistryHookStatusNoHook = 1
};

typedef void (*OnMapsReassignedHook) (uint32_t* /*maps_added*/, int /*maps_added_size*/, uint32_t* /*maps_removed*/, int /*maps_removed_size*/);
TC9_API void SetOnMapsReassignedHook(OnMapsReassignedHook h);
TC9_API int CallOnMapsReassignedHook(uint32_t* maps_added, int maps_added_size, uint32_t* maps_removed, int maps_removed_size);

#ifdef __cplusplus
}
#endif

#endif

/* tc9 libsidecar: symbol visibility of the public functions.
 * The library is built with -fvisibility=hidden and TC9_BUILDING_DLL, so only the
 * functions marked TC9_API are exported. */
#ifndef TC9_API_H
#define TC9_API_H

#ifndef TC9_API
#  ifdef _WIN32
#    ifdef TC9_BUILDING_DLL
#      define TC9_API __declspec(dllexport)
#    else
#      define TC9_API __declspec(dllimport)
#    endif
#  else
#    ifdef TC9_BUILDING_DLL
#      define TC9_API __attribute__((visibility("default")))
#    else
#      define TC9_API
#    endif
#  endif
#endif

#endif /* TC9_API_H */

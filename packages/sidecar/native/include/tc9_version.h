/* tc9 libsidecar: ABI version of these headers.
 *
 * The library reports its own version through TC9GetVersion(); a consumer passes
 * TC9_VERSION_MAJOR / TC9_VERSION_MINOR to TC9CheckAbiCompatible() to check that the
 * library it loaded is compatible with the headers it was compiled against.
 * 1.0.0 is ToCloud9's C++ libsidecar; 1.1.0 adds the functions, hooks and handlers of
 * ToCloud9 PR #37 without changing any 1.0.0 layout (new struct fields are appended).
 */
#ifndef TC9_VERSION_H
#define TC9_VERSION_H

#define TC9_VERSION_MAJOR 1
#define TC9_VERSION_MINOR 1
#define TC9_VERSION_PATCH 0

#define TC9_VERSION_STRING "1.1.0"

/* major * 10000 + minor * 100 + patch */
#define TC9_VERSION_NUMBER (TC9_VERSION_MAJOR * 10000 + TC9_VERSION_MINOR * 100 + TC9_VERSION_PATCH)

#endif /* TC9_VERSION_H */

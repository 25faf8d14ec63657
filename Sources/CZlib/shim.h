#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
/* zlib (Debian zlib1g-dev), for the index's compressed text store. */
#include <zlib.h>
#endif

#ifndef CSTEMMER_SHIM_H
#define CSTEMMER_SHIM_H
/* Snowball's C stemmers (Debian libstemmer-dev). */
#include <libstemmer.h>
#endif

#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the
   system's <unicode/*.h>. Swift's Foundation ships its own ICU module whose
   UErrorCode differs; a module that sees both fails on a clean build with
   "'UErrorCode' has different definitions in different modules". ShowNotes
   never touches libxml2's ICU converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   read from nonisolated code; this wrapper is a plain function. */
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }

#endif

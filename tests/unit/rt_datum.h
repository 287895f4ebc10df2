/* rt_datum.h - SrtDatum helpers shared by the runtime's unit tests. */
#ifndef RT_DATUM_H
#define RT_DATUM_H

#include <string.h>

#include "srt_abi.h"

/* A STRING datum of the NUL-terminated s (borrowed). */
static inline SrtDatum rt_str_datum(const char *s)
{
    SrtDatum d = {0};
    d.p = s;
    d.n = (uint32_t)strlen(s);
    return d;
}

#endif

/* srt_sbuf.h - a string growing in a query's scratch memory (per-record results built piece by
** piece: format_string, regexp_replace).  Lives until the record's scratch reset.
*/
#ifndef SRT_SBUF_H
#define SRT_SBUF_H

#include <string.h>

#include "srt_abi.h"

typedef struct SrtSBuf {
    SrtQuery *q;
    char *p;
    size_t n, cap;
} SrtSBuf;

/* Append s[0..n); the old bytes are copied to a larger block when they do not fit. */
static inline void srt_sbuf_put(SrtSBuf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (b->n + n > b->cap) {
        size_t cap = (b->n + n) * 2 + 64;
        char *p = srt_scratch_alloc(b->q, cap);
        if (b->n)
            memcpy(p, b->p, b->n);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

#endif

/* srcspan.h - a byte range of the query text; carried by every token, AST, bound and plan node. */
#ifndef SL_SRCSPAN_H
#define SL_SRCSPAN_H

#include <stdint.h>

typedef struct SrcSpan {
    uint32_t file;  /* index of the source file (0: the query file) */
    uint32_t begin; /* byte offset of the first byte */
    uint32_t end;   /* byte offset one past the last byte */
} SrcSpan;

static inline SrcSpan span_join(SrcSpan a, SrcSpan b)
{
    SrcSpan s = {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
    return s;
}

#endif

/* strbuf.h - growable string builder in an arena, for dumps, names and messages. */
#ifndef SL_STRBUF_H
#define SL_STRBUF_H

#include <stddef.h>

#include "base/arena.h"

typedef struct StrBuf {
    Arena *arena; /* storage; abandoned buffers stay in the arena */
    char *data;   /* always NUL-terminated */
    size_t len;
    size_t cap;
} StrBuf;

void sb_init(StrBuf *sb, Arena *arena);
void sb_putc(StrBuf *sb, char c);
void sb_puts(StrBuf *sb, const char *s);
void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_indent(StrBuf *sb, int depth); /* two spaces per level */
/* name as a backquoted SQL identifier (`a``b` for a`b). */
void sb_put_backquoted(StrBuf *sb, const char *name);

#endif

/* cm_like.h - what a LIKE pattern may hold, as Spark's StringUtils.escapeLikeRegex reads it:
** the one rule the compiler (a constant pattern is refused before the query runs) and the
** runtime's matcher (srt_like, a pattern from the data fails the batch) follow.  Static
** inline: the matcher is inlined into generated code.
**
** A pattern is read by code points.  The escape character (ESCAPE 'c', '\' without one) makes
** the next code point literal, which must be '_', '%' or the escape character itself; any
** other one after it, or an escape character at the end, is an invalid pattern.  '_' matches
** one code point, '%' any run of them, anything else itself.  Code points are read with
** cm_utf8.h's cm_utf8_next.
*/
#ifndef CM_LIKE_H
#define CM_LIKE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/cm_utf8.h"

/* s (n bytes) as a SQL string literal at *at of out (cap bytes, kept terminated): quoted, with
   backslashes and quotes escaped, as Spark's Literal.sql prints a STRING. */
static inline void cm_like_put_sql(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    for (size_t i = 0; i <= n + 1 && *at + 3 < cap; i++) {
        char c = i == 0 || i == n + 1 ? '\'' : s[i - 1];
        if (i > 0 && i <= n && (c == '\\' || c == '\''))
            out[(*at)++] = '\\';
        out[(*at)++] = c;
    }
    out[*at] = '\0';
}

/* 0 if pattern p (n bytes) is valid with escape esc; else -1 with Spark's message in msg
   (cap > 0 bytes): INVALID_FORMAT.ESC_IN_THE_MIDDLE / ESC_AT_THE_END, as
   QueryCompilationErrors.escapeCharacterInTheMiddleError / escapeCharacterAtTheEndError
   word them, the pattern and the character as SQL strings. */
static inline int cm_like_check(const char *p, size_t n, uint32_t esc, char *msg, size_t cap)
{
    size_t i = 0;
    while (i < n) {
        if (cm_utf8_next(p, n, &i) != esc)
            continue;
        size_t at = i, len = 0;
        if (i < n) {
            uint32_t c = cm_utf8_next(p, n, &i);
            if (c == '_' || c == '%' || c == esc)
                continue;
            len = i - at;
        }
        size_t k = (size_t)snprintf(msg, cap, "The format is invalid: ");
        k = k < cap ? k : cap - 1;
        cm_like_put_sql(msg, cap, &k, p, n);
        if (at == n) {
            snprintf(msg + k, cap - k, ". The escape character is not allowed to end with.");
        } else {
            int w = snprintf(msg + k, cap - k, ". The escape character is not allowed to precede ");
            k += w > 0 && (size_t)w < cap - k ? (size_t)w : 0;
            cm_like_put_sql(msg, cap, &k, p + at, len);
            if (k + 1 < cap) {
                msg[k++] = '.';
                msg[k] = '\0';
            }
        }
        return -1;
    }
    return 0;
}

#endif
